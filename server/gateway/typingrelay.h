#pragma once

#include <QHash>

namespace Natter::Server {

class Hub;
class ChannelStore;

// Relays typing.start/stop to a channel's other members, never stored. Starts are relayed at most once per 2
// s per user and channel; channels larger than the configured size get no typing at all, as large products
// do, because the relay would cost more than it tells.
class TypingRelay
{
public:
    TypingRelay(Hub &hub, ChannelStore &channels, int maxMembers);

    void relay(qint64 channelId, qint64 userId, bool typing, qint64 nowMs);

private:
    Hub &m_hub;
    ChannelStore &m_channels;
    int m_maxMembers;
    QHash<std::pair<qint64, qint64>, qint64> m_lastStart; // (channel, user) -> when a start was last relayed
};

} // namespace Natter::Server
