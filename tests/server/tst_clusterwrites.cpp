#include "clusterfixture.h"

#include <QJsonDocument>
#include <QProcess>

#include <algorithm>
#include <optional>

// Two instances writing the same rows at once on one PostgreSQL database: concurrent senders, the same
// message sent through both, a repeat stored meanwhile by another writer, failed logins counted across
// instances.
class TestClusterWrites : public ClusterFixture
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (!setUpCluster())
            QSKIP("NATTER_TEST_REDIS is not set (scripts/test starts a private redis-server and sets it)");
        QCOMPARE(TestRedis::command(m_redis, { "PING" }), QByteArray("+PONG"));
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
        Listening two(*this, { u"--login-backoff=60000:600000"_qs, u"--login-free-failures=2:100:100"_qs });
        QVERIFY(two.ready);
        RestClient &restA = *two.restA, &restB = *two.restB;
        const TestPair &pair = two.pair;
        GatewayClient &onA = two.onA, &onB = two.onB;
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
        // The first back-off step (60 s), counted on B's clock: the failures heard are dated as B's own.
        const qint64 retryAfter
            = refused.json.value(u"error"_qs).toObject().value(u"retryAfterMs"_qs).toInteger();
        QVERIFY2(retryAfter > 1000 && retryAfter <= 60000, qPrintable(QString::number(retryAfter)));
        // Another account from the same address is not slowed.
        QCOMPARE(restB
                     .post(u"/api/v1/auth/login"_qs,
                         { { u"username"_qs, u"ben"_qs }, { u"password"_qs, u"correct horse battery"_qs } })
                     .status,
            200);
    }

    // Accounts made through A count against the address on B too: with three an hour, one made on B and two
    // on A leave B none, although B has made only one itself. B makes its one first, so that the bucket B
    // already holds is the one that must take what it hears. The accounts under test come through a trusted
    // proxy as 203.0.113.9; the ones that carry the gateway connections come from 127.0.0.1, another bucket.
    void registrationLimitIsShared()
    {
        if (!needDatabase())
            QSKIP("NATTER_TEST_POSTGRES (postgresql://…) is not set: two instances need a shared database");
        Listening two(*this, { u"--register-limit=3:3600"_qs, u"--trusted-proxies=127.0.0.1"_qs });
        QVERIFY(two.ready);
        RestClient &restA = *two.restA, &restB = *two.restB;
        const TestPair &pair = two.pair;
        GatewayClient &onA = two.onA, &onB = two.onB;
        const auto signUp = [](RestClient &rest, const QString &name) {
            return rest
                .request("POST", u"/api/v1/auth/register"_qs,
                    QJsonDocument(
                        QJsonObject { { u"username"_qs, name },
                            { u"password"_qs, u"correct horse battery"_qs }, { u"displayName"_qs, name } })
                        .toJson(QJsonDocument::Compact),
                    {}, { { "X-Forwarded-For", "203.0.113.9" } })
                .status;
        };
        QCOMPARE(signUp(restB, u"cara"_qs), 201);
        QCOMPARE(signUp(restA, u"dan"_qs), 201);
        QCOMPARE(signUp(restA, u"eve"_qs), 201);
        // Published after the registrations on A's one Redis connection: once B delivers it, B has counted
        // them.
        onA.sendFrame(sendFrame(pair.channel, u"after-signups"_qs, u"after"_qs));
        QCOMPARE(collect(onB, u"message.new"_qs, 1).size(), 1);
        const auto refused = restB.request("POST", u"/api/v1/auth/register"_qs,
            R"({"username":"fay","password":"correct horse battery","displayName":"Fay"})", {},
            { { "X-Forwarded-For", "203.0.113.9" } });
        QCOMPARE(refused.status, 429);
        // At most the time one token takes to come back (20 minutes at three an hour), on B's own clock.
        const qint64 retryAfter
            = refused.json.value(u"error"_qs).toObject().value(u"retryAfterMs"_qs).toInteger();
        QVERIFY2(retryAfter > 1000 && retryAfter <= 20 * 60 * 1000, qPrintable(QString::number(retryAfter)));
        // Another address is not slowed.
        QVERIFY(!restA.registerUser(u"gus"_qs).token.isEmpty());
    }

private:
    // Instances A and B (startTwo, with EXTRA), ana and ben in a channel made through A, ana connected to A
    // and ben to B, and both instances listening to each other (bothListen). READY says it all worked.
    struct Listening
    {
        Listening(TestClusterWrites &suite, const QStringList &extra)
            : two(suite.startTwo(extra))
        {
            if (!two)
                return;
            restA.emplace(*two.a);
            restB.emplace(*two.b);
            pair = restA->registerPair(u"pair"_qs);
            ready = onA.open(*two.a, pair.ana.token) && onB.open(*two.b, pair.ben.token)
                && bothListen(onA, onB, pair.channel);
        }
        TwoInstances two;
        std::optional<RestClient> restA, restB;
        TestPair pair;
        GatewayClient onA, onB;
        bool ready = false;
    };

    // Sends a message each way and waits for it: afterwards both instances are subscribed to Redis and both
    // publish there (a message may also arrive by a catch-up from the store, but that, too, starts from
    // something heard through Redis).
    static bool bothListen(GatewayClient &onA, GatewayClient &onB, const QString &channel)
    {
        const auto arrives = [](GatewayClient &g, const QString &text) {
            const bool seen = QTest::qWaitFor(
                [&] {
                    return std::any_of(g.frames().cbegin(), g.frames().cend(), [&](const QJsonObject &f) {
                        return f.value(u"type").toString() == u"message.new"
                            && f.value(u"message").toObject().value(u"text").toString() == text;
                    });
                },
                30000);
            g.takeAll(u"message.new"_qs);
            return seen;
        };
        onA.sendFrame(sendFrame(channel, u"listen-a"_qs, u"hello from A"_qs));
        if (!arrives(onB, u"hello from A"_qs))
            return false;
        onB.sendFrame(sendFrame(channel, u"listen-b"_qs, u"hello from B"_qs));
        return arrives(onA, u"hello from B"_qs);
    }
};

QTEST_GUILESS_MAIN(TestClusterWrites)
#include "tst_clusterwrites.moc"
