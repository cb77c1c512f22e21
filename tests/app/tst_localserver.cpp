#include "host/localserver.h"
#include "net/apiclient.h"

#include <QDir>
#include <QFileInfo>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

// LocalServer ("Host a server on this computer") against the real natter-server from NATTER_SERVER_BIN.
using namespace Natter::Client;

class TestLocalServer : public QObject
{
    Q_OBJECT

private slots:
    void startsRegistersAndStops()
    {
        QVERIFY2(!qEnvironmentVariable("NATTER_SERVER_BIN").isEmpty(), "run through ctest");
        QTemporaryDir dir;
        const QString dataDir = dir.path() + u"/profiles/test/server"_qs;
        QUrl url;
        {
            LocalServer server(dataDir);
            QSignalSpy started(&server, &LocalServer::started);
            QSignalSpy failed(&server, &LocalServer::failed);
            server.start();
            QVERIFY(server.isStarting());
            QTRY_VERIFY_WITH_TIMEOUT(!started.isEmpty() || !failed.isEmpty(), 20000);
            QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
            url = started.first().first().toUrl();
            QCOMPARE(url.scheme(), u"http"_qs);
            QCOMPARE(url.host(), u"127.0.0.1"_qs);
            QVERIFY(url.port() > 0);
            QCOMPARE(server.url(), url);
            QVERIFY(server.isRunning());
            QVERIFY(QDir(dataDir).exists());

            QNetworkAccessManager nam;
            ApiClient api(&nam);
            api.setBaseUrl(normalizeServerUrl(url.toString()));
            bool done = false;
            ApiResult result;
            api.registerUser(u"alice"_qs, u"correct horse"_qs, u"Alice"_qs, this, [&](const ApiResult &r) {
                result = r;
                done = true;
            });
            QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
            QVERIFY2(result.ok(), qPrintable(QString::number(result.status) + u' ' + result.errorMessage));
        }
        // Destroyed: the child has exited and the port no longer answers.
        QTcpSocket socket;
        socket.connectToHost(url.host(), quint16(url.port()));
        QVERIFY(!socket.waitForConnected(2000));
    }

    void missingBinaryFails()
    {
        const QByteArray previous = qgetenv("NATTER_SERVER_BIN");
        qputenv("NATTER_SERVER_BIN", "/nonexistent/natter-server");
        QTemporaryDir dir;
        LocalServer server(dir.path() + u"/server"_qs);
        QSignalSpy started(&server, &LocalServer::started);
        QSignalSpy failed(&server, &LocalServer::failed);
        server.start();
        qputenv("NATTER_SERVER_BIN", previous);
        QTRY_COMPARE(failed.size(), 1);
        QVERIFY(started.isEmpty());
        QVERIFY(failed.first().first().toString().contains(u"/nonexistent/natter-server"_qs));
        QVERIFY(!server.isRunning());
        QVERIFY(!server.isStarting());
    }

    void serverExitingEarlyFails()
    {
        // /bin/false runs and exits at once without "listening on".
        const QByteArray previous = qgetenv("NATTER_SERVER_BIN");
        qputenv("NATTER_SERVER_BIN", "/bin/false");
        QTemporaryDir dir;
        LocalServer server(dir.path() + u"/server"_qs);
        QSignalSpy failed(&server, &LocalServer::failed);
        server.start();
        qputenv("NATTER_SERVER_BIN", previous);
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
        QVERIFY(failed.first().first().toString().contains(u"stopped while starting"_qs));
    }

