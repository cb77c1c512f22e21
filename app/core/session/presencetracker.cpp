#include "session/presencetracker.h"
#include "logging.h"

namespace Natter::Client {

PresenceTracker::PresenceTracker(Subscribe subscribe, QObject *parent)
    : QObject(parent)
    , m_subscribe(std::move(subscribe))
{
    m_delay.setSingleShot(true);
    m_delay.setInterval(150);
    connect(&m_delay, &QTimer::timeout, this, &PresenceTracker::flush);
}

void PresenceTracker::setInterest(const QString &key, const QList<Wire::Id> &users)
{
    if (users.isEmpty()) {
        if (!m_interest.remove(key)) return;
        m_keys.removeAll(key);
    } else {
        if (m_interest.value(key) == users) return;
        if (!m_keys.contains(key)) m_keys.append(key);
        m_interest.insert(key, users);
    }
    m_delay.start();
}

QList<Wire::Id> PresenceTracker::wanted() const
{
    QList<Wire::Id> out;
    QSet<Wire::Id> seen;
    for (const QString &key : m_keys)
        for (Wire::Id user : m_interest.value(key)) {
            if (!user.isValid() || seen.contains(user)) continue;
            if (out.size() >= MaxUsers) return out;
            seen.insert(user);
            out.append(user);
        }
    return out;
}

void PresenceTracker::flush()
{
    QList<Wire::Id> users = wanted();
    if (QSet<Wire::Id>(users.cbegin(), users.cend()) == QSet<Wire::Id>(m_sent.cbegin(), m_sent.cend())) return;
    m_sent = users;
    qCDebug(lcSession) << "presence.subscribe for" << users.size() << "users";
    if (m_subscribe) m_subscribe(users);
}

void PresenceTracker::resubscribe()
{
    m_delay.stop();
    m_sent.clear();
    if (!wanted().isEmpty()) flush();
}

void PresenceTracker::setOnline(Wire::Id user, bool online)
{
    const auto it = m_online.constFind(user);
    if (it != m_online.cend() && *it == online) return;
    m_online.insert(user, online);
    emit presenceChanged(user, online);
}

QSet<Wire::Id> PresenceTracker::onlineUsers() const
{
    QSet<Wire::Id> out;
    for (auto it = m_online.cbegin(); it != m_online.cend(); ++it)
        if (*it) out.insert(it.key());
    return out;
}

} // namespace Natter::Client
