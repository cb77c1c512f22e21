#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>

namespace Natter::Server {

// Who is online on the other server instances, learnt from their messages on the bus: each instance
// announces its users going online and offline, sends its whole list when asked (an instance that just
// (re)connected asks), and a heartbeat. An instance not heard from for the expiry (killed, cut off) is
// dropped and its users go offline, unless they are online elsewhere too.
class RemotePresence : public QObject
{
    Q_OBJECT
public:
    explicit RemotePresence(qint64 expiryMs, QObject *parent = nullptr);

    bool isOnline(qint64 userId) const { return m_instancesOf.value(userId) > 0; }
    // Whether INSTANCE has been heard from (and not expired since).
    bool knows(const QByteArray &instance) const { return m_instances.contains(instance); }

    void heard(const QByteArray &instance, qint64 nowMs);
    void setOnline(const QByteArray &instance, qint64 userId, bool online, qint64 nowMs);
    void replace(const QByteArray &instance, const QList<qint64> &userIds, qint64 nowMs);
    void drop(const QByteArray &instance);
    // Drops the instances not heard from since NOWMS - expiry.
    void expire(qint64 nowMs);

Q_SIGNALS:
    // USERID's online state on the other instances as a whole changed.
    void changed(qint64 userId, bool onlineElsewhere);

private:
    void add(qint64 userId);
    void removeOne(qint64 userId);

    struct Instance
    {
        QSet<qint64> users;
        qint64 heardMs = 0;
    };
    qint64 m_expiryMs;
    QHash<QByteArray, Instance> m_instances;
    QHash<qint64, int> m_instancesOf; // user -> how many other instances have them online
};

} // namespace Natter::Server
