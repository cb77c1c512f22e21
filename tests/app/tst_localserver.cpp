#include "host/localserver.h"
#include "net/apiclient.h"

#include <QDir>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

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
};

QTEST_GUILESS_MAIN(TestLocalServer)
#include "tst_localserver.moc"
