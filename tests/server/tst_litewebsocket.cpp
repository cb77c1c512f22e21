#include "testclient.h"
#include "serverframe.h"
#include "testserver.h"

#include <transport/ws/wshandshake.h>
#include <common/ws/frameparser.h>
#include <common/ws/framewriter.h>

#include <QCryptographicHash>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace Natter;
using Natter::Server::WsHandshake;

namespace {
QByteArray clientFrame(quint8 firstByte, const QByteArray &payload, bool masked = true, qint64 declared = -1)
{
    const quint64 length = declared >= 0 ? quint64(declared) : quint64(payload.size());
    QByteArray out;
    out.append(char(firstByte));
    const char maskBit = masked ? char(0x80) : 0;
    if (length < 126) {
        out.append(char(maskBit | char(length)));
    } else if (length <= 0xFFFF) {
        out.append(char(maskBit | 126)).append(char(length >> 8)).append(char(length & 0xFF));
    } else {
        out.append(char(maskBit | 127));
        for (int shift = 56; shift >= 0; shift -= 8)
            out.append(char((length >> shift) & 0xFF));
    }
    if (!masked)
        return out + payload;
    const char key[4] = { 0x11, 0x22, 0x33, 0x44 };
    out.append(key, 4);
    for (qsizetype i = 0; i < payload.size(); ++i)
        out.append(char(payload[i] ^ key[i & 3]));
    return out;
}

QByteArray closePayload(int code, const QByteArray &reason = {})
{
    return QByteArray(1, char(code >> 8)) + char(code & 0xFF) + reason;
}

// A raw client: the handshake and frames written by hand, so that malformed input can be sent.
class RawClient
{
public:
    bool connectTo(quint16 port)
    {
        m_socket.connectToHost(u"127.0.0.1"_qs, port);
        return m_socket.waitForConnected(5000);
    }
    static QByteArray request(const QByteArray &target, const QByteArray &extraHeaders)
    {
        return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders + "\r\n";
    }
    // Reads the HTTP answer head (and, for an error, its body).
    QByteArray readHttp(int timeoutMs = 5000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!m_buffer.contains("\r\n\r\n") && !deadline.hasExpired()) {
            if (!m_socket.waitForReadyRead(50) && m_socket.state() != QAbstractSocket::ConnectedState)
                break;
            m_buffer += m_socket.readAll();
        }
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return std::exchange(m_buffer, {});
        QByteArray head = m_buffer.left(end + 4);
        m_buffer.remove(0, end + 4);
        return head;
    }
    QByteArray readRest(int timeoutMs = 3000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (m_socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired())
            if (m_socket.waitForReadyRead(50))
                m_buffer += m_socket.readAll();
        m_buffer += m_socket.readAll();
        return std::exchange(m_buffer, {});
    }
    ServerFrame readFrame(int timeoutMs = 5000)
    {
        return readServerFrame(m_socket, m_buffer, timeoutMs);
    }
    // Skips text frames until one of another opcode (or the end).
    ServerFrame readControl(int timeoutMs = 5000)
    {
        ServerFrame f;
        do
            f = readFrame(timeoutMs);
        while (f.opcode == 0x1);
        return f;
    }
    bool waitDisconnected(int timeoutMs)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (m_socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
            m_socket.waitForReadyRead(50);
            m_socket.readAll();
        }
        return m_socket.state() != QAbstractSocket::ConnectedState;
    }
    QTcpSocket &socket() { return m_socket; }

private:
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

const QByteArray SampleKey = "dGhlIHNhbXBsZSBub25jZQ==";
} // namespace

