#include "dbusnotifier.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QLoggingCategory>

namespace Natter::Client {

namespace {
Q_LOGGING_CATEGORY(lcNotify, "natter.client.notify", QtWarningMsg)
const QString Service = u"org.freedesktop.Notifications"_qs;
const QString Path = u"/org/freedesktop/Notifications"_qs;
}

DBusNotifier::DBusNotifier(QObject *parent)
    : Notifier(parent)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) return;
    bus.connect(Service, Path, Service, u"ActionInvoked"_qs, this, SLOT(onActionInvoked(uint, QString)));
    bus.connect(Service, Path, Service, u"NotificationClosed"_qs, this, SLOT(onClosed(uint, uint)));
}

bool DBusNotifier::isAvailable() const
{
    const QDBusConnection bus = QDBusConnection::sessionBus();
    return bus.isConnected() && bus.interface() && bus.interface()->isServiceRegistered(Service).value();
}

void DBusNotifier::show(const Notification &n)
{
    QDBusMessage call = QDBusMessage::createMethodCall(Service, Path, Service, u"Notify"_qs);
    call << u"Natter"_qs << uint(0) << u"natter"_qs << n.title << n.body.toHtmlEscaped()
         << QStringList { u"default"_qs, tr("Open") } << QVariantMap { { u"category"_qs, u"im.received"_qs } }
         << int(-1);
    auto *watcher = new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, n] {
        watcher->deleteLater();
        const QDBusPendingReply<uint> reply = *watcher;
        if (reply.isError())
            qCWarning(lcNotify) << "Notify failed:" << reply.error().message();
        else
            m_shown.insert(reply.value(), n);
    });
}

void DBusNotifier::onActionInvoked(uint id, const QString &)
{
    const auto it = m_shown.constFind(id);
    if (it != m_shown.cend()) emit activated(it->channelId, it->messageId);
}

void DBusNotifier::onClosed(uint id, uint)
{
    m_shown.remove(id);
}

} // namespace Natter::Client
