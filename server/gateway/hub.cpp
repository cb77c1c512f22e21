#include "gateway/hub.h"
#include "store/channelstore.h"
#include "gateway/connection.h"

namespace Natter::Server {

Hub::Hub(ChannelStore &channels, QObject *parent)
    : QObject(parent)
    , m_channels(channels)
{
}

void Hub::add(Connection *connection)
{
    auto &list = m_byUser[connection->userId()];
    list.append(connection);
    ++m_count;
    if (list.size() == 1) {
        const qint64 userId = connection->userId();
        Q_EMIT localUserOnline(userId);
        if (!m_relay || !m_relay->onlineElsewhere(userId))
            Q_EMIT userOnline(userId);
    }
}

void Hub::remove(Connection *connection)
{
    auto it = m_byUser.find(connection->userId());
    if (it == m_byUser.end() || !it->removeOne(connection))
        return;
    --m_count;
    if (it->isEmpty()) {
        const qint64 userId = connection->userId();
        m_byUser.erase(it);
        Q_EMIT localUserOffline(userId);
        if (!m_relay || !m_relay->onlineElsewhere(userId))
            Q_EMIT userOffline(userId);
    }
}

void Hub::remoteOnlineChanged(qint64 userId, bool onlineElsewhere)
{
    if (m_byUser.contains(userId))
        return; // online here either way
    if (onlineElsewhere)
        Q_EMIT userOnline(userId);
    else
        Q_EMIT userOffline(userId);
}

const QList<Connection *> &Hub::connectionsOf(qint64 userId) const
{
    static const QList<Connection *> none;
    const auto it = m_byUser.constFind(userId);
    return it == m_byUser.constEnd() ? none : *it;
}

QList<Connection *> Hub::allConnections() const
{
    QList<Connection *> out;
    out.reserve(m_count);
    for (const auto &list : m_byUser)
        out += list;
    return out;
}

qsizetype Hub::publishEvent(qint64 channelId, qint64 seq, const QByteArray &frame, qint64 exceptUser, bool membership)
{
    if (!m_relay)
        return deliverToChannel(channelId, frame, exceptUser);
    return m_relay->channelEvent(channelId, seq, frame, exceptUser, membership);
}

qsizetype Hub::publishToChannel(qint64 channelId, const QByteArray &frame, qint64 exceptUser)
{
    const qsizetype handed = deliverToChannel(channelId, frame, exceptUser);
    if (m_relay)
        m_relay->channelFrame(channelId, frame, exceptUser);
    return handed;
}

qsizetype Hub::deliverToChannel(qint64 channelId, const QByteArray &frame, qint64 exceptUser)
{
    qsizetype handed = 0;
    // Copy: a send may close a slow connection, which must not disturb this iteration.
    const QList<qint64> members = m_channels.memberIds(channelId);
    for (qint64 userId : members) {
        if (userId == exceptUser)
            continue;
        const auto it = m_byUser.constFind(userId);
        if (it == m_byUser.constEnd())
            continue;
        const QList<Connection *> connections = *it;
        for (Connection *c : connections)
            c->send(frame);
        handed += connections.size();
    }
    return handed;
}

bool Hub::hasLocalMembers(qint64 channelId)
{
    if (m_byUser.isEmpty())
        return false;
    const QList<qint64> &members = m_channels.memberIds(channelId);
    for (qint64 userId : members)
        if (m_byUser.contains(userId))
            return true;
    return false;
}

void Hub::sendToUser(qint64 userId, const QByteArray &frame)
{
    deliverToUser(userId, frame);
    if (m_relay)
        m_relay->userFrame(userId, frame);
}

void Hub::deliverToUser(qint64 userId, const QByteArray &frame)
{
    const QList<Connection *> connections = connectionsOf(userId);
    for (Connection *c : connections)
        c->send(frame);
}

void Hub::closeToken(const QByteArray &tokenHash, int code, const QString &reason)
{
    closeLocalToken(tokenHash, code, reason);
    if (m_relay)
        m_relay->tokenClosed(tokenHash, code, reason);
}

void Hub::closeLocalToken(const QByteArray &tokenHash, int code, const QString &reason)
{
    for (Connection *c : allConnections())
        if (c->tokenHash() == tokenHash)
            c->close(code, reason);
}

} // namespace Natter::Server