class TestLiteWebSocket : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        RestClient rest(m_server);
        m_ana = rest.registerUser(u"ana"_qs);
        m_ben = rest.registerUser(u"ben"_qs);
        m_channel = rest.createChannel(m_ana, u"room"_qs, u"private"_qs, { m_ben.id });
    }

    // RFC 6455 1.3's example.
    void acceptKey()
    {
        QCOMPARE(WsHandshake::acceptKey(SampleKey), QByteArray("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
    }

    void parser_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("failCode");
        QTest::addColumn<QByteArrayList>("texts");
        const QByteArray big(70000, 'a');
        QTest::newRow("text") << clientFrame(0x81, "hello") << 0 << QByteArrayList { "hello" };
        QTest::newRow("two frames") << clientFrame(0x81, "a") + clientFrame(0x81, "b") << 0
                                    << QByteArrayList { "a", "b" };
        QTest::newRow("16-bit length")
            << clientFrame(0x81, QByteArray(300, 'x')) << 0 << QByteArrayList { QByteArray(300, 'x') };
        QTest::newRow("fragmented, ping between") << clientFrame(0x01, "he") + clientFrame(0x89, "p")
                + clientFrame(0x00, "ll")
                + clientFrame(0x80, "o") << 0 << QByteArrayList { "hello" };
        QTest::newRow("unmasked") << clientFrame(0x81, "x", false) << 1002 << QByteArrayList {};
        QTest::newRow("reserved opcode") << clientFrame(0x83, "x") << 1002 << QByteArrayList {};
        QTest::newRow("reserved bit") << clientFrame(0xC1, "x") << 1002 << QByteArrayList {};
        QTest::newRow("continuation alone") << clientFrame(0x80, "x") << 1002 << QByteArrayList {};
        QTest::newRow("fragmented ping") << clientFrame(0x09, "x") << 1002 << QByteArrayList {};
        QTest::newRow("invalid UTF-8") << clientFrame(0x81, "\xff\xfe") << 1007 << QByteArrayList {};
        QTest::newRow("surrogate") << clientFrame(0x81, "\xed\xa0\x80") << 1007 << QByteArrayList {};
        QTest::newRow("truncated UTF-8") << clientFrame(0x81, "ab\xc3") << 1007 << QByteArrayList {};
        QTest::newRow("oversized, header only")
            << clientFrame(0x81, {}, true, 70000).left(14) << 1009 << QByteArrayList {};
        QTest::newRow("oversized in fragments")
            << clientFrame(0x01, big.left(40000)) + clientFrame(0x80, big.left(30000)) << 1009
            << QByteArrayList {};
        QTest::newRow("close with one byte") << clientFrame(0x88, "x") << 1002 << QByteArrayList {};
        QTest::newRow("close, bad code")
            << clientFrame(0x88, closePayload(1005)) << 1002 << QByteArrayList {};
    }
    void parser()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, failCode);
        QFETCH(QByteArrayList, texts);
        Ws::FrameParser parser(64 * 1024);
        QList<Ws::FrameParser::Message> out;
        int code = 0;
        // Byte by byte first: every prefix must be taken as incomplete, never misread.
        qsizetype used = 0;
        for (qsizetype end = 1; end <= bytes.size() && !code; ++end)
            used += parser.parse(bytes.constData() + used, end - used, out, &code);
        QCOMPARE(code, failCode);
        QByteArrayList got;
        for (const auto &m : out)
            if (m.kind == Ws::FrameParser::Kind::Text)
                got.append(m.payload);
        QCOMPARE(got, texts);
    }

    void serverFrames()
    {
        QCOMPARE(Ws::textFrame("hi"), QByteArray("\x81\x02hi", 4));
        QCOMPARE(Ws::textFrame(QByteArray(200, 'x')).left(4), QByteArray("\x81\x7e\x00\xc8", 4));
        QCOMPARE(Ws::textFrame(QByteArray(70000, 'x')).left(10),
            QByteArray("\x81\x7f\x00\x00\x00\x00\x00\x01\x11\x70", 10));
        QCOMPARE(Ws::closeFrame(1000, "bye"),
            QByteArray("\x88\x05\x03\xe8"
                       "bye",
                7));
    }

    void handshake_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("headers");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("errorCode");
        const QByteArray upgrade = "Upgrade: websocket\r\nConnection: keep-alive, Upgrade\r\n";
        const QByteArray version = "Sec-WebSocket-Version: 13\r\n";
        const QByteArray key = "Sec-WebSocket-Key: " + SampleKey + "\r\n";
        const QByteArray bearer = "Authorization: Bearer " + m_ana.token.toLatin1() + "\r\n";
        QTest::newRow("bearer") << QByteArray("/api/v1/ws") << upgrade + version + key + bearer << 101
                                << QByteArray();
        QTest::newRow("query token") << "/api/v1/ws?token=" + QUrl::toPercentEncoding(m_ana.token)
                                     << upgrade + version + key << 101 << QByteArray();
        QTest::newRow("missing key") << QByteArray("/api/v1/ws") << upgrade + version + bearer << 400
                                     << QByteArray("bad_request");
        QTest::newRow("short key") << QByteArray("/api/v1/ws")
                                   << upgrade + version + bearer + "Sec-WebSocket-Key: c2hvcnQ=\r\n"
                                   << 400 << QByteArray("bad_request");
        QTest::newRow("version 8") << QByteArray("/api/v1/ws")
                                   << upgrade + key + bearer + "Sec-WebSocket-Version: 8\r\n"
                                   << 400 << QByteArray("bad_request");
        QTest::newRow("no Connection: Upgrade")
            << QByteArray("/api/v1/ws") << "Upgrade: websocket\r\n" + version + key + bearer << 400
            << QByteArray("bad_request");
        QTest::newRow("bad token") << QByteArray("/api/v1/ws")
                                   << upgrade + version + key + "Authorization: Bearer nope\r\n"
                                   << 401 << QByteArray("unauthorized");
        QTest::newRow("no token") << QByteArray("/api/v1/ws") << upgrade + version + key << 401
                                  << QByteArray("unauthorized");
    }
    void handshake()
    {
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, headers);
        QFETCH(int, status);
        QFETCH(QByteArray, errorCode);
        RawClient c;
        QVERIFY(c.connectTo(m_server.port()));
        c.socket().write(RawClient::request(target, headers));
        const QByteArray head = c.readHttp();
        QVERIFY2(head.startsWith("HTTP/1.1 " + QByteArray::number(status)), head.constData());
        if (status == 101) {
            QVERIFY(head.contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"));
            const ServerFrame ready = c.readFrame();
            QCOMPARE(ready.opcode, 1);
            QVERIFY(ready.payload.contains("\"type\":\"ready\""));
        } else {
            const QByteArray body = c.readRest();
            QVERIFY2(body.contains("{\"error\":{\"code\":\"" + errorCode + "\""), body.constData());
        }
    }

    void frames_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("opcode"); // of the first non-text answer, or 1 for a text answer
        QTest::addColumn<QByteArray>("text"); // the text answer contains this / the payload of a pong
        QTest::addColumn<int>("closeCode");
        const QByteArray ping = R"({"type":"ping","reqId":"p1"})";
        QTest::newRow("masked text") << clientFrame(0x81, ping) << 1 << QByteArray("\"reqId\":\"p1\"") << 0;
        QTest::newRow("fragmented text") << clientFrame(0x01, ping.left(5))
                + clientFrame(0x00, ping.mid(5, 10)) + clientFrame(0x80, ping.mid(15))
                                         << 1 << QByteArray("\"reqId\":\"p1\"") << 0;
        QTest::newRow("ping") << clientFrame(0x89, "hello") << 0xA << QByteArray("hello") << 0;
        QTest::newRow("unmasked") << clientFrame(0x81, ping, false) << 8 << QByteArray() << 1002;
        QTest::newRow("reserved opcode") << clientFrame(0x83, "x") << 8 << QByteArray() << 1002;
        QTest::newRow("reserved bit") << clientFrame(0xA1, ping) << 8 << QByteArray() << 1002;
        QTest::newRow("invalid UTF-8")
            << clientFrame(0x81, "{\"type\":\"\xc0\xaf\"}") << 8 << QByteArray() << 1007;
        QTest::newRow("oversized") << clientFrame(0x81, QByteArray(70000, 'a')) << 8 << QByteArray() << 1009;
        QTest::newRow("oversized, header only")
            << clientFrame(0x81, {}, true, 1 << 30) << 8 << QByteArray() << 1009;
        QTest::newRow("binary") << clientFrame(0x82, "x") << 8 << QByteArray() << 4008;
        QTest::newRow("close") << clientFrame(0x88, closePayload(1000, "bye")) << 8 << QByteArray() << 1000;
    }
    void frames()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, opcode);
        QFETCH(QByteArray, text);
        QFETCH(int, closeCode);
        RawClient c;
        QVERIFY(openRaw(c));
        c.socket().write(bytes);
        const ServerFrame f = opcode == 1 ? c.readFrame() : c.readControl();
        QCOMPARE(f.opcode, opcode);
        if (opcode == 8) {
            QCOMPARE(f.closeCode(), closeCode);
            if (closeCode == 4008) // the server started the closing handshake: finish it
                c.socket().write(clientFrame(0x88, closePayload(1000)));
            QVERIFY(c.waitDisconnected(3000));
        } else {
            QVERIFY2(f.payload.contains(text), f.payload.constData());
        }
    }

    // Frames that come in the same packet as the request head are not lost in the handover.
    void framesWithTheHead()
    {
        RawClient c;
        QVERIFY(c.connectTo(m_server.port()));
        c.socket().write(RawClient::request("/api/v1/ws", upgradeHeaders())
            + clientFrame(0x81, R"({"type":"ping","reqId":"early"})"));
        QVERIFY(c.readHttp().startsWith("HTTP/1.1 101"));
        QVERIFY(c.readFrame().payload.contains("\"type\":\"ready\""));
        const ServerFrame pong = c.readFrame();
        QVERIFY2(pong.payload.contains("\"reqId\":\"early\""), pong.payload.constData());
    }

    // The server's close is answered by nobody: the connection is dropped after the close timeout.
    void unansweredCloseIsDropped()
    {
        RawClient c;
        QVERIFY(openRaw(c));
        c.socket().write(clientFrame(0x82, "x"));
        QCOMPARE(c.readControl().closeCode(), 4008);
        QElapsedTimer timer;
        timer.start();
        QDeadlineTimer deadline(9000);
        while (c.socket().state() == QAbstractSocket::ConnectedState && !deadline.hasExpired())
            c.socket().waitForDisconnected(100); // reads nothing: the peer ignores the close
        QCOMPARE(c.socket().state(), QAbstractSocket::UnconnectedState);
        QVERIFY2(timer.elapsed() > 3000, QByteArray::number(timer.elapsed()).constData());
    }

    // Qt's own client works through it end to end.
    void qwebsocketClient()
    {
        GatewayClient ana, ben;
        QVERIFY(ana.open(m_server, m_ana.token));
        QVERIFY(ben.open(m_server, m_ben.token, true));
        QVERIFY(!ana.ready().value(u"sessionId").toString().isEmpty());

        QSignalSpy pong(&ana.socket(), &QWebSocket::pong);
        ana.socket().ping("are you there");
        QVERIFY(pong.wait(5000));
        QCOMPARE(pong.first().at(1).toByteArray(), QByteArray("are you there"));

        const QString text = u"héllo ✓ "_qs + QString(3000, u'x'); // 16-bit length, non-ASCII
        const auto ack = ana.call({ { u"type"_qs, u"message.send"_qs }, { u"channelId"_qs, m_channel },
            { u"clientMsgId"_qs, u"lite-1"_qs }, { u"text"_qs, text } });
        QCOMPARE(ack.value(u"type").toString(), u"ack"_qs);
        const auto delivered = ben.waitFor(u"message.new"_qs);
        QCOMPARE(delivered.value(u"message").toObject().value(u"text").toString(), text);

        QSignalSpy closed(&ana.socket(), &QWebSocket::disconnected);
        ana.socket().close(QWebSocketProtocol::CloseCodeNormal, u"bye"_qs);
        QVERIFY(closed.wait(5000) || !closed.isEmpty());
        QCOMPARE(ana.socket().closeCode(), QWebSocketProtocol::CloseCodeNormal);
    }

private:
    QByteArray upgradeHeaders() const
    {
        return "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
            + SampleKey + "\r\nAuthorization: Bearer " + m_ana.token.toLatin1() + "\r\n";
    }
    bool openRaw(RawClient &c)
    {
        if (!c.connectTo(m_server.port()))
            return false;
        c.socket().write(RawClient::request("/api/v1/ws", upgradeHeaders()));
        if (!c.readHttp().startsWith("HTTP/1.1 101"))
            return false;
        return c.readFrame().payload.contains("\"type\":\"ready\"");
    }

    TestServer m_server { { u"--ws-transport"_qs, u"lite"_qs } };
    TestAccount m_ana, m_ben;
    QString m_channel;
};

QTEST_GUILESS_MAIN(TestLiteWebSocket)
#include "tst_litewebsocket.moc"
