#pragma once

#include "session/notifier.h"

#include <QHash>

namespace Natter::Client {

// Desktop notifications through the freedesktop Notifications service on the session bus (Linux). Not
// available when there is no session bus or nobody serves org.freedesktop.Notifications; then the caller
// falls back to the tray icon or the in-app banner. Built only where QtDBus is.
class DBusNotifier : public Notifier
{
    Q_OBJECT
public:
    explicit DBusNotifier(QObject *parent = nullptr);

    bool isAvailable() const override;
    void show(const Notification &notification) override;

private slots:
    void onActionInvoked(uint id, const QString &action);
    void onClosed(uint id, uint reason);

private:
    QHash<uint, Notification> m_shown;
};

} // namespace Natter::Client
