#include "gateway/typingrelay.h"
#include "store/channelstore.h"
#include "gateway/connection.h"
#include "gateway/hub.h"

#include <common/protocol/events.h>
#include <common/protocol/frame.h>

#include <common/protocollimits.h>
#include <common/snowflake.h>

namespace Natter::Server {

TypingRelay::TypingRelay(Hub &hub, ChannelStore &channels, int maxMembers)
    : m_hub(hub)
    , m_channels(channels)
    , m_maxMembers(maxMembers)
{
}

void TypingRelay::relay(qint64 channelId, qint64 userId, bool typing, qint64 nowMs)
{
    const QList<qint64> &members = m_channels.memberIds(channelId);
    if (members.size() > m_maxMembers)
        return;
    const auto key = std::make_pair(channelId, userId);
    if (typing) {
        const auto it = m_lastStart.constFind(key);
        if (it != m_lastStart.constEnd() && nowMs - *it < Limits::TypingRelayIntervalMs)
            return;
        m_lastStart.insert(key, nowMs);
        // Keep the table from growing with every channel anyone ever typed in.
        if (m_lastStart.size() > 100000)
            m_lastStart.removeIf(
                [nowMs](const auto &entry) { return nowMs - entry.value() > Limits::TypingRelayIntervalMs; });
    } else if (!m_lastStart.remove(key)) {
        return; // nobody was told that this user was typing
    }
    m_hub.publishToChannel(channelId,
        Wire::encodeFrame(Wire::TypingEvent { channelId, userId, typing }),
        userId);
}

} // namespace Natter::Server
