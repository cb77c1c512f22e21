#include "testclient.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <common/snowflake.h>

#include <algorithm>
#include <QSet>
#include <QTest>

// The store goes away under a sending client: PostgreSQL stopped and started again (scripts/postgres ctl).
// While it is down every send is refused with `internal`; nothing acknowledged is ever lost; the server
// reconnects by itself and a resend of each refused message (same clientMsgId) is stored once.
class TestStoreFault : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void postgresRestartedWhileSending()
    {
        if (!TestServer::usesPostgres() || qEnvironmentVariableIsEmpty("NATTER_TEST_POSTGRES_CTL"))
            QSKIP("needs the private PostgreSQL of scripts/test (NATTER_TEST_POSTGRES_CTL)");
        TestServer server({ u"--rate-limit"_qs, u"0"_qs });
        QVERIFY(server.start());
        RestClient rest(server);
        const auto ana = rest.registerUser(u"ana"_qs);
        const QString ch = rest.createChannel(ana, u"fault"_qs, u"private"_qs);
        GatewayClient g;
        QVERIFY(g.open(server, ana.token));

        QHash<QString, QString> ackedIds; // clientMsgId -> message id
        QSet<QString> refused; // clientMsgIds answered with an error
        QSet<QString> pending;
        int sent = 0;
        auto send = [&](const QString &clientMsgId) {
            pending.insert(clientMsgId);
            g.sendFrame({ { u"type"_qs, u"message.send"_qs }, { u"channelId"_qs, ch },
                { u"reqId"_qs, clientMsgId + u"/"_qs + QString::number(++sent) },
                { u"clientMsgId"_qs, clientMsgId }, { u"text"_qs, u"fault "_qs + clientMsgId } });
        };
        QStringList wrongCodes;
        auto collect = [&] {
            for (const auto &a : g.takeAll(u"ack"_qs)) {
                const auto m = a.value(u"message").toObject();
                const QString key = m.value(u"clientMsgId").toString();
                ackedIds.insert(key, m.value(u"id").toString());
                refused.remove(key);
                pending.remove(key);
            }
            for (const auto &e : g.takeAll(u"error"_qs)) {
                const QString key = e.value(u"reqId").toString().section(u'/', 0, 0);
                if (e.value(u"error").toObject().value(u"code").toString() != u"internal")
                    wrongCodes.append(QString::fromUtf8(QJsonDocument(e).toJson(QJsonDocument::Compact)));
                if (!ackedIds.contains(key))
                    refused.insert(key);
                pending.remove(key);
            }
            return pending.isEmpty();
        };

        for (int i = 0; i < 50; ++i)
            send(u"a%1"_qs.arg(i));
        QTRY_VERIFY_WITH_TIMEOUT(collect(), 20000);
        QCOMPARE(ackedIds.size(), 50);

        // A stream in flight when PostgreSQL stops, and more while it is down: every one is answered.
        for (int i = 0; i < 300; ++i)
            send(u"b%1"_qs.arg(i));
        QVERIFY(TestServer::postgresCtl(u"stop"_qs));
        for (int i = 0; i < 50; ++i)
            send(u"c%1"_qs.arg(i));
        QTRY_VERIFY_WITH_TIMEOUT(collect(), 30000);
        QVERIFY2(wrongCodes.isEmpty(), qPrintable(wrongCodes.join(u'\n')));
        QVERIFY2(refused.size() >= 50, qPrintable(u"%1 refused"_qs.arg(refused.size())));
        QVERIFY(g.isOpen()); // the connection stays; only the writes are refused
        QCOMPARE(RestClient(server).get(u"/api/v1/health"_qs).status, 503);

        // Back: the server reconnects without a restart, and the refused messages are resent until stored.
        QVERIFY(TestServer::postgresCtl(u"start"_qs));
        for (int round = 0; round < 40 && !refused.isEmpty(); ++round) {
            const QSet<QString> again = refused;
            for (const QString &key : again)
                send(key);
            QTRY_VERIFY_WITH_TIMEOUT(collect(), 20000);
            if (!refused.isEmpty())
                QTest::qWait(300);
        }
        QVERIFY2(refused.isEmpty(), qPrintable(u"%1 never stored"_qs.arg(refused.size())));
        QCOMPARE(ackedIds.size(), 400);
        QCOMPARE(RestClient(server).get(u"/api/v1/health"_qs).status, 200);

        // Every acknowledged message is stored exactly once, and the channel's seq has no gap.
        RestClient reader(server);
        QSet<QString> stored;
        QString before;
        for (;;) {
            const auto page = reader.get(u"/api/v1/channels/"_qs + ch + u"/messages?limit=100"_qs
                    + (before.isEmpty() ? QString() : u"&before="_qs + before),
                ana.token);
            QCOMPARE(page.status, 200);
            const auto messages = page.json.value(u"messages").toArray();
            for (const auto &m : messages) {
                const QString id = m.toObject().value(u"id").toString();
                QVERIFY2(!stored.contains(id), qPrintable(u"message %1 twice"_qs.arg(id)));
                stored.insert(id);
            }
            if (!page.json.value(u"hasMore").toBool() || messages.isEmpty())
                break;
            before = messages.first().toObject().value(u"id").toString();
        }
        for (const QString &id : std::as_const(ackedIds))
            QVERIFY2(stored.contains(id), qPrintable(u"acknowledged message %1 was lost"_qs.arg(id)));
        QCOMPARE(stored.size(), 400);
        QCOMPARE(reader.get(u"/api/v1/channels/"_qs + ch, ana.token).json.value(u"lastSeq").toInteger(),
            qint64(400) + 1); // + the owner's member.joined
    }

    // Two instances on one database (no fan-out between them here: that is Redis's part): senders on both
    // write to one channel at once. Every message gets its own seq, none is skipped (the channel row's lock
    // orders the two instances' transactions), and each instance mints ids under its own leased node id.
    void twoInstancesShareOneSeq()
    {
        if (!TestServer::usesPostgres())
            QSKIP("two instances share a store only on PostgreSQL");
        TestServer a({ u"--rate-limit"_qs, u"0"_qs });
        QVERIFY(a.start());
        TestServer b({ u"--rate-limit"_qs, u"0"_qs, u"--database"_qs, a.databaseUrl() });
        QVERIFY(b.start());
        RestClient restA(a);
        const auto [ana, ben, ch] = restA.registerPair(u"shared"_qs);
        GatewayClient ga, gb;
        QVERIFY(ga.open(a, ana.token));
        QVERIFY(gb.open(b, ben.token)); // ben's token, stored through a, works on b
        const int n = 300;
        for (int i = 0; i < n; ++i) {
            for (auto [g, who] : { std::pair { &ga, u"a"_qs }, std::pair { &gb, u"b"_qs } })
                g->sendFrame({ { u"type"_qs, u"message.send"_qs }, { u"channelId"_qs, ch },
                    { u"reqId"_qs, who + QString::number(i) }, { u"clientMsgId"_qs, who + QString::number(i) },
                    { u"text"_qs, u"from "_qs + who } });
        }
        QList<QJsonObject> acksA, acksB;
        QTRY_VERIFY_WITH_TIMEOUT((acksA += ga.takeAll(u"ack"_qs), acksA.size() == n), 30000);
        QTRY_VERIFY_WITH_TIMEOUT((acksB += gb.takeAll(u"ack"_qs), acksB.size() == n), 30000);
        QVERIFY(ga.takeAll(u"error"_qs).isEmpty() && gb.takeAll(u"error"_qs).isEmpty());

        QSet<qint64> seqs;
        QSet<int> nodesA, nodesB;
        for (const auto *acks : { &acksA, &acksB }) {
            for (const auto &ack : *acks) {
                const auto m = ack.value(u"message").toObject();
                QVERIFY2(!seqs.contains(m.value(u"seq").toInteger()), "a seq was given twice");
                seqs.insert(m.value(u"seq").toInteger());
                (acks == &acksA ? nodesA : nodesB)
                    .insert(SnowflakeGenerator::nodeOf(m.value(u"id").toString().toLongLong()));
            }
        }
        QCOMPARE(nodesA.size(), 1);
        QCOMPARE(nodesB.size(), 1);
        QVERIFY(*nodesA.begin() != *nodesB.begin());
        // No gap: the 2n distinct seqs are the channel's last 2n (the member.joined events come before them).
        const qint64 lastSeq = RestClient(b).get(u"/api/v1/channels/"_qs + ch, ana.token).json.value(u"lastSeq").toInteger();
        QCOMPARE(*std::max_element(seqs.cbegin(), seqs.cend()), lastSeq);
        const qint64 first = *std::min_element(seqs.cbegin(), seqs.cend());
        QCOMPARE(lastSeq - first + 1, qint64(2 * n));
    }
};

QTEST_GUILESS_MAIN(TestStoreFault)
#include "tst_storefault.moc"
