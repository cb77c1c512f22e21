#include "testclient.h"
#include "testserver.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

// What the server acknowledged survives a restart, clean or not.
class TestDurability : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanRestartKeepsEverything()
    {
        TestServer server({ u"--rate-limit"_qs, u"0"_qs });
        QVERIFY(server.start());
        RestClient rest(server);
        const auto ana = rest.registerUser(u"ana"_qs);
        const auto ben = rest.registerUser(u"ben"_qs);
        const QString ch = rest.createChannel(ana, u"keep"_qs, u"private"_qs, { ben.id });
        QStringList ids;
        for (int i = 0; i < 20; ++i)
            ids.append(
                rest.post(u"/api/v1/channels/"_qs + ch + u"/messages"_qs,
                        { { u"clientMsgId"_qs, u"k%1"_qs.arg(i) }, { u"text"_qs, u"keep %1"_qs.arg(i) } },
                        ana.token)
                    .json.value(u"id")
                    .toString());
        const qint64 seq
            = rest.get(u"/api/v1/channels/"_qs + ch, ana.token).json.value(u"lastSeq").toInteger();

        server.stop();
        QVERIFY(server.start());
        RestClient restarted(server); // a new client: the old one's keep-alive connection died with the server
        // Same tokens, same channel, same history, same seq; ids keep increasing.
        const auto page = restarted.get(u"/api/v1/channels/"_qs + ch + u"/messages?limit=100"_qs, ben.token);
        QCOMPARE(page.status, 200);
        QStringList after;
        for (const auto &m : page.json.value(u"messages").toArray())
            after.append(m.toObject().value(u"id").toString());
        QCOMPARE(after, ids);
        QCOMPARE(restarted.get(u"/api/v1/channels/"_qs + ch, ana.token).json.value(u"lastSeq").toInteger(), seq);
        const auto next = restarted.post(u"/api/v1/channels/"_qs + ch + u"/messages"_qs,
            { { u"clientMsgId"_qs, u"after-restart"_qs }, { u"text"_qs, u"still here"_qs } }, ana.token);
        QCOMPARE(next.status, 201);
        QCOMPARE(next.json.value(u"seq").toInteger(), seq + 1);
        QVERIFY(next.json.value(u"id").toString().toLongLong() > ids.last().toLongLong());
        // A resend of an old clientMsgId still finds the original.
        const auto resend = restarted.post(u"/api/v1/channels/"_qs + ch + u"/messages"_qs,
            { { u"clientMsgId"_qs, u"k3"_qs }, { u"text"_qs, u"keep 3"_qs } }, ana.token);
        QCOMPARE(resend.status, 200);
        QCOMPARE(resend.json.value(u"id").toString(), ids.at(3));
    }

    void killedMidStreamLosesNothingAcknowledged()
    {
        TestServer server({ u"--rate-limit"_qs, u"0"_qs });
        QVERIFY(server.start());
        RestClient rest(server);
        const auto ana = rest.registerUser(u"ana"_qs);
        const QString ch = rest.createChannel(ana, u"crash"_qs, u"private"_qs);
        GatewayClient g;
        QVERIFY(g.open(server, ana.token));
        for (int i = 0; i < 3000; ++i)
            g.sendFrame({ { u"type"_qs, u"message.send"_qs }, { u"channelId"_qs, ch },
                { u"reqId"_qs, u"c%1"_qs.arg(i) }, { u"clientMsgId"_qs, u"crash-%1"_qs.arg(i) },
                { u"text"_qs, u"payload %1"_qs.arg(i) } });
        // Pull the plug (SIGKILL) as soon as some acks are in, while the rest are in flight.
        QTRY_VERIFY_WITH_TIMEOUT(g.frames().size() >= 200, 20000);
        server.kill();
        QSet<QString> acked;
        for (const auto &a : g.takeAll(u"ack"_qs))
            acked.insert(a.value(u"message").toObject().value(u"id").toString());
        QVERIFY(!acked.isEmpty());

        QVERIFY(server.start());
        RestClient restarted(server); // a new client: the old one's keep-alive connection died with the server
        QSet<QString> stored;
        QString before;
        for (;;) {
            const auto page = restarted.get(u"/api/v1/channels/"_qs + ch + u"/messages?limit=100"_qs
                    + (before.isEmpty() ? QString() : u"&before="_qs + before),
                ana.token);
            QCOMPARE(page.status, 200); // a failed request must not pass for lost messages
            const auto messages = page.json.value(u"messages").toArray();
            for (const auto &m : messages)
                stored.insert(m.toObject().value(u"id").toString());
            if (!page.json.value(u"hasMore").toBool() || messages.isEmpty())
                break;
            before = messages.first().toObject().value(u"id").toString();
        }
        for (const QString &id : std::as_const(acked))
            QVERIFY2(stored.contains(id), qPrintable(u"acknowledged message %1 was lost"_qs.arg(id)));
        // The log is still gapless after the crash.
        const auto channel = restarted.get(u"/api/v1/channels/"_qs + ch, ana.token).json;
        QCOMPARE(
            channel.value(u"lastSeq").toInteger(), qint64(stored.size()) + 1); // + the owner's member.joined
    }
};

QTEST_GUILESS_MAIN(TestDurability)
#include "tst_durability.moc"
