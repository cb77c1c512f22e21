#include "cluster/channelsequencer.h"
#include "gateway/hub.h"
#include "logging.h"
#include "services/eventlog.h"
#include "store/channelstore.h"

#include <common/protocollimits.h>

namespace Natter::Server {

namespace {
// A fill is bounded like a `sync`: past this the clients are left to their own `sync` (they see the gap).
constexpr qint64 MaxFillBytes = 64 * 1024 * 1024;
} // namespace

ChannelSequencer::ChannelSequencer(Hub &hub, EventLog &events, ChannelStore &channels, DurableSeq durableSeq)
    : m_hub(hub)
    , m_events(events)
    , m_channels(channels)
    , m_durableSeq(std::move(durableSeq))
{
}

qsizetype ChannelSequencer::deliver(qint64 channelId, qint64 seq, const QByteArray &frame, qint64 exceptUser)
{
    auto it = m_last.find(channelId);
    if (it == m_last.end()) {
        // Nobody here was told where this channel stood: the order starts with this event.
        m_last.insert(channelId, seq);
        return m_hub.deliverToChannel(channelId, frame, exceptUser);
    }
    const qint64 last = *it;
    if (seq <= last)
        return 0; // delivered already, by a fill
    if (seq > last + 1 && m_hub.hasLocalMembers(channelId)) {
        qCInfo(lcCluster) << "channel" << channelId << "jumped from seq" << last << "to" << seq
                          << "- filling from the store";
        fill(channelId, last, seq - 1);
    }
    m_last.insert(channelId, seq);
    return m_hub.deliverToChannel(channelId, frame, exceptUser);
}

void ChannelSequencer::seen(qint64 channelId, qint64 seq)
{
    if (!m_last.contains(channelId))
        m_last.insert(channelId, seq);
}

bool ChannelSequencer::fill(qint64 channelId, qint64 after, qint64 upTo)
{
    // A membership event among the missing ones changed who receives: read the members again.
    m_channels.forgetMembers(channelId);
    qint64 from = after;
    while (from < upTo) {
        const auto frames = m_events.replay(channelId, from, upTo, Limits::SyncResetThreshold, MaxFillBytes);
        if (!frames || frames->isEmpty()) {
            qCWarning(lcCluster) << "channel" << channelId << "cannot replay seqs" << from + 1 << "to" << upTo
                                 << "from the store; clients will see the gap and sync";
            return false;
        }
        for (const QByteArray &frame : *frames)
            m_hub.deliverToChannel(channelId, frame);
        m_filled += quint64(frames->size());
        from += frames->size();
        m_last.insert(channelId, from);
    }
    return true;
}

qsizetype ChannelSequencer::catchUp()
{
    qsizetype delivered = 0;
    const QList<qint64> channels = m_last.keys();
    for (qint64 channelId : channels) {
        if (!m_hub.hasLocalMembers(channelId))
            continue;
        const auto channel = m_channels.byId(channelId);
        if (!channel)
            continue;
        const qint64 last = m_last.value(channelId);
        const qint64 current = m_durableSeq ? m_durableSeq(channelId, channel->lastSeq) : channel->lastSeq;
        if (current <= last)
            continue;
        const quint64 before = m_filled;
        fill(channelId, last, current);
        delivered += qsizetype(m_filled - before);
    }
    if (delivered)
        qCInfo(lcCluster) << "caught up" << delivered << "events from the store";
    return delivered;
}

} // namespace Natter::Server
