#include "testclient.h"
#include "testserver.h"

#include <QTcpSocket>
#include <QTest>

// QHttpServer 6.4 has no limits of its own; natter-server guards its port (see server/httpguard.h).
class TestHttpLimits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.start()); }

    void oversizedBodyRefusedBeforeItIsRead()
    {
        const qint64 rssBefore = m_server.rssKb();
        QTcpSocket s;
        s.connectToHost(u"127.0.0.1"_qs, m_server.port());
        QVERIFY(s.waitForConnected());
        s.write("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                "Content-Length: 1073741824\r\n\r\n");
        // Start streaming the promised gigabyte; the answer comes without waiting for it.
        const QByteArray chunk(256 * 1024, 'x');
        QByteArray answer;
        for (int i = 0; i < 64 && answer.isEmpty(); ++i) {
            if (s.state() == QAbstractSocket::ConnectedState)
                s.write(chunk);
            s.waitForBytesWritten(100);
            s.waitForReadyRead(50);
            answer += s.readAll();
        }
        QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.constData());
        QVERIFY(answer.contains("payload_too_large"));
        // 16 MiB were pushed at it; the server did not keep them.
        QVERIFY2(m_server.rssKb() - rssBefore < 8 * 1024,
            qPrintable(QString::number(m_server.rssKb() - rssBefore)));
    }

    void hugeHeadersRefused()
    {
        QTcpSocket s;
        s.connectToHost(u"127.0.0.1"_qs, m_server.port());
        QVERIFY(s.waitForConnected());
        s.write("GET /api/v1/users/me HTTP/1.1\r\nHost: x\r\n");
        for (int i = 0; i < 100; ++i)
            s.write("X-Filler-" + QByteArray::number(i) + ": " + QByteArray(400, 'h') + "\r\n");
        const QByteArray answer = readUntilClosed(s);
        QVERIFY2(answer.startsWith("HTTP/1.1 431"), answer.left(200).constData());
    }

    void chunkedBodyRefused()
    {
        QTcpSocket s;
        s.connectToHost(u"127.0.0.1"_qs, m_server.port());
        QVERIFY(s.waitForConnected());
        s.write("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: "
                "chunked\r\n\r\n5\r\nhello\r\n");
        const QByteArray answer = readUntilClosed(s);
        QVERIFY2(answer.startsWith("HTTP/1.1 411"), answer.left(200).constData());
    }

    void keepAliveSecondRequestIsGuardedToo()
    {
        QTcpSocket s;
        s.connectToHost(u"127.0.0.1"_qs, m_server.port());
        QVERIFY(s.waitForConnected());
        const QByteArray body = R"({"username":"x","password":"y"})";
        s.write("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: "
                "application/json\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        const QByteArray first = readJsonAnswer(s);
        QVERIFY2(first.startsWith("HTTP/1.1 401"), first.constData());
        s.write("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999\r\n\r\n");
        const QByteArray second = readUntilClosed(s);
        QVERIFY2(second.startsWith("HTTP/1.1 413"), second.constData());
    }

    void smuggling_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QByteArray>("status");
        // A bare LF ends lines for QHttpServer's parser: such a head is refused, not misread.
        QTest::newRow("bare LF") << QByteArray(
            "POST /api/v1/auth/login HTTP/1.1\nHost: a\nContent-Length: 2000000000\n\n"
            "X: y\r\nContent-Length: 0\r\n\r\n")
                                 << QByteArray("400");
        QTest::newRow("two Content-Length")
            << QByteArray("POST /api/v1/auth/login HTTP/1.1\r\nContent-Length: 0\r\n"
                          "Content-Length: 2000000000\r\n\r\n")
            << QByteArray("400");
        QTest::newRow("upgrade elsewhere")
            << QByteArray("GET /x HTTP/1.1\r\nConnection: Upgrade\r\nUpgrade: foo\r\n\r\n")
            << QByteArray("400");
        QTest::newRow("upload-sized GET")
            << QByteArray("GET /api/v1/uploads/1/x HTTP/1.1\r\nContent-Length: 26214400\r\n\r\n")
            << QByteArray("413");
    }
    void smuggling()
    {
        QFETCH(QByteArray, request);
        QFETCH(QByteArray, status);
        QTcpSocket s;
        s.connectToHost(u"127.0.0.1"_qs, m_server.port());
        QVERIFY(s.waitForConnected());
        s.write(request);
        const QByteArray answer = readUntilClosed(s);
        QVERIFY2(answer.startsWith("HTTP/1.1 " + status), answer.left(200).constData());
    }

    void upgradeHeaderAloneDoesNotUnguard()
    {
        // Without Connection: upgrade this is an ordinary request; the next one on the connection is still
        // guarded.
        QTcpSocket s;
        s.connectToHost(u"127.0.0.1"_qs, m_server.port());
        QVERIFY(s.waitForConnected());
        s.write("GET /api/v1/users/me HTTP/1.1\r\nHost: x\r\nUpgrade: foo\r\n\r\n");
        const QByteArray first = readJsonAnswer(s);
        QVERIFY2(first.startsWith("HTTP/1.1 401"), first.constData());
        s.write("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999\r\n\r\n");
        const QByteArray second = readUntilClosed(s);
        QVERIFY2(second.startsWith("HTTP/1.1 413"), second.constData());
    }

    void serverStillServes()
    {
        RestClient rest(m_server);
        QVERIFY(!rest.registerUser(u"survivor"_qs).token.isEmpty());
    }

private:
    // Everything the server sends until it closes the connection (or stays silent for 3 s).
    static QByteArray readUntilClosed(QTcpSocket &s)
    {
        QByteArray answer;
        while (s.waitForReadyRead(3000))
            answer += s.readAll();
        return answer;
    }
    // One response whose JSON body ends the way every error body does, on a connection that stays open.
    static QByteArray readJsonAnswer(QTcpSocket &s)
    {
        QByteArray answer;
        while (!answer.contains("}}") && s.waitForReadyRead(5000))
            answer += s.readAll();
        return answer;
    }

    TestServer m_server;
};

QTEST_GUILESS_MAIN(TestHttpLimits)
#include "tst_httplimits.moc"
