#pragma once

#include <QPlainTextEdit>

#include <functional>
#include <memory>

namespace Natter::Client {

class SpellChecker;
class SpellHighlighter;
class TypingNotifier;

// The message editor: Enter sends, Shift+Enter breaks the line; it grows with its text up to a few lines.
class Composer : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit Composer(QWidget *parent = nullptr);

    TypingNotifier *typing() const { return m_typing; }
    QSize sizeHint() const override;
    // Consulted on Enter: an empty answer lets the message go; a sentence holds it back (files still uploading).
    // ALLOWEMPTY lets an empty text go (files attached).
    void setSendGuard(std::function<QString()> guard) { m_guard = std::move(guard); }
    void setAllowEmpty(bool allow) { m_allowEmpty = allow; }
    // Spell checking: misspelled words get a red wave, and the context menu offers suggestions and "Add to the
    // dictionary". Null turns it off.
    void setSpellChecker(std::shared_ptr<SpellChecker> checker);
    SpellHighlighter *spellHighlighter() const { return m_highlighter; }
    // The spelling actions for the word at POS (suggestions, or "No suggestions", and "Add … to the
    // dictionary"); empty when the word is spelled right. Owned by PARENT.
    QList<QAction *> spellingActions(const QPoint &pos, QObject *parent);

signals:
    void sendRequested(const QString &text);
    // Up in an empty composer: edit the last message the user wrote.
    void editLastRequested();
    // Files dropped or pasted (local paths), and an image pasted from the clipboard.
    void filesAdded(const QStringList &paths);
    void imagePasted(const QImage &image);
    // The send guard held the message back.
    void sendRefused(const QString &reason);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    bool canInsertFromMimeData(const QMimeData *source) const override;
    void insertFromMimeData(const QMimeData *source) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void adjustHeight();

    TypingNotifier *m_typing;
    std::function<QString()> m_guard;
    bool m_allowEmpty = false;
    SpellHighlighter *m_highlighter = nullptr;
};

} // namespace Natter::Client
