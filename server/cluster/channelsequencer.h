#pragma once

#include <QByteArray>
#include <QHash>
#include <QMap>
#include <QTimer>

#include <functional>

namespace Natter::Server {

class ChannelStore;
class EventLog;
class Hub;

// Delivers committed channel events to this instance's connections in seq order, exactly once: Redis only
// wakes instances up, the store is the truth. Per channel it keeps the last seq delivered here; an event past
// last + 1 waits a moment for the missing ones (usually in flight from another instance, which committed just
// before), and if they do not come (lost: Redis restarted, a subscription dropped) they are replayed from the
// store first. One at or below last (already filled) is dropped.
class ChannelSequencer
{
public:
    // DURABLESEQ(channel, current): the newest seq of CHANNEL that may be replayed (MessageService::
    // lastDurableSeq(): a batch committed but not yet on disk is not).
    using DurableSeq = std::function<qint64(qint64 channelId, qint64 current)>;

    ChannelSequencer(Hub &hub, EventLog &events, ChannelStore &channels, DurableSeq durableSeq);

    // Returns how many connections here got FRAME (0 for a duplicate).
    qsizetype deliver(qint64 channelId, qint64 seq, const QByteArray &frame, qint64 exceptUser);
    // A connection here was told CHANNELID is at SEQ: the order starts there if it had not started yet.
    void seen(qint64 channelId, qint64 seq);
    // After a Redis outage: delivers what the store has past what was delivered, for every channel with
    // members connected here. Returns how many events it delivered.
    qsizetype catchUp();

    qint64 lastDelivered(qint64 channelId) const { return m_last.value(channelId); }
    quint64 filledEvents() const { return m_filled; }

private:
    struct Held
    {
        QByteArray frame;
        qint64 exceptUser = 0;
        qint64 sinceMs = 0;
    };
    // Delivers the stored events in (AFTER, UPTO]; false when the store could not give all of them.
    bool fill(qint64 channelId, qint64 after, qint64 upTo);
    // Delivers the held events of CHANNELID that follow last without a gap.
    qsizetype release(qint64 channelId);
    // Fills the gaps that waited too long.
    void fillOverdue();

    Hub &m_hub;
    EventLog &m_events;
    ChannelStore &m_channels;
    DurableSeq m_durableSeq;
    QHash<qint64, qint64> m_last;
    QHash<qint64, QMap<qint64, Held>> m_held; // channel -> events past a gap, by seq
    QTimer m_gapTimer;
    quint64 m_filled = 0;
};

} // namespace Natter::Server
