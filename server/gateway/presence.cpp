#include "gateway/presence.h"
#include "gateway/connection.h"
#include "gateway/hub.h"
#include "store/userstore.h"
#include <common/protocol/frame.h>
#include <common/isotime.h>
#include <common/snowflake.h>

namespace Natter::Server {

Presence::Presence(Hub &hub, UserStore &users, QObject *parent)
    : QObject(parent)
    , m_hub(hub)
    , m_users(users)
{
    connect(&m_hub, &Hub::userOnline, this, &Presence::announce);
    // Only the instance whose connection closed writes last_seen (in a cluster the others learn of it through
    // the relay, and several instances writing the same rows would only contend for their locks).
    connect(&m_hub, &Hub::localUserOffline, this, [this](qint64 userId) {
        m_users.setLastSeen(userId, nowMs());
        if (!m_flush.isActive())
            m_flush.start();
    });
    connect(&m_hub, &Hub::userOffline, this, [this](qint64 userId) {
        m_users.noteLastSeen(userId, nowMs());
        announce(userId);
    });
    m_flush.setSingleShot(true);
    m_flush.setInterval(2000);
    connect(&m_flush, &QTimer::timeout, this, [this] { m_users.flushLastSeen(); });
}

Presence::~Presence()
{
    m_users.flushLastSeen();
}

Wire::PresenceEvent Presence::stateOf(qint64 userId) const
{
    const auto user = m_users.byId(userId);
    return { userId, m_hub.isOnline(userId), user ? user->lastSeen : 0 };
}

void Presence::subscribe(Connection *connection, const QList<qint64> &userIds)
{
    forget(connection);
    QSet<qint64> &mine = connection->presenceSubscriptions();
    for (qint64 userId : userIds) {
        if (!m_users.byId(userId))
            continue;
        mine.insert(userId);
        m_subscribers[userId].insert(connection);
        connection->send(Wire::encodeFrame(stateOf(userId)));
    }
}

void Presence::forget(Connection *connection)
{
    QSet<qint64> &mine = connection->presenceSubscriptions();
    for (qint64 userId : std::as_const(mine)) {
        auto it = m_subscribers.find(userId);
        if (it != m_subscribers.end()) {
            it->remove(connection);
            if (it->isEmpty())
                m_subscribers.erase(it);
        }
    }
    mine.clear();
}

void Presence::announce(qint64 userId)
{
    const auto it = m_subscribers.constFind(userId);
    if (it == m_subscribers.constEnd())
        return;
    const QByteArray frame = Wire::encodeFrame(stateOf(userId));
    const QSet<Connection *> followers = *it;
    for (Connection *c : followers)
        c->send(frame);
}

} // namespace Natter::Server
