#pragma once

#include <QPlainTextEdit>

#include <functional>

namespace Natter::Client {

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

private:
    void adjustHeight();

    TypingNotifier *m_typing;
    std::function<QString()> m_guard;
    bool m_allowEmpty = false;
};

} // namespace Natter::Client
