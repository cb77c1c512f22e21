#include "inlineeditor.h"
#include "chatpalette.h"

#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace Natter::Client {

InlineEditor::InlineEditor(QWidget *parent)
    : QWidget(parent)
    , m_edit(new QPlainTextEdit)
    , m_hint(new QLabel)
{
    setObjectName(u"inlineEditor"_qs);
    m_edit->setObjectName(u"inlineEditorText"_qs);
    setThemedStyleSheet(m_edit, u"QPlainTextEdit { border: 1px solid @accent; border-radius: 6px; padding: 4px;"
                          " background: @base; }"_qs);
    m_edit->installEventFilter(this);
    m_hint->setObjectName(u"inlineEditorHint"_qs);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_hint);
    showError({});
    setFocusProxy(m_edit);
}

int InlineEditor::preferredHeight()
{
    return 96;
}

void InlineEditor::setText(const QString &text)
{
    m_edit->setPlainText(text);
    m_edit->moveCursor(QTextCursor::End);
}

QString InlineEditor::text() const
{
    return m_edit->toPlainText();
}

void InlineEditor::showError(const QString &error)
{
    m_hint->setProperty("error", error);
    m_hint->setText(error.isEmpty() ? tr("Enter to save · Esc to cancel · Shift+Enter for a new line") : error);
    setThemedStyleSheet(m_hint, error.isEmpty() ? u"color: @muted;"_qs : u"color: @danger;"_qs);
}

QString InlineEditor::error() const
{
    return m_hint->property("error").toString();
}

void InlineEditor::setBusy(bool busy)
{
    m_edit->setReadOnly(busy);
    if (busy) m_hint->setText(tr("Saving…"));
}

bool InlineEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape) {
            emit cancelRequested();
            return true;
        }
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            && !(key->modifiers() & Qt::ShiftModifier)) {
            if (!m_edit->isReadOnly()) emit saveRequested(m_edit->toPlainText().trimmed());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Natter::Client
