#pragma once

#include <common/protocol/id.h>

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>

namespace Natter::Client {

// Whose presence the connection follows. Each part of the UI names the users it currently shows under its own
// key ("members", "authors", "direct"); the union (at most MaxUsers, earlier keys first) is sent as one
// `presence.subscribe` a moment after it changes, and again after every reconnect. Nobody else's presence is
// asked for: the server sends it only to subscribers.
class PresenceTracker : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxUsers = 500;
    using Subscribe = std::function<void(const QList<Wire::Id> &users)>;

    explicit PresenceTracker(Subscribe subscribe, QObject *parent = nullptr);

    void setDelayMs(int ms) { m_delay.setInterval(ms); }
    // Replaces the users shown under KEY; an empty list drops the key.
    void setInterest(const QString &key, const QList<Wire::Id> &users);
    // The set that is (or is about to be) subscribed.
    QList<Wire::Id> subscribed() const { return m_sent; }
    // Sends the current set again (a new connection follows nobody until told).
    void resubscribe();
    // Forgets what was sent: the next change or resubscribe() sends in full.
    void reset() { m_sent.clear(); }

    void setOnline(Wire::Id user, bool online);
    bool isOnline(Wire::Id user) const { return m_online.value(user); }
    QSet<Wire::Id> onlineUsers() const;

signals:
    void presenceChanged(Natter::Wire::Id user, bool online);

private:
    QList<Wire::Id> wanted() const;
    void flush();

    Subscribe m_subscribe;
    QList<QString> m_keys; // in first-use order
    QHash<QString, QList<Wire::Id>> m_interest;
    QList<Wire::Id> m_sent;
    QHash<Wire::Id, bool> m_online;
    QTimer m_delay;
};

} // namespace Natter::Client