    // A server that cannot start is reported with the last lines of its log.
    void failureShowsTheLog()
    {
        QTemporaryDir dir;
        const QString dataDir = dir.path() + u"/server"_qs;
        QVERIFY(QDir().mkpath(dataDir));
        // natter.db is a directory: the server cannot open its database and says so in its log.
        QVERIFY(QDir().mkpath(dataDir + u"/natter.db"_qs));
        LocalServer server(dataDir);
        QSignalSpy failed(&server, &LocalServer::failed);
        server.start();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 20000);
        const QString reason = failed.first().first().toString();
        QVERIFY2(reason.contains(u"stopped while starting"_qs) && reason.contains(u"natter-server:"_qs),
            qPrintable(reason));
        QVERIFY(!server.isRunning());
    }

    // Host mode for the team: the server listens on all interfaces at a port remembered for the profile; a
    // second client joins through an address the app shows; the app quits keeping the server, and the next
    // run adopts it at the same address; "stop serving" leaves no process behind.
    void hostForTheTeamAdoptAndStop()
    {
        QTemporaryDir dir;
        const QString dataDir = dir.path() + u"/profiles/team/server"_qs;
        QUrl url;
        qint64 pid = 0;
        QStringList shown;
        {
            LocalServer server(dataDir);
            QCOMPARE(server.reach(), LocalServer::Reach::Unset);
            server.setReach(LocalServer::Reach::Network);
            QSignalSpy started(&server, &LocalServer::started);
            QSignalSpy failed(&server, &LocalServer::failed);
            server.start();
            QTRY_VERIFY_WITH_TIMEOUT(!started.isEmpty() || !failed.isEmpty(), 20000);
            QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
            url = server.url();
            pid = server.pid();
            QVERIFY(pid > 0);
            QCOMPARE(quint16(url.port()), server.port()); // remembered for the profile
            QVERIFY(!server.isAdopted());
            QVERIFY(QFileInfo::exists(dataDir + u"/natter-server.pid"_qs));
            shown = server.teammateAddresses();

            // The app itself signs up through 127.0.0.1.
            QNetworkAccessManager nam;
            ApiClient api(&nam);
            api.setBaseUrl(normalizeServerUrl(url.toString()));
            bool done = false;
            ApiResult result;
            api.registerUser(u"host"_qs, u"correct horse"_qs, u"Host"_qs, this, [&](const ApiResult &r) {
                result = r;
                done = true;
            });
            QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
            QVERIFY(result.ok());

            // The quit dialog's "keep serving the team".
            server.setKeepServingOnQuit(true);
        }
        QVERIFY2(processRunning(pid), "the server should keep running after the app quits");

        if (shown.isEmpty()) {
            qWarning("this machine has no network address besides loopback: the teammate's join is not tested");
        } else {
            // A teammate's client joins through the first address shown (not loopback).
            const QUrl lan(shown.first());
            QVERIFY(!QHostAddress(lan.host()).isLoopback());
            QNetworkAccessManager nam;
            ApiClient teammate(&nam);
            teammate.setBaseUrl(normalizeServerUrl(lan.toString()));
            bool done = false;
            ApiResult result;
            teammate.registerUser(u"mate"_qs, u"correct horse"_qs, u"Mate"_qs, this, [&](const ApiResult &r) {
                result = r;
                done = true;
            });
            QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
            QVERIFY2(result.ok(), qPrintable(QString::number(result.status) + u' ' + result.errorMessage));
        }

        {
            // The next run of the app finds the same server at the same address instead of starting another.
            LocalServer again(dataDir);
            QCOMPARE(again.reach(), LocalServer::Reach::Network);
            QSignalSpy started(&again, &LocalServer::started);
            again.start();
            QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 10000);
            QVERIFY(again.isAdopted());
            QCOMPARE(again.pid(), pid);
            QCOMPARE(again.url(), url);
            QCOMPARE(again.teammateAddresses(), shown);

            // "Stop serving": no process is left behind, the port is closed, the pid file is gone.
            again.stop();
            QVERIFY(!processRunning(pid));
            QVERIFY(!QFileInfo::exists(dataDir + u"/natter-server.pid"_qs));
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, quint16(url.port()));
            QVERIFY(!socket.waitForConnected(1000));

            // Started again (not adopted), it comes back on the remembered port.
            again.start();
            QTRY_COMPARE_WITH_TIMEOUT(started.size(), 2, 20000);
            QVERIFY(!again.isAdopted());
            QCOMPARE(again.url().port(), url.port());
            const qint64 second = again.pid();
            again.stop();
            QVERIFY(!processRunning(second));
        }
        if (shown.isEmpty())
            QSKIP("no non-loopback address on this machine: a teammate's join could not be tried");
    }

private:
    static bool processRunning(qint64 pid)
    {
        return QFileInfo::exists(u"/proc/%1"_qs.arg(pid)) || (pid > 0 && ::kill(pid_t(pid), 0) == 0);
    }
};

QTEST_GUILESS_MAIN(TestLocalServer)
#include "tst_localserver.moc"
