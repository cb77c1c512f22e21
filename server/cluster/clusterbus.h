#pragma once

#include "cluster/channelsequencer.h"
#include "cluster/redislink.h"
#include "cluster/remotepresence.h"
#include "gateway/hub.h"

#include <QObject>
#include <QTimer>

namespace Natter::Server {

class ChannelStore;
class EventLog;
class LoginThrottle;
class RateLimiter;
class UserStore;

// Several natter-server instances on one store (--redis): what one instance publishes through the Hub, the
// others deliver to their own connections. Committed events go through the ChannelSequencer (gapless, no
// duplicates, filled from the store); ephemeral frames (typing, read markers, presence, token revocation,
// user changes) are delivered as they come. Presence, the send rate limit, the login back-off and the
// registration limit are cluster-wide.
// Messages are one Redis pub/sub channel, `natter:cluster`; their format is this class's own (the frames
// inside are the Wire frames, serialised once by the publisher and delivered as they are).
class ClusterBus : public QObject, public HubRelay
{
    Q_OBJECT
public:
    struct Parts
    {
        Hub &hub;
        EventLog &events;
        ChannelStore &channels;
        UserStore &users;
        RateLimiter &limiter;
        ChannelSequencer::DurableSeq durableSeq;
        LoginThrottle *throttle = nullptr; // failed logins counted across instances when given
    };
    struct Settings
    {
        QString host;
        quint16 port = 6379;
        int heartbeatMs = 2000;
    };

    ClusterBus(Settings settings, Parts parts, QObject *parent = nullptr);
    ~ClusterBus() override;

    // Connects (and keeps reconnecting) to Redis; the instance serves its own clients either way.
    void start();
    QByteArray instanceId() const { return m_instance; }
    bool isConnected() const { return m_pub.isConnected() && m_sub.isConnected(); }
    const ChannelSequencer &sequencer() const { return m_sequencer; }

    // HubRelay
    qsizetype channelEvent(
        qint64 channelId, qint64 seq, const QByteArray &frame, qint64 exceptUser, bool membership) override;
    void channelFrame(qint64 channelId, const QByteArray &frame, qint64 exceptUser) override;
    void userFrame(qint64 userId, const QByteArray &frame) override;
    void tokenClosed(const QByteArray &tokenHash, int code, const QString &reason) override;
    void userChanged(qint64 userId) override;
    void mutesChanged() override { publish('M', {}); }
    bool onlineElsewhere(qint64 userId) const override { return m_remote.isOnline(userId); }
    void channelSeen(qint64 channelId, qint64 seq) override { m_sequencer.seen(channelId, seq); }

private:
    void publish(char kind, const QByteArray &fields, const QByteArray &body = {});
    void onMessage(const QByteArray &payload);
    void onSubscribed();
    void announceState();
    void heartbeat();
    void sharedRateTaken(qint64 userId);

    Parts m_parts;
    Settings m_settings;
    QByteArray m_instance;
    RedisLink m_pub;
    RedisLink m_sub;
    ChannelSequencer m_sequencer;
    RemotePresence m_remote;
    QTimer m_heartbeat;
};

} // namespace Natter::Server
