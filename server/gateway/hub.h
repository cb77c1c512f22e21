#pragma once

#include <QHash>
#include <QList>
#include <QObject>

namespace Natter::Server {

class Connection;
class ChannelStore;

// What the Hub hands to other server instances when there are any (cluster/, with --redis). Declared here so
// that neither gateway/ nor services/ include cluster/: the Hub is the seam (DESIGN.md's `bus/`).
class HubRelay
{
public:
    virtual ~HubRelay() = default;
    // A committed channel event. The relay orders it (filling any gap in CHANNELID's seq from the store),
    // delivers it to this instance's connections through Hub::deliverToChannel() and publishes it.
    // MEMBERSHIP: the event changes who receives CHANNELID's events. Returns the local deliveries.
    virtual qsizetype channelEvent(
        qint64 channelId, qint64 seq, const QByteArray &frame, qint64 exceptUser, bool membership) = 0;
    // Ephemeral frames (typing, read markers), already delivered locally: only published.
    virtual void channelFrame(qint64 channelId, const QByteArray &frame, qint64 exceptUser) = 0;
    virtual void userFrame(qint64 userId, const QByteArray &frame) = 0;
    virtual void tokenClosed(const QByteArray &tokenHash, int code, const QString &reason) = 0;
    // USERID's row changed (deactivation, roles, password): other instances drop their cached copy.
    virtual void userChanged(qint64 userId) = 0;
    // Channel mutes changed: other instances read them again.
    virtual void mutesChanged() = 0;
    // USERID has a connection open on another instance.
    virtual bool onlineElsewhere(qint64 userId) const = 0;
    // A connection of this instance was told (in `ready`) that CHANNELID is at SEQ.
    virtual void channelSeen(qint64 channelId, qint64 seq) = 0;
};

// Who is connected, and delivery of frames to them. A frame is serialised once by the caller and the same
// QString (implicitly shared) goes to every recipient.
class Hub : public QObject
{
    Q_OBJECT
public:
    Hub(ChannelStore &channels, QObject *parent = nullptr);

    // With a relay, every publish below also reaches the other instances (and theirs reach this one through
    // the deliver* calls); without one (the single-instance default) nothing on the hot path changes.
    void setRelay(HubRelay *relay) { m_relay = relay; }
    HubRelay *relay() const { return m_relay; }

    void add(Connection *connection);
    void remove(Connection *connection);

    // Online on this instance or, in a cluster, on any.
    bool isOnline(qint64 userId) const
    {
        return m_byUser.contains(userId) || (m_relay && m_relay->onlineElsewhere(userId));
    }
    bool isOnlineHere(qint64 userId) const { return m_byUser.contains(userId); }
    const QList<Connection *> &connectionsOf(qint64 userId) const;
    qsizetype connectionCount() const { return m_count; }
    QList<Connection *> allConnections() const;
    // The users with a connection open on this instance.
    QList<qint64> localUserIds() const { return m_byUser.keys(); }

    // A committed event of CHANNEL with its SEQ (EventLog::publish()): to every open connection of every
    // member (EXCEPTUSER's are skipped when non-zero). Returns how many connections here it was handed to.
    qsizetype publishEvent(
        qint64 channelId, qint64 seq, const QByteArray &frame, qint64 exceptUser = 0, bool membership = false);
    // An ephemeral frame (typing, read markers) to every member of CHANNEL, as publishEvent().
    qsizetype publishToChannel(qint64 channelId, const QByteArray &frame, qint64 exceptUser = 0);
    qsizetype onlineUserCount() const { return m_byUser.size(); }
    void sendToUser(qint64 userId, const QByteArray &frame);
    // USERID's stored row changed; only tells the other instances (UserStore::forget() is the caller's).
    void userChanged(qint64 userId)
    {
        if (m_relay)
            m_relay->userChanged(userId);
    }
    void mutesChanged()
    {
        if (m_relay)
            m_relay->mutesChanged();
    }
    // Closes every connection authenticated with TOKENHASH.
    void closeToken(const QByteArray &tokenHash, int code, const QString &reason);

    // Delivery to this instance's connections only: what the relay calls.
    qsizetype deliverToChannel(qint64 channelId, const QByteArray &frame, qint64 exceptUser = 0);
    // Whether any member of CHANNELID has a connection here.
    bool hasLocalMembers(qint64 channelId);
    void deliverToUser(qint64 userId, const QByteArray &frame);
    void closeLocalToken(const QByteArray &tokenHash, int code, const QString &reason);
    // The relay learnt that USERID's online state elsewhere changed; announces it when that changes the
    // cluster-wide state.
    void remoteOnlineChanged(qint64 userId, bool onlineElsewhere);

Q_SIGNALS:
    // The user's first connection opened / last connection closed, cluster-wide when there is a relay.
    void userOnline(qint64 userId);
    void userOffline(qint64 userId);
    // The same for this instance only (what the relay publishes).
    void localUserOnline(qint64 userId);
    void localUserOffline(qint64 userId);
    // Another instance revoked TOKENHASH: caches of it must go (AuthService).
    void tokenRevokedElsewhere(const QByteArray &tokenHash);
    // Another instance changed channel mutes (ModerationService drops its cache).
    void mutesChangedElsewhere();

private:
    ChannelStore &m_channels;
    HubRelay *m_relay = nullptr;
    QHash<qint64, QList<Connection *>> m_byUser;
    qsizetype m_count = 0;
};

} // namespace Natter::Server
