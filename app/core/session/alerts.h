#pragma once

#include "data/message.h"
#include "session/notifier.h"

#include <QObject>
#include <QPointer>
#include <QSet>

namespace Natter::Client {

class ChannelListModel;
class MuteList;

// Decides what deserves attention. A live message (consider(); replays of a sync are not live) from someone else in a channel that is not muted raises a
// notification when it is a direct message or mentions the user, and only while the window is not active
// (while it is active, a mention in another channel goes to the in-app notifier if one is set). It also keeps
// the unread total of the unmuted channels for the window title and the tray icon.
class Alerts : public QObject
{
    Q_OBJECT
public:
    // Nothing is owned; MUTES may be null (nothing is muted).
    Alerts(const ChannelListModel *channels, MuteList *mutes, QObject *parent = nullptr);

    void setMe(Wire::Id me) { m_me = me; }
    // A message that just arrived live; raises a notification when wants() says so.
    void consider(const Message &message);
    void setNotifier(Notifier *notifier) { m_notifier = notifier; }
    void setInAppNotifier(Notifier *notifier) { m_inApp = notifier; }
    void setWindowActive(bool active) { m_windowActive = active; }
    void setCurrentChannel(Wire::Id channel) { m_current = channel; }
    int unreadTotal() const { return m_unreadTotal; }
    // Whether MESSAGE, arriving now, would raise a notification (and which text), without showing it.
    bool wants(const Message &message) const;
    bool mentionsMe(const Message &message) const;

signals:
    void unreadTotalChanged(int total);
    // A notification was handed to a notifier (for tests and the tray icon).
    void raised(const Natter::Client::Notification &notification);

private:
    void recount();

    const ChannelListModel *m_channels;
    Wire::Id m_me;
    MuteList *m_mutes;
    QPointer<Notifier> m_notifier;
    QPointer<Notifier> m_inApp;
    bool m_windowActive = false;
    Wire::Id m_current;
    int m_unreadTotal = 0;
    QSet<Wire::Id> m_seen;
};

} // namespace Natter::Client
