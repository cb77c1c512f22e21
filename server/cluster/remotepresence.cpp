#include "cluster/remotepresence.h"
#include "logging.h"

namespace Natter::Server {

RemotePresence::RemotePresence(qint64 expiryMs, QObject *parent)
    : QObject(parent)
    , m_expiryMs(expiryMs)
{
}

void RemotePresence::heard(const QByteArray &instance, qint64 nowMs)
{
    m_instances[instance].heardMs = nowMs;
}

void RemotePresence::add(qint64 userId)
{
    if (++m_instancesOf[userId] == 1)
        Q_EMIT changed(userId, true);
}

void RemotePresence::removeOne(qint64 userId)
{
    auto it = m_instancesOf.find(userId);
    if (it == m_instancesOf.end())
        return;
    if (--*it <= 0) {
        m_instancesOf.erase(it);
        Q_EMIT changed(userId, false);
    }
}

void RemotePresence::setOnline(const QByteArray &instance, qint64 userId, bool online, qint64 nowMs)
{
    Instance &i = m_instances[instance];
    i.heardMs = nowMs;
    if (online) {
        if (!i.users.contains(userId)) {
            i.users.insert(userId);
            add(userId);
        }
    } else if (i.users.remove(userId)) {
        removeOne(userId);
    }
}

void RemotePresence::replace(const QByteArray &instance, const QList<qint64> &userIds, qint64 nowMs)
{
    Instance &i = m_instances[instance];
    i.heardMs = nowMs;
    const QSet<qint64> next(userIds.cbegin(), userIds.cend());
    const QSet<qint64> previous = i.users;
    i.users = next;
    for (qint64 userId : next)
        if (!previous.contains(userId))
            add(userId);
    for (qint64 userId : previous)
        if (!next.contains(userId))
            removeOne(userId);
}

void RemotePresence::drop(const QByteArray &instance)
{
    const auto it = m_instances.constFind(instance);
    if (it == m_instances.constEnd())
        return;
    const QSet<qint64> users = it->users;
    m_instances.remove(instance);
    for (qint64 userId : users)
        removeOne(userId);
}

void RemotePresence::expire(qint64 nowMs)
{
    QList<QByteArray> silent;
    for (auto it = m_instances.cbegin(); it != m_instances.cend(); ++it)
        if (nowMs - it->heardMs > m_expiryMs)
            silent.append(it.key());
    for (const QByteArray &instance : silent) {
        qCWarning(lcCluster).noquote() << "instance" << instance << "silent for" << m_expiryMs
                                       << "ms: its users are offline";
        drop(instance);
    }
}

} // namespace Natter::Server
