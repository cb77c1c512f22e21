#include "mentioncompleter.h"

#include <QKeyEvent>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QScrollBar>

namespace Natter::Client {

namespace {
constexpr int MaxShown = 8;
}

MentionCompleter::MentionCompleter(QPlainTextEdit *editor, Candidates candidates)
    : QObject(editor)
    , m_editor(editor)
    , m_candidates(std::move(candidates))
    , m_popup(new QListWidget(editor->window()))
{
    m_popup->setObjectName(u"mentionPopup"_qs);
    m_popup->setFocusPolicy(Qt::NoFocus);
    m_popup->setStyleSheet(u"QListWidget { border: 1px solid #d1d5db; border-radius: 6px; background: white; }"
                           " QListWidget::item { padding: 4px 8px; }"
                           " QListWidget::item:selected { background: #dbeafe; color: #111827; }"_qs);
    m_popup->hide();
    editor->installEventFilter(this);
    connect(editor, &QPlainTextEdit::textChanged, this, &MentionCompleter::update);
    connect(editor, &QPlainTextEdit::cursorPositionChanged, this, &MentionCompleter::update);
    connect(m_popup, &QListWidget::itemClicked, this, &MentionCompleter::insertCurrent);
}

bool MentionCompleter::isActive() const
{
    return m_popup->isVisible();
}

QStringList MentionCompleter::shownLabels() const
{
    QStringList out;
    for (int i = 0; i < m_popup->count(); ++i)
        out.append(m_popup->item(i)->text());
    return out;
}

void MentionCompleter::update()
{
    const QTextCursor cursor = m_editor->textCursor();
    const QString text = m_editor->toPlainText();
    int pos = cursor.position();
    int start = pos;
    while (start > 0 && (text.at(start - 1).isLetterOrNumber() || text.at(start - 1) == u'_'
               || text.at(start - 1) == u'.' || text.at(start - 1) == u'-'))
        --start;
    const bool sigil = start > 0 && (text.at(start - 1) == u'@' || text.at(start - 1) == u'#')
        && (start == 1 || text.at(start - 2).isSpace());
    if (!sigil || cursor.hasSelection()) {
        hide();
        return;
    }
    m_start = start - 1;
    const QList<Candidate> found = m_candidates(text.at(m_start), text.mid(start, pos - start));
    if (found.isEmpty()) {
        hide();
        return;
    }
    m_popup->clear();
    for (const Candidate &c : found.mid(0, MaxShown)) {
        auto *item = new QListWidgetItem(c.label);
        item->setData(Qt::UserRole, c.insert);
        m_popup->addItem(item);
    }
    m_popup->setCurrentRow(0);
    const int rowHeight = m_popup->sizeHintForRow(0);
    const int height = rowHeight * m_popup->count() + 8;
    const QPoint at = m_editor->mapTo(m_popup->parentWidget(), m_editor->cursorRect().topLeft());
    m_popup->setGeometry(std::max(8, at.x() - 8), std::max(8, at.y() - height - 4), 320, height);
    m_popup->raise();
    m_popup->show();
}

void MentionCompleter::hide()
{
    m_popup->hide();
    m_start = -1;
}

void MentionCompleter::insertCurrent()
{
    const QListWidgetItem *item = m_popup->currentItem();
    if (!item || m_start < 0) return;
    QTextCursor cursor = m_editor->textCursor();
    const int end = cursor.position();
    cursor.setPosition(m_start + 1);
    cursor.setPosition(end, QTextCursor::KeepAnchor);
    cursor.insertText(item->data(Qt::UserRole).toString() + u' ');
    m_editor->setTextCursor(cursor);
    hide();
}

bool MentionCompleter::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_editor && event->type() == QEvent::ShortcutOverride && m_popup->isVisible()) {
        // Keep Esc, Enter and the arrows from the window's shortcuts while the list is open.
        switch (static_cast<QKeyEvent *>(event)->key()) {
        case Qt::Key_Escape:
        case Qt::Key_Return:
        case Qt::Key_Enter:
        case Qt::Key_Tab:
        case Qt::Key_Up:
        case Qt::Key_Down:
            event->accept();
            return true;
        default:
            break;
        }
    }
    if (watched == m_editor && event->type() == QEvent::KeyPress && m_popup->isVisible()) {
        auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Down:
        case Qt::Key_Up: {
            const int row = std::clamp(m_popup->currentRow() + (key->key() == Qt::Key_Down ? 1 : -1), 0, m_popup->count() - 1);
            m_popup->setCurrentRow(row);
            return true;
        }
        case Qt::Key_Return:
        case Qt::Key_Enter:
        case Qt::Key_Tab:
            insertCurrent();
            return true;
        case Qt::Key_Escape:
            hide();
            return true;
        default:
            break;
        }
    }
    if (watched == m_editor && event->type() == QEvent::FocusOut) hide();
    return QObject::eventFilter(watched, event);
}

} // namespace Natter::Client
