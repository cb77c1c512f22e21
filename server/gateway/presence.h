#pragma once

#include <QHash>
#include <common/protocol/events.h>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace Natter::Server {

class Connection;
class Hub;
class UserStore;

// Presence: a user is online while any of their connections is open. Changes go only to the connections that
// subscribed to that user (presence.subscribe), never to everyone.
class Presence : public QObject
{
    Q_OBJECT
public:
    Presence(Hub &hub, UserStore &users, QObject *parent = nullptr);
    ~Presence() override;

    // Replaces CONNECTION's subscriptions with USERIDS and sends it one `presence` frame for each known user.
    void subscribe(Connection *connection, const QList<qint64> &userIds);
    void forget(Connection *connection);

private:
    void announce(qint64 userId);
    Wire::PresenceEvent stateOf(qint64 userId) const;

    Hub &m_hub;
    UserStore &m_users;
    QTimer m_flush;
    QHash<qint64, QSet<Connection *>> m_subscribers; // followed user -> connections that follow them
};

} // namespace Natter::Server
