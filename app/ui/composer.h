#pragma once

#include <QPlainTextEdit>

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

signals:
    void sendRequested(const QString &text);
    // Up in an empty composer: edit the last message the user wrote.
    void editLastRequested();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void adjustHeight();

    TypingNotifier *m_typing;
};

} // namespace Natter::Client
