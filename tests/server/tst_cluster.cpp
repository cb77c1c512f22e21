#include "testclient.h"
#include "testredis.h"
#include "testserver.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <QTest>
#include <algorithm>

// Several natter-server instances on one database with --redis (server/cluster/). The single-instance cases
// need Redis only (NATTER_TEST_REDIS, or a private redis-server for the restart); the cross-instance cases
// also need a shared database (NATTER_TEST_POSTGRES=postgresql://…). scripts/test provides both.
class TestCluster : public QObject
{
    Q_OBJECT
private:
    static QString errorCode(const QJsonObject &answer)
    {
        return answer.value(u"error").toObject().value(u"code").toString();
    }
    static QJsonObject sendFrame(const QString &channel, const QString &clientMsgId, const QString &text)
    {
        return { { u"type"_qs, u"message.send"_qs }, { u"channelId"_qs, channel },
            { u"clientMsgId"_qs, clientMsgId }, { u"text"_qs, text } };
    }
    // Waits until G has COUNT frames of TYPE (bounded by the wait, not timed), and takes them.
    static QList<QJsonObject> collect(GatewayClient &g, const QString &type, int count, int timeoutMs = 30000)
    {
        (void)QTest::qWaitFor(
            [&] {
                return std::count_if(g.frames().cbegin(), g.frames().cend(), [&](const QJsonObject &f) {
                    return f.value(u"type").toString() == type;
                }) >= count;
            },
            timeoutMs);
        return g.takeAll(type);
    }
    // The seqs of FRAMES are FIRST, FIRST + 1, … each once.
    static bool gapless(const QList<QJsonObject> &frames, qint64 first)
    {
        for (qsizetype i = 0; i < frames.size(); ++i) {
            if (frames.at(i).value(u"seq").toInteger() != first + i) {
                qWarning("frame %lld has seq %lld, expected %lld", qint64(i),
                    frames.at(i).value(u"seq").toInteger(), first + i);
                return false;
            }
        }
        return true;
    }
    static QByteArray publish(const QString &redis, const QByteArray &payload)
    {
        return TestRedis::command(redis, { "PUBLISH", "natter:cluster", payload });
    }
    static qint64 lastSeq(const GatewayClient &g, const QString &channel)
    {
        for (const auto &c : g.ready().value(u"channels"_qs).toArray())
            if (c.toObject().value(u"id").toString() == channel)
                return c.toObject().value(u"lastSeq").toInteger();
        return -1;
    }
    // A new, empty database on the PostgreSQL of NATTER_TEST_POSTGRES for each case (they register the
    // same user names), or empty without one.
    QString freshDatabase()
    {
        if (m_database.isEmpty())
            return {};
        const QUrl base(m_database);
        const QString name
            = u"natter_cluster_%1_%2"_qs.arg(QCoreApplication::applicationPid()).arg(++m_databases);
        {
            QSqlDatabase admin = QSqlDatabase::addDatabase(u"QPSQL"_qs, u"admin"_qs);
            admin.setHostName(base.host());
            admin.setPort(base.port(5432));
            admin.setUserName(base.userName());
            admin.setPassword(base.password());
            admin.setDatabaseName(base.path().mid(1));
            if (!admin.open()) {
                qWarning("cannot open %s: %s", qPrintable(m_database), qPrintable(admin.lastError().text()));
                return {};
            }
            QSqlQuery create(admin);
            if (!create.exec(u"CREATE DATABASE "_qs + name))
                qWarning("CREATE DATABASE failed: %s", qPrintable(create.lastError().text()));
            admin.close();
        }
        QSqlDatabase::removeDatabase(u"admin"_qs);
        QUrl url = base;
        url.setPath(u"/"_qs + name);
        return url.toString();
    }
    QStringList serverArgs(const QString &redis, int node, const QString &database = {}) const
    {
        QStringList args { u"--redis"_qs, redis, u"--node-id"_qs, QString::number(node), u"--rate-limit"_qs,
            u"0"_qs };
        if (!database.isEmpty())
            args += { u"--database"_qs, database };
        return args;
    }
    bool needDatabase() { return !m_database.isEmpty(); }
    struct TwoInstances
    {
        std::unique_ptr<TestServer> a, b;
        explicit operator bool() const { return a && b; }
    };
    // Instances 1 and 2 on a new shared database and m_redis, both started; EXTRA goes to both. Empty when
    // either could not start.
    TwoInstances startTwo(const QStringList &extra = {})
    {
        const QString database = freshDatabase();
        if (database.isEmpty())
            return {};
        TwoInstances two { std::make_unique<TestServer>(serverArgs(m_redis, 1, database) + extra),
            std::make_unique<TestServer>(serverArgs(m_redis, 2, database) + extra) };
        if (!two.a->start() || !two.b->start())
            return {};
        return two;
    }

