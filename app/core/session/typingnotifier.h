#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace Natter::Client {

// Turns keystrokes in the composer into the protocol's typing frames: `typing.start` at most every 2 s while
// keys are pressed, `typing.stop` after 3 s without a key or when the message is sent.
class TypingNotifier : public QObject
{
    Q_OBJECT
public:
    explicit TypingNotifier(QObject *parent = nullptr);

    void setIntervals(int startEveryMs, int idleStopMs);
    void keyPressed();
    void messageSent();
    bool isTyping() const { return m_typing; }

signals:
    void typingStarted();
    void typingStopped();

private:
    void stop();

    QElapsedTimer m_sinceStart;
    QTimer m_idle;
    int m_startEveryMs = 2000;
    bool m_typing = false;
};

} // namespace Natter::Client
