#include "session/readtracker.h"
#include "logging.h"

#include <common/protocol/frametype.h>

namespace Natter::Client {

ReadTracker::ReadTracker(Mark mark, QObject *parent)
    : QObject(parent)
    , m_mark(std::move(mark))
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(500);
    connect(&m_timer, &QTimer::timeout, this, &ReadTracker::flush);
}

void ReadTracker::setWindowActive(bool active)
{
    if (m_active == active) return;
    m_active = active;
    if (!active) return;
    const auto waiting = std::exchange(m_seenWhileInactive, {});
    for (auto it = waiting.cbegin(); it != waiting.cend(); ++it)
        seen(it.key(), it.value());
}

void ReadTracker::seen(Wire::Id channel, Wire::Id message)
{
    if (!channel.isValid() || !message.isValid() || message <= m_marked.value(channel)) return;
    if (!m_active) {
        // Not seen yet: the window is behind others or minimised. Kept for when it comes back.
        if (message > m_seenWhileInactive.value(channel)) m_seenWhileInactive.insert(channel, message);
        return;
    }
    if (message <= m_toSend.value(channel)) return;
    m_toSend.insert(channel, message);
    if (!m_timer.isActive()) m_timer.start();
}

void ReadTracker::setMarked(Wire::Id channel, Wire::Id message)
{
    if (message > m_marked.value(channel)) m_marked.insert(channel, message);
}

void ReadTracker::flush()
{
    const auto toSend = std::exchange(m_toSend, {});
    for (auto it = toSend.cbegin(); it != toSend.cend(); ++it) {
        if (it.value() <= m_marked.value(it.key())) continue;
        m_marked.insert(it.key(), it.value());
        qCDebug(lcSession) << Wire::frameTypeName(Wire::FrameType::ReadMark) << it.key().value() << it.value().value();
        if (m_mark) m_mark(it.key(), it.value());
        emit markSent(it.key(), it.value());
    }
}

} // namespace Natter::Client
