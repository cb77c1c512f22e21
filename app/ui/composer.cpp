#include "composer.h"
#include "session/typingnotifier.h"
#include "spellhighlighter.h"
#include "text/spellchecker.h"

#include <QContextMenuEvent>
#include <QImage>
#include <QMenu>
#include <QKeyEvent>
#include <QMimeData>
#include <QUrl>
#include <QTextBlock>

namespace Natter::Client {

Composer::Composer(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_typing(new TypingNotifier(this))
{
    setObjectName(u"composer"_qs);
    setTabChangesFocus(true);
    setPlaceholderText(tr("Write a message"));
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    connect(this, &QPlainTextEdit::textChanged, this, &Composer::adjustHeight);
    adjustHeight();
}

QSize Composer::sizeHint() const
{
    return { 400, minimumHeight() };
}

void Composer::adjustHeight()
{
    const int lines = std::clamp(int(document()->size().height()), 1, 6);
    // Frame, the document's own margins and the style sheet's padding all come on top of the lines.
    const int chrome = 2 * frameWidth() + int(2 * document()->documentMargin()) + 14;
    setFixedHeight(lines * fontMetrics().lineSpacing() + chrome);
    setVerticalScrollBarPolicy(
        document()->size().height() > 6 ? Qt::ScrollBarAsNeeded : Qt::ScrollBarAlwaysOff);
}

void Composer::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && isReadOnly()) {
        // Muted or a read-only channel (admin/composerlock.h): a draft written before stays, and is not sent.
        emit sendRefused(placeholderText());
        return;
    }
    if (enter && !(event->modifiers() & Qt::ShiftModifier)) {
        const QString text = toPlainText().trimmed();
        if (!text.isEmpty() || m_allowEmpty) {
            if (const QString refusal = m_guard ? m_guard() : QString(); !refusal.isEmpty()) {
                emit sendRefused(refusal);
                return;
            }
            m_typing->messageSent();
            clear();
            emit sendRequested(text);
        }
        return;
    }
    if (enter) {
        insertPlainText(u"\n"_qs);
        return;
    }
    if (event->key() == Qt::Key_Up && event->modifiers() == Qt::NoModifier && document()->isEmpty()) {
        emit editLastRequested();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
    if (!event->text().isEmpty() || event->key() == Qt::Key_Backspace) m_typing->keyPressed();
}

bool Composer::canInsertFromMimeData(const QMimeData *source) const
{
    return source->hasImage() || source->hasUrls() || QPlainTextEdit::canInsertFromMimeData(source);
}

void Composer::insertFromMimeData(const QMimeData *source)
{
    // Files (dropped, or copied in a file manager) and images become attachments; text stays text.
    QStringList files;
    if (source->hasUrls())
        for (const QUrl &url : source->urls())
            if (url.isLocalFile()) files.append(url.toLocalFile());
    if (!files.isEmpty()) {
        emit filesAdded(files);
        return;
    }
    if (source->hasImage()) {
        const QImage image = qvariant_cast<QImage>(source->imageData());
        if (!image.isNull()) {
            emit imagePasted(image);
            return;
        }
    }
    QPlainTextEdit::insertFromMimeData(source);
}

void Composer::setSpellChecker(std::shared_ptr<SpellChecker> checker)
{
    delete m_highlighter;
    m_highlighter = checker && checker->isValid() ? new SpellHighlighter(document(), std::move(checker)) : nullptr;
}

QList<QAction *> Composer::spellingActions(const QPoint &pos, QObject *parent)
{
    QList<QAction *> out;
    if (!m_highlighter) return out;
    QTextCursor cursor = cursorForPosition(pos);
    cursor.select(QTextCursor::WordUnderCursor);
    const QString word = cursor.selectedText();
    SpellChecker *checker = m_highlighter->checker();
    if (word.isEmpty() || m_highlighter->misspelled(word).isEmpty()) return out;
    const QStringList suggestions = checker->suggestions(word);
    for (const QString &s : suggestions) {
        auto *a = new QAction(s, parent);
        QFont f = a->font();
        f.setBold(true);
        a->setFont(f);
        connect(a, &QAction::triggered, this, [cursor, s]() mutable { cursor.insertText(s); });
        out.append(a);
    }
    if (suggestions.isEmpty()) {
        auto *none = new QAction(tr("No suggestions"), parent);
        none->setEnabled(false);
        out.append(none);
    }
    auto *add = new QAction(tr("Add “%1” to the dictionary").arg(word), parent);
    connect(add, &QAction::triggered, this, [this, checker, word] {
        checker->addToDictionary(word);
        m_highlighter->rehighlight();
    });
    out.append(add);
    return out;
}

void Composer::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu *menu = createStandardContextMenu(event->pos());
    const QList<QAction *> spelling = spellingActions(event->pos(), menu);
    if (!spelling.isEmpty()) {
        QAction *first = menu->actions().value(0);
        menu->insertActions(first, spelling);
        menu->insertSeparator(first);
    }
    menu->exec(event->globalPos());
    delete menu;
}

} // namespace Natter::Client
