#pragma once

#include "session/alerts.h"
#include "store/mutelist.h"

#include <QObject>
#include <QPointer>

class QWidget;

namespace Natter::Client {

class BannerNotifier;
class ChatWidget;
class Session;
class TrayNotifier;

// Everything that calls the user back to a window: desktop notifications (freedesktop over D-Bus on Linux,
// else the tray icon), the in-app banner, the unread total in the window title and on the tray icon, and the
// per-channel mute list. Built for one signed-in chat and dropped with it.
class Attention : public QObject
{
    Q_OBJECT
public:
    // MUTEFILE is where the mute list lives (per profile). DESKTOP overrides the desktop notifier (tests); when
    // null the best available one is used.
    Attention(QWidget *window, ChatWidget *chat, Session *session, const QString &muteFile,
        Notifier *desktop = nullptr, QObject *parent = nullptr);
    ~Attention() override;

    Alerts *alerts() { return &m_alerts; }
    MuteList *mutes() { return &m_mutes; }
    BannerNotifier *banner() const { return m_banner; }
    Notifier *desktopNotifier() const { return m_desktop; }
    // The window's title with the unread total: "(3) Natter".
    static QString titleWithUnread(const QString &base, int unread);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void open(Wire::Id channel, Wire::Id message);

    QPointer<QWidget> m_window;
    QPointer<ChatWidget> m_chat;
    QString m_baseTitle;
    MuteList m_mutes;
    Alerts m_alerts;
    BannerNotifier *m_banner;
    TrayNotifier *m_tray;
    Notifier *m_desktop;
};

} // namespace Natter::Client
