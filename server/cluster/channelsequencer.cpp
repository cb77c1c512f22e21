#include "cluster/channelsequencer.h"
#include "gateway/hub.h"
#include "logging.h"
#include "services/eventlog.h"
#include "store/channelstore.h"

#include <common/isotime.h>
#include <common/protocollimits.h>

namespace Natter::Server {

namespace {
// A fill is bounded like a `sync`: past this the clients are left to their own `sync` (they see the gap).
constexpr qint64 MaxFillBytes = 64 * 1024 * 1024;
// How long an event past a gap waits for the missing ones to arrive through Redis before they are read from
// the store (under load two instances' commits to one channel often arrive out of order by a millisecond;
// reading the store for each would put database round trips on the event loop), and how many may wait.
constexpr qint64 GapWaitMs = 50;
constexpr qsizetype MaxHeld = 1000;
} // namespace

ChannelSequencer::ChannelSequencer(Hub &hub, EventLog &events, ChannelStore &channels, DurableSeq durableSeq)
    : m_hub(hub)
    , m_events(events)
    , m_channels(channels)
    , m_durableSeq(std::move(durableSeq))
{
    m_gapTimer.setInterval(int(GapWaitMs / 2));
    QObject::connect(&m_gapTimer, &QTimer::timeout, &m_gapTimer, [this] { fillOverdue(); });
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
    if (seq == last + 1) {
        *it = seq;
        const qsizetype handed = m_hub.deliverToChannel(channelId, frame, exceptUser);
        return handed + (m_held.isEmpty() ? 0 : release(channelId));
    }
    if (!m_hub.hasLocalMembers(channelId)) {
        // Nobody here to keep in order: whoever connects later learns the channel's seq in `ready`.
        *it = seq;
        m_held.remove(channelId);
        return 0;
    }
    QMap<qint64, Held> &held = m_held[channelId];
    held.insert(seq, { frame, exceptUser, nowMs() });
    if (held.size() > MaxHeld) {
        const qint64 firstHeld = held.firstKey();
        if (!fill(channelId, last, firstHeld - 1))
            m_last.insert(channelId, firstHeld - 1); // the clients see the gap and sync
        return release(channelId);
    }
    if (!m_gapTimer.isActive())
        m_gapTimer.start();
    return 0;
}

qsizetype ChannelSequencer::release(qint64 channelId)
{
    auto heldIt = m_held.find(channelId);
    if (heldIt == m_held.end())
        return 0;
    qsizetype handed = 0;
    qint64 &last = m_last[channelId];
    QMap<qint64, Held> &held = *heldIt;
    while (!held.isEmpty() && held.firstKey() <= last + 1) {
        const qint64 seq = held.firstKey();
        const Held event = held.take(seq);
        if (seq == last + 1) {
            last = seq;
            handed += m_hub.deliverToChannel(channelId, event.frame, event.exceptUser);
        }
    }
    if (held.isEmpty())
        m_held.erase(heldIt);
    return handed;
}

void ChannelSequencer::fillOverdue()
{
    const qint64 cutoff = nowMs() - GapWaitMs;
    QList<qint64> overdue;
    for (auto it = m_held.cbegin(); it != m_held.cend(); ++it)
        if (!it->isEmpty() && it->first().sinceMs <= cutoff)
            overdue.append(it.key());
    for (qint64 channelId : std::as_const(overdue)) {
        const qint64 last = m_last.value(channelId);
        const qint64 firstHeld = m_held.value(channelId).firstKey();
        qCInfo(lcCluster) << "channel" << channelId << "jumped from seq" << last << "to" << firstHeld
                          << "- filling from the store";
        if (!fill(channelId, last, firstHeld - 1))
            m_last.insert(channelId, firstHeld - 1); // the clients see the gap and sync
        release(channelId);
    }
    if (m_held.isEmpty())
        m_gapTimer.stop();
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
        release(channelId);
    }
    if (delivered)
        qCInfo(lcCluster) << "caught up" << delivered << "events from the store";
    return delivered;
}

} // namespace Natter::Server
