#pragma once

#include "session/notifier.h"

class QSystemTrayIcon;

namespace Natter::Client {

// The tray icon: it shows the unread total on Natter's icon and, where the platform has no notification
// service of its own, the notifications as balloon messages. Not available without a system tray.
class TrayNotifier : public Notifier
{
    Q_OBJECT
public:
    explicit TrayNotifier(QObject *parent = nullptr);
    ~TrayNotifier() override;

    bool isAvailable() const override;
    void show(const Notification &notification) override;
    void setUnread(int total);
    QSystemTrayIcon *icon() const { return m_icon; }

signals:
    // The icon itself was clicked.
    void iconClicked();

private:
    QSystemTrayIcon *m_icon = nullptr;
    Notification m_last;
};

} // namespace Natter::Client