    QString m_redis;
    QString m_database;
    int m_databases = 0;

private Q_SLOTS:
    void initTestCase()
    {
        m_redis = TestRedis::sharedUrl();
        m_database = qEnvironmentVariable("NATTER_TEST_POSTGRES");
        if (m_redis.isEmpty())
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

    // Concurrent senders on both instances: one seq stream, gapless, each event once on both sides.
    void concurrentSendersStayGapless()
    {
        if (!needDatabase())
            QSKIP("NATTER_TEST_POSTGRES (postgresql://…) is not set: two instances need a shared database");
        const TwoInstances cluster = startTwo();
        QVERIFY(cluster);
        TestServer &a = *cluster.a, &b = *cluster.b;
        RestClient rest(a);
        const TestPair pair = rest.registerPair(u"race"_qs);
        GatewayClient ana, ben;
        QVERIFY(ana.open(a, pair.ana.token));
        QVERIFY(ben.open(b, pair.ben.token));
        const qint64 start = lastSeq(ana, pair.channel);
        constexpr int PerSide = 100;
        for (int i = 0; i < PerSide; ++i) {
            ana.sendFrame(sendFrame(pair.channel, u"a%1"_qs.arg(i), u"a"_qs));
            ben.sendFrame(sendFrame(pair.channel, u"b%1"_qs.arg(i), u"b"_qs));
        }
        const auto atA = collect(ana, u"message.new"_qs, 2 * PerSide);
        const auto atB = collect(ben, u"message.new"_qs, 2 * PerSide);
        QCOMPARE(atA.size(), 2 * PerSide);
        QCOMPARE(atB.size(), 2 * PerSide);
        QVERIFY(gapless(atA, start + 1));
        QVERIFY(gapless(atB, start + 1));
        QVERIFY(ana.noFrame(u"message.new"_qs, 300));
    }

    // The same messages sent through both instances at once (a client that resends after switching instance)
    // are stored once each, and both senders are answered with the same message: the two instances' batches
    // take the channel's row lock in turn, and the second finds the first's rows before inserting.
    void sameMessageThroughBothInstancesIsStoredOnce()
    {
        if (!needDatabase())
            QSKIP("NATTER_TEST_POSTGRES (postgresql://…) is not set: two instances need a shared database");
        const TwoInstances cluster = startTwo();
        QVERIFY(cluster);
        TestServer &a = *cluster.a, &b = *cluster.b;
        RestClient rest(a);
        const TestPair pair = rest.registerPair(u"twice"_qs);
        GatewayClient viaA, viaB, ben;
        QVERIFY(viaA.open(a, pair.ana.token));
        QVERIFY(viaB.open(b, pair.ana.token));
        QVERIFY(ben.open(a, pair.ben.token));
        const qint64 start = lastSeq(ben, pair.channel);
        constexpr int Messages = 100;
        for (int i = 0; i < Messages; ++i) {
            QJsonObject frame = sendFrame(pair.channel, u"both-%1"_qs.arg(i), u"once %1"_qs.arg(i));
            frame.insert(u"reqId"_qs, u"r%1"_qs.arg(i));
            viaA.sendFrame(frame);
            viaB.sendFrame(frame);
        }
        const auto acksA = collect(viaA, u"ack"_qs, Messages);
        const auto acksB = collect(viaB, u"ack"_qs, Messages);
        QCOMPARE(acksA.size(), Messages);
        QCOMPARE(acksB.size(), Messages);
        QHash<QString, QString> idByReq;
        for (const auto &ack : acksA)
            idByReq.insert(
                ack.value(u"reqId").toString(), ack.value(u"message").toObject().value(u"id").toString());
        for (const auto &ack : acksB) {
            const QString id = ack.value(u"message").toObject().value(u"id").toString();
            QVERIFY(!id.isEmpty());
            QCOMPARE(id, idByReq.value(ack.value(u"reqId").toString()));
        }
        const auto delivered = collect(ben, u"message.new"_qs, Messages);
        QCOMPARE(delivered.size(), Messages);
        QVERIFY(gapless(delivered, start + 1));
        QVERIFY(ben.noFrame(u"message.new"_qs, 300));
    }

    // A repeat that another writer is storing while a pipelined batch runs (invisible to the batch's look-up
    // of repeats, conflicting at its insert) fails that batch; it is stored again statement by statement, the
    // repeat answered with the other writer's message and the rest of the batch stored once, without a gap.
    // A psql transaction plays the other writer and holds its row until the batch waits on it.
    void repeatStoredMeanwhileFallsBackToStepByStep()
    {
        if (!needDatabase())
            QSKIP("NATTER_TEST_POSTGRES (postgresql://…) is not set: the batch is pipelined on PostgreSQL "
                  "only");
        const QString database = freshDatabase();
        QVERIFY(!database.isEmpty());
        TestServer a(serverArgs(m_redis, 1, database));
        QVERIFY(a.start());
        RestClient rest(a);
        const TestPair pair = rest.registerPair(u"held"_qs);
        GatewayClient ana, ben;
        QVERIFY(ana.open(a, pair.ana.token));
        QVERIFY(ben.open(a, pair.ben.token));
        const qint64 start = lastSeq(ben, pair.channel);

        QProcess other;
        // In a channel of its own: a message in the batch's channel would hold that channel's row (its
        // foreign key), and the batch, which locks the row first, would wait and then see the repeat before
        // inserting.
        other.start(u"psql"_qs,
            { u"-X"_qs, u"-q"_qs, u"-v"_qs, u"ON_ERROR_STOP=1"_qs, u"-d"_qs, database, u"-c"_qs,
                u"BEGIN; INSERT INTO channels (id, type, name, visibility, created_by, created_at)"
                " VALUES (8, 'group', 'elsewhere', 'public', %1, 0);"
                " INSERT INTO messages (id, channel_id, seq, ordinal, author_id, client_msg_id, text, "
                "created_at)"
                " VALUES (7, 8, 1, 1, %1, 'held', 'stored elsewhere', 0); SELECT pg_sleep(2); COMMIT;"_qs.arg(
                    pair.ana.id) });
        QVERIFY(other.waitForStarted());
        const auto sleeping = [&] {
            return a.psql(u"SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%%pg_sleep(2)%%'"
                          " AND state = 'active' AND pid <> pg_backend_pid()"_qs)
                       .value_or(QByteArray())
                       .trimmed()
                == "1";
        };
        QTRY_VERIFY_WITH_TIMEOUT(sleeping(), 15000);

        (void)a.takeLog();
        for (const QString &id : { u"new-1"_qs, u"held"_qs, u"new-2"_qs, u"new-3"_qs }) {
            QJsonObject frame = sendFrame(pair.channel, id, id);
            frame.insert(u"reqId"_qs, id);
            ana.sendFrame(frame);
        }
        const auto acks = collect(ana, u"ack"_qs, 4);
        QVERIFY(other.state() == QProcess::NotRunning || other.waitForFinished(15000));
        QVERIFY2(other.exitCode() == 0, other.readAllStandardError().constData());
        QCOMPARE(acks.size(), 4);
        for (const auto &ack : acks) {
            const auto message = ack.value(u"message").toObject();
            if (ack.value(u"reqId").toString() == u"held") {
                QCOMPARE(message.value(u"id").toString(), u"7"_qs);
                QCOMPARE(message.value(u"text").toString(), u"stored elsewhere"_qs);
            } else {
                QCOMPARE(message.value(u"text").toString(), ack.value(u"reqId").toString());
            }
        }
        const auto delivered = collect(ben, u"message.new"_qs, 3);
        QCOMPARE(delivered.size(), 3);
        QVERIFY(gapless(delivered, start + 1));
        QVERIFY(ben.noFrame(u"message.new"_qs, 300));
        const QByteArray log = a.takeLog();
        QVERIFY2(log.contains("storing it step by step"), log.constData());
    }

    // Failed logins counted by one instance slow the same guesses on the other: spreading a password guesser
    // over the instances behind a load balancer gains it nothing.
    void loginBackoffIsShared()
    {
        if (!needDatabase())
            QSKIP("NATTER_TEST_POSTGRES (postgresql://…) is not set: two instances need a shared database");
        const QString database = freshDatabase();
        QVERIFY(!database.isEmpty());
        const QStringList limits { u"--login-backoff=60000:600000"_qs,
            u"--login-free-failures=2:100:100"_qs };
        TestServer a(serverArgs(m_redis, 1, database) + limits), b(serverArgs(m_redis, 2, database) + limits);
        QVERIFY(a.start());
        QVERIFY(b.start());
        RestClient restA(a), restB(b);
        const TestPair pair = restA.registerPair(u"guess"_qs);
        GatewayClient onA, onB;
        QVERIFY(onA.open(a, pair.ana.token));
        QVERIFY(onB.open(b, pair.ben.token));
        const auto login = [](RestClient &rest, const QString &password) {
            return rest.post(
                u"/api/v1/auth/login"_qs, { { u"username"_qs, u"ana"_qs }, { u"password"_qs, password } });
        };
        QCOMPARE(login(restA, u"wrong one"_qs).status, 401);
        QCOMPARE(login(restA, u"wrong two"_qs).status, 401);
        // A message sent through A after the failures reaches B through the same Redis connection after them:
        // once B has delivered it, B has counted them.
        onA.sendFrame(sendFrame(pair.channel, u"after-guesses"_qs, u"after"_qs));
        QCOMPARE(collect(onB, u"message.new"_qs, 1).size(), 1);
        // The second failure used up the free ones for this account and address: B refuses even the right
        // password (B itself has seen no failure at all).
        const auto refused = login(restB, u"correct horse battery"_qs);
        QCOMPARE(refused.status, 429);
        QVERIFY(refused.json.value(u"error"_qs).toObject().value(u"retryAfterMs"_qs).toInteger() > 1000);
        // Another account from the same address is not slowed.
        QCOMPARE(restB
                     .post(u"/api/v1/auth/login"_qs,
                         { { u"username"_qs, u"ben"_qs }, { u"password"_qs, u"correct horse battery"_qs } })
                     .status,
            200);
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
