#include "testclient.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTest>

class TestGateway : public QObject
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

    void upgradeWithoutValidTokenIsRefused()
    {
        // A raw upgrade without a token is answered 401 before any upgrade.
        QTcpSocket raw;
        raw.connectToHost(u"127.0.0.1"_qs, m_server.port());
        QVERIFY(raw.waitForConnected());
        raw.write("GET /api/v1/ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        QVERIFY(raw.waitForReadyRead(5000));
        QVERIFY(raw.readAll().startsWith("HTTP/1.1 401"));

        for (const QString &token : { QString(), u"bogus"_qs }) {
            GatewayClient g;
            QVERIFY(!g.openRaw(m_server.wsUrl(token.isEmpty() ? QString() : u"token="_qs + token)));
            QVERIFY(!g.isOpen());
        }
    }

    void pingPong()
    {
        GatewayClient g;
        QVERIFY(g.open(m_server, m_ana.token));
        g.sendFrame({ { u"type"_qs, u"ping"_qs } });
        QVERIFY(!g.waitFor(u"pong"_qs).isEmpty());
        const auto answered = g.call({ { u"type"_qs, u"ping"_qs } });
        QVERIFY(answered.isEmpty() || answered.value(u"type").toString() == u"ack"); // pong carries the reqId
        QVERIFY(!g.waitFor(u"pong"_qs).value(u"reqId").toString().isEmpty());
    }

    void badFrames_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("echoesReqId");
        QTest::newRow("malformed") << QByteArray(R"({"type":"ping",)") << false;
        QTest::newRow("array") << QByteArray(R"([1,2,3])") << false;
        QTest::newRow("reqId number") << QByteArray(R"({"type":"ping","reqId":5})") << false;
        QTest::newRow("reqId long") << QByteArray("{\"type\":\"ping\",\"reqId\":\"") + QByteArray(65, 'r')
                + "\"}" << false;
        QTest::newRow("no type") << QByteArray(R"({"reqId":"q1"})") << true;
        QTest::newRow("type number") << QByteArray(R"({"reqId":"q1","type":7})") << true;
        QTest::newRow("unknown type") << QByteArray(R"({"reqId":"q1","type":"message.explode"})") << true;
        QTest::newRow("send wrong types")
            << QByteArray(R"({"reqId":"q1","type":"message.send","channelId":1,"clientMsgId":2,"text":3})")
            << true;
        QTest::newRow("sync not object")
            << QByteArray(R"({"reqId":"q1","type":"sync","channels":[]})") << true;
        QTest::newRow("sync bad seq")
            << QByteArray(R"({"reqId":"q1","type":"sync","channels":{"5":-1}})") << true;
        QTest::newRow("sync bad key")
            << QByteArray(R"({"reqId":"q1","type":"sync","channels":{"abc":1}})") << true;
        QTest::newRow("read missing") << QByteArray(R"({"reqId":"q1","type":"read.mark"})") << true;
    }
    void badFrames()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, echoesReqId);
        GatewayClient g;
        QVERIFY(g.open(m_server, m_ana.token));
        g.sendRaw(text);
        const auto error = g.waitFor(u"error"_qs);
        QCOMPARE(error.value(u"error").toObject().value(u"code").toString(), u"bad_request"_qs);
        QVERIFY(!error.value(u"error").toObject().value(u"message").toString().isEmpty());
        QCOMPARE(error.contains(u"reqId"), echoesReqId);
        // An error never closes the connection.
        QVERIFY(g.isOpen());
        g.sendFrame({ { u"type"_qs, u"ping"_qs } });
        QVERIFY(!g.waitFor(u"pong"_qs).isEmpty());
    }

    void oversizedFrameCloses1009()
    {
        GatewayClient g;
        QVERIFY(g.open(m_server, m_ana.token));
        QByteArray big = "{\"type\":\"ping\",\"pad\":\"" + QByteArray(64 * 1024, 'p') + "\"}";
        g.sendRaw(big);
        QVERIFY(g.waitClosed());
        QCOMPARE(g.closeCode(), 1009);
    }

    void binaryFrameIsAPolicyViolation()
    {
        GatewayClient g;
        QVERIFY(g.open(m_server, m_ana.token));
        g.socket().sendBinaryMessage("\x01\x02");
        QVERIFY(g.waitClosed());
        QCOMPARE(g.closeCode(), 4008);
    }

    void silentConnectionIsClosed()
    {
        // With a heartbeat of 1 s, a connection that says nothing for 2 s is closed.
        TestServer quick({ u"--heartbeat-ms"_qs, u"1000"_qs });
        QVERIFY(quick.start());
        const auto ana = RestClient(quick).registerUser(u"ana"_qs);
        GatewayClient g;
        QVERIFY(g.open(quick, ana.token));
        QCOMPARE(g.ready().value(u"heartbeatMs").toInt(), 1000);
        QVERIFY(g.waitClosed(10000));
        // One that pings in time stays.
        GatewayClient alive;
        QVERIFY(alive.open(quick, ana.token));
        for (int i = 0; i < 12; ++i) { // 3 s: past the silence limit, pinging four times a heartbeat
            alive.sendFrame({ { u"type"_qs, u"ping"_qs } });
            QTest::qWait(250);
        }
        QVERIFY(alive.isOpen());
    }

    void oneUserTwoConnectionsGetEverything()
    {
        GatewayClient first, second, sender;
        QVERIFY(first.open(m_server, m_ana.token));
        QVERIFY(second.open(m_server, m_ana.token));
        QVERIFY(sender.open(m_server, m_ben.token));
        QVERIFY(first.ready().value(u"sessionId") != second.ready().value(u"sessionId"));
        const auto ack = first.call({ { u"type"_qs, u"message.send"_qs }, { u"channelId"_qs, m_channel },
            { u"clientMsgId"_qs, u"two-tabs"_qs }, { u"text"_qs, u"from tab 1"_qs } });
        QCOMPARE(ack.value(u"type").toString(), u"ack"_qs);
        // The sender's own connections get the echo too.
        QCOMPARE(
            first.waitFor(u"message.new"_qs).value(u"message").toObject().value(u"clientMsgId").toString(),
            u"two-tabs"_qs);
        QCOMPARE(
            second.waitFor(u"message.new"_qs).value(u"message").toObject().value(u"clientMsgId").toString(),
            u"two-tabs"_qs);
        QVERIFY(!sender.waitFor(u"message.new"_qs).isEmpty());
        sender.call({ { u"type"_qs, u"message.send"_qs }, { u"channelId"_qs, m_channel },
            { u"clientMsgId"_qs, u"reply"_qs }, { u"text"_qs, u"hi both"_qs } });
        QVERIFY(!first.waitFor(u"message.new"_qs).isEmpty());
        QVERIFY(!second.waitFor(u"message.new"_qs).isEmpty());
    }

    void rateLimit()
    {
        RestClient rest(m_server);
        const auto fast = rest.registerUser(u"speedy"_qs);
        const QString ch = rest.createChannel(fast, u"spam"_qs, u"private"_qs);
        GatewayClient g;
        QVERIFY(g.open(m_server, fast.token));
        // Sent without waiting for answers, so that the bucket (5/s, burst 10) cannot refill in between.
        for (int i = 0; i < 14; ++i)
            g.sendFrame({ { u"type"_qs, u"message.send"_qs }, { u"channelId"_qs, ch },
                { u"reqId"_qs, u"rl%1"_qs.arg(i) }, { u"clientMsgId"_qs, u"rl%1"_qs.arg(i) },
                { u"text"_qs, u"x"_qs } });
        int acks = 0, limited = 0;
        QTRY_COMPARE_WITH_TIMEOUT(g.frames().size() >= 14 + 10, true, 10000); // 14 answers and 10 echoes
        for (const auto &f : g.takeAll(u"ack"_qs))
            acks += f.isEmpty() ? 0 : 1;
        for (const auto &f : g.takeAll(u"error"_qs)) {
            QCOMPARE(f.value(u"error").toObject().value(u"code").toString(), u"rate_limited"_qs);
            QVERIFY(f.value(u"error").toObject().value(u"retryAfterMs").toInt() > 0);
            ++limited;
        }
        // The burst of 10, plus one more if a slow machine let 200 ms pass while the frames were read.
        QVERIFY2(acks == 10 || acks == 11, qPrintable(QString::number(acks)));
        QCOMPARE(limited, 14 - acks);
        QVERIFY(g.isOpen());
        HttpResult r;
        for (int i = 0; i < 3 && r.status != 429; ++i) {
            r = rest.post(u"/api/v1/channels/"_qs + ch + u"/messages"_qs,
                { { u"clientMsgId"_qs, u"rl-rest-%1"_qs.arg(i) }, { u"text"_qs, u"x"_qs } }, fast.token);
            if (r.status == 201)
                ++acks;
        }
        QCOMPARE(r.status, 429);
        QCOMPARE(r.errorCode(), u"rate_limited"_qs);
        QVERIFY(r.header("Retry-After").toInt() >= 1);
        // Rejected sends stored nothing.
        QCOMPARE(rest.get(u"/api/v1/channels/"_qs + ch + u"/messages"_qs, fast.token)
                     .json.value(u"messages")
                     .toArray()
                     .size(),
            acks);
    }

private:
    TestServer m_server;
    TestAccount m_ana, m_ben;
    QString m_channel;
};

QTEST_GUILESS_MAIN(TestGateway)
#include "tst_gateway.moc"
