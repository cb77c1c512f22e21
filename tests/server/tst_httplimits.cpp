#include "testclient.h"
#include "testserver.h"

#include <QTcpSocket>
#include <QTest>

// QHttpServer 6.4 has no limits of its own; natter-server guards its port (see server/httpguard.h).
class TestHttpLimits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        QVERIFY(m_qtServer.start());
        m_token = RestClient(m_server).registerUser(u"limits"_qs).token.toUtf8();
        m_qtToken = RestClient(m_qtServer).registerUser(u"limits"_qs).token.toUtf8();
        QVERIFY(!m_token.isEmpty() && !m_qtToken.isEmpty());
    }

    // Issue 15: a request to the gateway path that is not an upgrade is answered at once (400 bad_request), on
    // both transports; a request pipelined behind it gets its own answer.
    void gatewayPathWithoutUpgrade_data()
    {
        QTest::addColumn<QString>("transport");
        QTest::addColumn<QByteArray>("headers");
        for (const QString transport : { u"lite"_qs, u"qt"_qs }) {
            QTest::addRow("%s plain GET", qPrintable(transport)) << transport << QByteArray();
            QTest::addRow("%s Connection: Upgrade only", qPrintable(transport))
                << transport << QByteArray("Connection: Upgrade\r\n");
            QTest::addRow("%s Upgrade: websocket only", qPrintable(transport))
                << transport << QByteArray("Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
                                           "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n");
        }
    }
    void gatewayPathWithoutUpgrade()
    {
        QFETCH(QString, transport);
        QFETCH(QByteArray, headers);
        QTcpSocket s;
        s.connectToHost(u"127.0.0.1"_qs, server(transport).port());
        QVERIFY(s.waitForConnected());
        s.write("GET /api/v1/ws HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token(transport) + "\r\n" + headers
            + "\r\nGET /api/v1/users/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token(transport)
            + "\r\n\r\n");
        QByteArray buffer;
        const QByteArray first = readResponse(s, buffer);
        QVERIFY2(first.startsWith("HTTP/1.1 400"), first.constData());
        QVERIFY2(first.contains("\"bad_request\""), first.constData());
        if (first.contains("Connection: close"))
            return; // a refused handshake closes the connection; the pipelined request is dropped with it
        const QByteArray second = readResponse(s, buffer);
        QVERIFY2(second.startsWith("HTTP/1.1 200"), second.constData());
        QVERIFY2(second.contains("\"username\":\"limits\""), second.constData());
    }

    void upgradeRefusals_data()
    {
        QTest::addColumn<QString>("transport");
        QTest::addColumn<QByteArray>("request");
        const QByteArray key = "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";
        for (const QString transport : { u"lite"_qs, u"qt"_qs }) {
            // RFC 6455 4.1: the opening handshake is an HTTP/1.1 request.
            QTest::addRow("%s HTTP/1.0", qPrintable(transport)) << transport
                << "GET /api/v1/ws HTTP/1.0\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                   "Sec-WebSocket-Version: 13\r\n" + key;
            QTest::addRow("%s version 8", qPrintable(transport)) << transport
                << "GET /api/v1/ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                   "Sec-WebSocket-Version: 8\r\n" + key;
        }
    }
    void upgradeRefusals()
    {
        QFETCH(QString, transport);
        QFETCH(QByteArray, request);
        QTcpSocket s;
        s.connectToHost(u"127.0.0.1"_qs, server(transport).port());
        QVERIFY(s.waitForConnected());
        s.write(request + "Authorization: Bearer " + token(transport) + "\r\n\r\n");
        QByteArray buffer;
        const QByteArray answer = readResponse(s, buffer);
        QVERIFY2(answer.startsWith("HTTP/1.1 400"), answer.constData());
        QVERIFY2(answer.contains("\"bad_request\""), answer.constData());
        // RFC 6455 4.2.2: the refusal names the version this server speaks.
        QVERIFY2(answer.contains("\r\nSec-WebSocket-Version: 13\r\n"), answer.constData());
    }

    void unknownPathIsJsonNotFound_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::newRow("encoded slash") << QByteArray("/api/v1/channels/1%2F2");
        QTest::newRow("no such route") << QByteArray("/api/v1/nothing-here");
    }
    void unknownPathIsJsonNotFound()
    {
        QFETCH(QByteArray, path);
        QTcpSocket s;
        s.connectToHost(u"127.0.0.1"_qs, m_server.port());
        QVERIFY(s.waitForConnected());
        s.write("GET " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + m_token + "\r\n\r\n");
        QByteArray buffer;
        const QByteArray answer = readResponse(s, buffer);
        QVERIFY2(answer.startsWith("HTTP/1.1 404"), answer.constData());
        QVERIFY2(answer.contains("application/json"), answer.constData());
        QVERIFY2(answer.contains("{\"error\":{\"code\":\"not_found\""), answer.constData());
    }

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

    // One HTTP response (head and Content-Length body) from S, BUFFER holding what arrived beyond it.
    static QByteArray readResponse(QTcpSocket &s, QByteArray &buffer)
    {
        for (;;) {
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            if (end >= 0) {
                qsizetype length = 0;
                for (const QByteArray &line : buffer.left(end).split('\n'))
                    if (line.toLower().startsWith("content-length:"))
                        length = line.mid(15).trimmed().toLongLong();
                if (buffer.size() >= end + 4 + length) {
                    const QByteArray response = buffer.left(end + 4 + length);
                    buffer.remove(0, response.size());
                    return response;
                }
            }
            if (!s.waitForReadyRead(3000))
                return std::exchange(buffer, {});
            buffer += s.readAll();
        }
    }
    const TestServer &server(const QString &transport) const { return transport == u"qt" ? m_qtServer : m_server; }
    QByteArray token(const QString &transport) const { return transport == u"qt" ? m_qtToken : m_token; }

    TestServer m_server { { u"--ws-transport"_qs, u"lite"_qs } };
    TestServer m_qtServer { { u"--ws-transport"_qs, u"qt"_qs } };
    QByteArray m_token;
    QByteArray m_qtToken;
};

QTEST_GUILESS_MAIN(TestHttpLimits)
#include "tst_httplimits.moc"
