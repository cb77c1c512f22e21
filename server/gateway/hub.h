#pragma once

#include <QHash>
#include <QList>
#include <QObject>

namespace Natter::Server {

class Connection;
class ChannelStore;

// Who is connected, and delivery of frames to them. A frame is serialised once by the caller and the same
// QString (implicitly shared) goes to every recipient.
class Hub : public QObject
{
    Q_OBJECT
public:
    Hub(ChannelStore &channels, QObject *parent = nullptr);

    void add(Connection *connection);
    void remove(Connection *connection);

    bool isOnline(qint64 userId) const { return m_byUser.contains(userId); }
    const QList<Connection *> &connectionsOf(qint64 userId) const;
    qsizetype connectionCount() const { return m_count; }
    QList<Connection *> allConnections() const;

    // To every open connection of every member of CHANNEL (EXCEPTUSER's are skipped when non-zero).
    // Returns how many connections it was handed to.
    qsizetype publishToChannel(qint64 channelId, const QByteArray &frame, qint64 exceptUser = 0);
    qsizetype onlineUserCount() const { return m_byUser.size(); }
    void sendToUser(qint64 userId, const QByteArray &frame);
    // Closes every connection authenticated with TOKENHASH.
    void closeToken(const QByteArray &tokenHash, int code, const QString &reason);

Q_SIGNALS:
    // The user's first connection opened / last connection closed.
    void userOnline(qint64 userId);
    void userOffline(qint64 userId);

private:
    ChannelStore &m_channels;
    QHash<qint64, QList<Connection *>> m_byUser;
    qsizetype m_count = 0;
};

} // namespace Natter::Server
