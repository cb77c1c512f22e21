#include "session/typingnotifier.h"

namespace Natter::Client {

TypingNotifier::TypingNotifier(QObject *parent)
    : QObject(parent)
{
    m_idle.setSingleShot(true);
    m_idle.setInterval(3000);
    connect(&m_idle, &QTimer::timeout, this, &TypingNotifier::stop);
}

void TypingNotifier::setIntervals(int startEveryMs, int idleStopMs)
{
    m_startEveryMs = startEveryMs;
    m_idle.setInterval(idleStopMs);
}

void TypingNotifier::keyPressed()
{
    m_idle.start();
    // The server relays at most one start per 2 s anyway; repeating it that often keeps other clients' 4 s
    // indicator alive while the user keeps typing.
    if (m_typing && m_sinceStart.isValid() && m_sinceStart.elapsed() < m_startEveryMs) return;
    m_typing = true;
    m_sinceStart.start();
    emit typingStarted();
}

void TypingNotifier::messageSent()
{
    stop();
}

void TypingNotifier::stop()
{
    m_idle.stop();
    if (!m_typing) return;
    m_typing = false;
    m_sinceStart.invalidate();
    emit typingStopped();
}

} // namespace Natter::Client
