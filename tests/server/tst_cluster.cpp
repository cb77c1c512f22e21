#include "clusterfixture.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>

// Several natter-server instances on one database with --redis (server/cluster/). The single-instance cases
// need Redis only (NATTER_TEST_REDIS, or a private redis-server for the restart); the cross-instance cases
// also need a shared database (NATTER_TEST_POSTGRES=postgresql://…). scripts/test provides both.
// The cases where instances write the same rows concurrently are in tst_clusterwrites.
class TestCluster : public ClusterFixture
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (!setUpCluster())
            QSKIP("NATTER_TEST_REDIS is not set (scripts/test starts a private redis-server and sets it)");
        QCOMPARE(TestRedis::command(m_redis, { "PING" }), QByteArray("+PONG"));
    }

    // --redis is checked like every other setting.
    void redisOptionIsValidated()
    {
        QProcess check;
        check.start(TestServer::binary(), { u"--redis"_qs, u"http://x:1"_qs, u"--check-config"_qs });
        QVERIFY(check.waitForFinished(10000));
        QCOMPARE(check.exitCode(), 2);
        QVERIFY(check.readAllStandardError().contains("--redis must be redis://HOST:PORT"));
        check.start(
            TestServer::binary(), { u"--redis"_qs, u"redis://127.0.0.1:6390"_qs, u"--check-config"_qs });
        QVERIFY(check.waitForFinished(10000));
        QCOMPARE(check.exitCode(), 0);
        QVERIFY(check.readAllStandardOutput().contains("redis = redis://127.0.0.1:6390"));
        // The same key in the config file, and a bad value there names the file.
        QTemporaryDir dir;
        QFile file(dir.filePath(u"natter.conf"_qs));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("redis = redis://10.0.0.5\n");
        file.close();
        check.start(TestServer::binary(), { u"--config"_qs, file.fileName(), u"--check-config"_qs });
        QVERIFY(check.waitForFinished(10000));
        QCOMPARE(check.exitCode(), 0);
        QVERIFY(check.readAllStandardOutput().contains("redis = redis://10.0.0.5"));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("redis = redis://host:99999\n");
        file.close();
        check.start(TestServer::binary(), { u"--config"_qs, file.fileName(), u"--check-config"_qs });
        QVERIFY(check.waitForFinished(10000));
        QCOMPARE(check.exitCode(), 2);
        QVERIFY(check.readAllStandardError().contains("natter.conf: redis must be redis://HOST:PORT"));
    }

    // One instance with --redis: its own clients get every event once (nothing comes back from Redis twice),
    // and what other instances publish reaches them.
    void oneInstanceDeliversLocalAndRemote()
    {
        TestServer server(serverArgs(m_redis, 1, freshDatabase()));
        QVERIFY(server.start());
        RestClient rest(server);
        const TestPair pair = rest.registerPair(u"one"_qs);
        GatewayClient ana, ben;
        QVERIFY(ana.open(server, pair.ana.token));
        QVERIFY(ben.open(server, pair.ben.token));
        const qint64 start = lastSeq(ben, pair.channel);
        for (int i = 0; i < 20; ++i)
            ana.sendFrame(sendFrame(pair.channel, u"m%1"_qs.arg(i), u"hello %1"_qs.arg(i)));
        const auto got = collect(ben, u"message.new"_qs, 20);
        QCOMPARE(got.size(), 20);
        QVERIFY(gapless(got, start + 1));
        QVERIFY(ben.noFrame(u"message.new"_qs, 300));

        // A typing frame and a user frame published by another instance ("peer") arrive as they are.
        const QByteArray typing = "{\"type\":\"typing\",\"channelId\":\"" + pair.channel.toUtf8()
            + "\",\"userId\":\"" + pair.ana.id.toUtf8() + "\",\"typing\":true}";
        QVERIFY(
            publish(m_redis, "T peer " + pair.channel.toUtf8() + ' ' + pair.ana.id.toUtf8() + '\n' + typing)
                .startsWith(':'));
        QCOMPARE(ben.waitFor(u"typing"_qs).value(u"userId").toString(), pair.ana.id);
        QVERIFY(publish(m_redis, "U peer " + pair.ben.id.toUtf8() + "\n" + typing).startsWith(':'));
        QVERIFY(!ben.waitFor(u"typing"_qs).isEmpty());
        QVERIFY(ana.noFrame(u"typing"_qs, 300));

        // A committed event this instance delivered already (a peer's copy of it) is not delivered again.
        const QByteArray old = "{\"type\":\"message.deleted\",\"channelId\":\"" + pair.channel.toUtf8()
            + "\",\"seq\":" + QByteArray::number(start + 20) + ",\"messageId\":\"1\"}";
        publish(m_redis,
            "E peer " + pair.channel.toUtf8() + ' ' + QByteArray::number(start + 20) + " 0 0\n" + old);
        QVERIFY(ben.noFrame(u"message.deleted"_qs, 500));

        // A token revoked on another instance closes its connections here.
        const QByteArray hash = QCryptographicHash::hash(pair.ben.token.toUtf8(), QCryptographicHash::Sha256);
        publish(m_redis, "K peer 4002 " + hash.toHex() + "\ntoken revoked");
        QVERIFY(ben.waitClosed());
        QCOMPARE(ben.closeCode(), 4002);
        QVERIFY(ana.isOpen());
    }

    // Presence is cluster-wide: a user online on another instance is online here, and goes offline when that
    // instance falls silent (killed) for three heartbeats.
    void presenceFromOtherInstancesExpires()
    {
        TestServer server(serverArgs(m_redis, 1, freshDatabase()));
        QVERIFY(server.start());
        RestClient rest(server);
        const TestPair pair = rest.registerPair(u"presence"_qs);
        GatewayClient ana;
        QVERIFY(ana.open(server, pair.ana.token));
        ana.call({ { u"type"_qs, u"presence.subscribe"_qs }, { u"userIds"_qs, QJsonArray { pair.ben.id } } });
        QCOMPARE(ana.waitFor(u"presence"_qs).value(u"online").toBool(), false);
        publish(m_redis, "P ghost " + pair.ben.id.toUtf8() + " 1\n");
        QCOMPARE(ana.waitFor(u"presence"_qs).value(u"online").toBool(), true);
        // A REST view of Ben says online too.
        const auto members
            = rest.get(u"/api/v1/channels/"_qs + pair.channel + u"/members"_qs, pair.ana.token);
        QVERIFY(members.body.contains("\"online\":true"));
        // "ghost" sends no heartbeat: it expires and Ben goes offline.
        QCOMPARE(ana.waitFor(u"presence"_qs, 30000).value(u"online").toBool(), false);
    }

    // The send rate limit is shared through Redis: a user whose shared bucket is empty (spent on other
    // instances) is refused here although the local bucket is full.
    void rateLimitIsShared()
    {
        TestServer server(
            serverArgs(m_redis, 1, freshDatabase()) + QStringList { u"--rate-limit"_qs, u"5:10"_qs });
        QVERIFY(server.start());
        RestClient rest(server);
        const TestPair pair = rest.registerPair(u"rate"_qs);
        // Empty, and last refilled far in the future: it stays empty.
        QCOMPARE(TestRedis::command(m_redis,
                     { "HSET", "natter:rate:" + pair.ana.id.toUtf8(), "t", "0", "u", "99999999999999" }),
            QByteArray(":2"));
        GatewayClient ana;
        QVERIFY(ana.open(server, pair.ana.token));
        int accepted = 0;
        QString refused;
        for (int i = 0; i < 10 && refused.isEmpty(); ++i) {
            const auto answer = ana.call(sendFrame(pair.channel, u"r%1"_qs.arg(i), u"x"_qs));
            if (answer.value(u"type").toString() == u"ack")
                ++accepted;
            else
                refused = errorCode(answer);
        }
        // The local bucket (burst 10) alone would have taken all ten.
        QCOMPARE(refused, u"rate_limited"_qs);
        QVERIFY(accepted < 10);
        TestRedis::command(m_redis, { "DEL", "natter:rate:" + pair.ana.id.toUtf8() });
    }

    // Redis restarted while messages flow: every message arrives once, in order, and nobody reconnects.
    // On one instance this shows that an instance serves its own clients while Redis is away; with the
    // shared database it runs across two instances.
    void redisRestartWhileMessagesFlow()
    {
        TestRedis redis;
        if (!redis.start())
            QSKIP("redis-server is not on PATH (scripts/setup installs it)");
        const QString database = freshDatabase();
        TestServer a(serverArgs(redis.url(), 1, database));
        QVERIFY(a.start());
        std::unique_ptr<TestServer> b;
        if (needDatabase()) {
            QVERIFY(!database.isEmpty());
            b = std::make_unique<TestServer>(serverArgs(redis.url(), 2, database));
            QVERIFY(b->start());
        }
        TestServer &other = b ? *b : a;
        RestClient rest(a);
        const TestPair pair = rest.registerPair(u"restart"_qs);
        GatewayClient ana, ben;
        QVERIFY(ana.open(a, pair.ana.token));
        QVERIFY(ben.open(other, pair.ben.token));
        const qint64 start = lastSeq(ben, pair.channel);
        const auto sendBatch = [&](int from, int to) {
            for (int i = from; i < to; ++i)
                QCOMPARE(ana.call(sendFrame(pair.channel, u"f%1"_qs.arg(i), u"flow %1"_qs.arg(i)))
                             .value(u"type")
                             .toString(),
                    u"ack"_qs);
        };
        sendBatch(0, 10);
        redis.stop();
        sendBatch(10, 20); // acked while Redis is down
        QVERIFY(redis.start());
        sendBatch(20, 30);
        const auto got = collect(ben, u"message.new"_qs, 30);
        QCOMPARE(got.size(), 30);
        QVERIFY(gapless(got, start + 1));
        for (int i = 0; i < 30; ++i)
            QCOMPARE(got.at(i).value(u"message").toObject().value(u"text").toString(), u"flow %1"_qs.arg(i));
        QVERIFY(ben.noFrame(u"message.new"_qs, 500));
        QVERIFY(ben.isOpen());
        QVERIFY(ana.isOpen());
        // Across instances, what was published while Redis was away came from the store.
        if (b)
            QVERIFY(b->takeLog().contains("from the store"));
    }

    // --- Two instances on one database ---

    // Users on different instances see each other's messages, replies, reactions, edits, typing, presence
    // and read markers live.
    void crossInstanceLive()
    {
        if (!needDatabase())
            QSKIP("NATTER_TEST_POSTGRES (postgresql://…) is not set: two instances need a shared database");
        const TwoInstances cluster = startTwo();
        QVERIFY(cluster);
        TestServer &a = *cluster.a, &b = *cluster.b;
        RestClient rest(a);
        const TestPair pair = rest.registerPair(u"live"_qs);
        GatewayClient ana, ben;
        QVERIFY(ana.open(a, pair.ana.token));
        ana.call({ { u"type"_qs, u"presence.subscribe"_qs }, { u"userIds"_qs, QJsonArray { pair.ben.id } } });
        QCOMPARE(ana.waitFor(u"presence"_qs).value(u"online").toBool(), false);
        QVERIFY(ben.open(b, pair.ben.token));
        QCOMPARE(ana.waitFor(u"presence"_qs).value(u"online").toBool(), true);

        const auto sent = ana.call(sendFrame(pair.channel, u"x1"_qs, u"hi from A"_qs));
        const QString id = sent.value(u"message").toObject().value(u"id").toString();
        const auto got = ben.waitFor(u"message.new"_qs);
        QCOMPARE(got.value(u"message").toObject().value(u"text").toString(), u"hi from A"_qs);
        QCOMPARE(ana.takeAll(u"message.new"_qs).size(), 1); // her own, once
        QJsonObject reply = sendFrame(pair.channel, u"x2"_qs, u"reply from B"_qs);
        reply.insert(u"parentId"_qs, id);
        QCOMPARE(ben.call(reply).value(u"type").toString(), u"ack"_qs);
        QCOMPARE(
            ana.waitFor(u"message.new"_qs).value(u"message").toObject().value(u"parentId").toString(), id);
        QCOMPARE(ben.call({ { u"type"_qs, u"reaction.add"_qs }, { u"messageId"_qs, id },
                              { u"emoji"_qs, u"👍"_qs } })
                     .value(u"changed")
                     .toBool(),
            true);
        QCOMPARE(ana.waitFor(u"reaction.added"_qs).value(u"userId").toString(), pair.ben.id);
        ana.call(
            { { u"type"_qs, u"message.edit"_qs }, { u"messageId"_qs, id }, { u"text"_qs, u"edited"_qs } });
        // The reply and the reaction updated the message too (reply count, reactions): the edit comes last.
        QString text;
        for (int i = 0; i < 5 && text != u"edited"; ++i)
            text = ben.waitFor(u"message.updated"_qs).value(u"message").toObject().value(u"text").toString();
        QCOMPARE(text, u"edited"_qs);
        ben.sendFrame({ { u"type"_qs, u"typing.start"_qs }, { u"channelId"_qs, pair.channel } });
        QCOMPARE(ana.waitFor(u"typing"_qs).value(u"userId").toString(), pair.ben.id);
        ben.call(
            { { u"type"_qs, u"read.mark"_qs }, { u"channelId"_qs, pair.channel }, { u"messageId"_qs, id } });
        QCOMPARE(ana.waitFor(u"read.updated"_qs).value(u"userId").toString(), pair.ben.id);
        ben.socket().close();
        QCOMPARE(ana.waitFor(u"presence"_qs).value(u"online").toBool(), false);
    }

    // A member removed on instance A stops receiving on instance B at once.
    void removedMemberStopsReceivingElsewhere()
    {
        if (!needDatabase())
            QSKIP("NATTER_TEST_POSTGRES (postgresql://…) is not set: two instances need a shared database");
        const TwoInstances cluster = startTwo();
        QVERIFY(cluster);
        TestServer &a = *cluster.a, &b = *cluster.b;
        RestClient rest(a);
        const TestPair pair = rest.registerPair(u"remove"_qs);
        GatewayClient ana, ben;
        QVERIFY(ana.open(a, pair.ana.token));
        QVERIFY(ben.open(b, pair.ben.token));
        ana.call(sendFrame(pair.channel, u"r1"_qs, u"before"_qs));
        QVERIFY(!ben.waitFor(u"message.new"_qs).isEmpty());
        QCOMPARE(
            rest.del(u"/api/v1/channels/"_qs + pair.channel + u"/members/"_qs + pair.ben.id, pair.ana.token)
                .status,
            204);
        QCOMPARE(ben.waitFor(u"channel.removed"_qs).value(u"channelId").toString(), pair.channel);
        ana.call(sendFrame(pair.channel, u"r2"_qs, u"after"_qs));
        ana.sendFrame({ { u"type"_qs, u"typing.start"_qs }, { u"channelId"_qs, pair.channel } });
        // A marker that B has delivered everything published after the removal: a frame to Ben himself.
        GatewayClient ana2;
        QVERIFY(ana2.open(a, pair.ana.token));
        const QString direct
            = rest.createChannel(pair.ana, u"after-remove"_qs, u"private"_qs, { pair.ben.id });
        QCOMPARE(
            ben.waitFor(u"channel.added"_qs).value(u"channel"_qs).toObject().value(u"id").toString(), direct);
        QVERIFY(ben.takeAll(u"message.new"_qs).isEmpty());
        QVERIFY(ben.takeAll(u"typing"_qs).isEmpty());
    }

    // One instance SIGKILLed under load: its clients reconnect to the other and `sync`; no acked message is
    // lost, and its users go offline.
    void killedInstanceLosesNothingAcked()
    {
        if (!needDatabase())
            QSKIP("NATTER_TEST_POSTGRES (postgresql://…) is not set: two instances need a shared database");
        const TwoInstances cluster = startTwo();
        QVERIFY(cluster);
        TestServer &a = *cluster.a, &b = *cluster.b;
        RestClient rest(a);
        const TestPair pair = rest.registerPair(u"kill"_qs);
        GatewayClient ana, ben;
        QVERIFY(ana.open(a, pair.ana.token));
        QVERIFY(ben.open(b, pair.ben.token));
        ana.call({ { u"type"_qs, u"presence.subscribe"_qs }, { u"userIds"_qs, QJsonArray { pair.ben.id } } });
        QCOMPARE(ana.waitFor(u"presence"_qs).value(u"online").toBool(), true);
        const qint64 start = lastSeq(ben, pair.channel);
        // Ben sends on B without waiting; B is killed mid-stream. What B acked must be stored.
        for (int i = 0; i < 200; ++i) {
            QJsonObject frame = sendFrame(pair.channel, u"k%1"_qs.arg(i), u"kill %1"_qs.arg(i));
            frame.insert(u"reqId"_qs, u"k%1"_qs.arg(i));
            ben.sendFrame(frame);
        }
        const auto ackCount = [&ben] {
            return std::count_if(ben.frames().cbegin(), ben.frames().cend(),
                [](const QJsonObject &f) { return f.value(u"type").toString() == u"ack"; });
        };
        QVERIFY(QTest::qWaitFor([&] { return ackCount() >= 20; }, 20000));
        b.kill();
        QVERIFY(ben.waitClosed());
        QSet<QString> acked;
        for (const QJsonObject &f : std::as_const(ben.frames()))
            if (f.value(u"type").toString() == u"ack")
                acked.insert(f.value(u"reqId").toString());
        QCOMPARE(ana.waitFor(u"presence"_qs, 30000).value(u"online").toBool(), false);

        GatewayClient back;
        QVERIFY(back.open(a, pair.ben.token));
        const auto ack = back.call(
            { { u"type"_qs, u"sync"_qs }, { u"channels"_qs, QJsonObject { { pair.channel, start } } } });
        QCOMPARE(ack.value(u"type").toString(), u"ack"_qs);
        const auto replayed = back.takeAll(u"message.new"_qs);
        QVERIFY(gapless(replayed, start + 1));
        QSet<QString> stored;
        for (const QJsonObject &m : replayed)
            stored.insert(m.value(u"message").toObject().value(u"clientMsgId").toString());
        for (const QString &id : std::as_const(acked))
            QVERIFY2(stored.contains(id), qPrintable(u"acked but lost: "_qs + id));
        // Ana on A got the same messages live, once each.
        const auto live = collect(ana, u"message.new"_qs, int(replayed.size()));
        QCOMPARE(live.size(), replayed.size());
        QVERIFY(gapless(live, start + 1));
    }
};

QTEST_MAIN(TestCluster)
#include "tst_cluster.moc"
