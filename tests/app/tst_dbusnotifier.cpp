// The real DBusNotifier against a real message bus: a private `dbus-daemon --session` started by the test, with a
// tiny org.freedesktop.Notifications service registered by the test on its own connection. Checks the Notify call
// as a notification daemon receives it, and that a click (ActionInvoked) comes back as activated(). Skipped when
// dbus-daemon is not installed (package dbus-daemon, in scripts/setup).
#include "dbusnotifier.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Natter::Client;
namespace Wire = Natter::Wire;

namespace {
const QString Service = QStringLiteral("org.freedesktop.Notifications");
const QString Path = QStringLiteral("/org/freedesktop/Notifications");
}

// What a notification daemon exports, reduced to the one call the app makes.
class FakeNotificationDaemon : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    struct Call
    {
        QString app, icon, summary, body;
        uint replaces = 0;
        QStringList actions;
        QVariantMap hints;
        int timeout = 0;
    };
    QList<Call> calls;

public slots:
    uint Notify(const QString &app, uint replaces, const QString &icon, const QString &summary, const QString &body,
        const QStringList &actions, const QVariantMap &hints, int timeout)
    {
        calls.append({ app, icon, summary, body, replaces, actions, hints, timeout });
        return uint(41 + calls.size());
    }
};

class TestDBusNotifier : public QObject
{
    Q_OBJECT

    QProcess m_daemon;
    QString m_address;

private slots:
    void initTestCase()
    {
        const QString program = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
        if (program.isEmpty()) QSKIP("dbus-daemon is not installed (Debian package dbus-daemon)");
        m_daemon.start(program, { QStringLiteral("--session"), QStringLiteral("--nofork"), QStringLiteral("--print-address=1") });
        QVERIFY(m_daemon.waitForStarted());
        QTRY_VERIFY(m_daemon.canReadLine());
        m_address = QString::fromUtf8(m_daemon.readLine()).trimmed();
        QVERIFY(!m_address.isEmpty());
        // Before anything touches QDBusConnection::sessionBus(): the notifier uses the test's bus, never the desktop's.
        qputenv("DBUS_SESSION_BUS_ADDRESS", m_address.toUtf8());
    }

    void cleanupTestCase()
    {
        if (m_daemon.state() == QProcess::NotRunning) return;
        m_daemon.terminate();
        m_daemon.waitForFinished(3000);
    }

    void notifiesThroughTheBusAndReportsTheClick()
    {
        QDBusConnection daemonSide = QDBusConnection::connectToBus(m_address, QStringLiteral("fake-daemon"));
        QVERIFY(daemonSide.isConnected());
        DBusNotifier notifier;
        QVERIFY(!notifier.isAvailable()); // nobody serves Notifications yet

        FakeNotificationDaemon daemon;
        QVERIFY(daemonSide.registerObject(Path, &daemon, QDBusConnection::ExportAllSlots));
        QVERIFY(daemonSide.registerService(Service));
        QTRY_VERIFY(notifier.isAvailable());

        Notification n { Wire::Id(7), Wire::Id(99), QStringLiteral("Ana in #general"), QStringLiteral("@bo <b>look</b>") };
        notifier.show(n);
        QTRY_COMPARE(daemon.calls.size(), 1);
        const FakeNotificationDaemon::Call call = daemon.calls.constFirst();
        QCOMPARE(call.app, QStringLiteral("Natter"));
        QCOMPARE(call.icon, QStringLiteral("natter"));
        QCOMPARE(call.summary, QStringLiteral("Ana in #general"));
        QCOMPARE(call.body, QStringLiteral("@bo &lt;b&gt;look&lt;/b&gt;")); // the body is markup to the daemon
        QCOMPARE(call.actions.value(0), QStringLiteral("default"));
        QCOMPARE(call.hints.value(QStringLiteral("category")).toString(), QStringLiteral("im.received"));
        QCOMPARE(call.timeout, -1);

        // The user clicks it: the daemon says so with ActionInvoked(id, "default") and the app opens the message.
        QSignalSpy activated(&notifier, &Notifier::activated);
        QTest::qWait(100); // the reply carrying the id is handled before the click arrives
        QDBusMessage click = QDBusMessage::createSignal(Path, Service, QStringLiteral("ActionInvoked"));
        click << uint(42) << QStringLiteral("default");
        QVERIFY(daemonSide.send(click));
        QTRY_COMPARE(activated.size(), 1);
        QCOMPARE(activated.at(0).at(0).value<Wire::Id>(), Wire::Id(7));
        QCOMPARE(activated.at(0).at(1).value<Wire::Id>(), Wire::Id(99));

        // Closed notifications are forgotten: a late click on one opens nothing.
        QDBusMessage closed = QDBusMessage::createSignal(Path, Service, QStringLiteral("NotificationClosed"));
        closed << uint(42) << uint(2);
        QVERIFY(daemonSide.send(closed));
        QTest::qWait(100);
        QVERIFY(daemonSide.send(click));
        QTest::qWait(200);
        QCOMPARE(activated.size(), 1);
        daemonSide.unregisterService(Service);
        QDBusConnection::disconnectFromBus(QStringLiteral("fake-daemon"));
    }
};

QTEST_GUILESS_MAIN(TestDBusNotifier)
#include "tst_dbusnotifier.moc"
