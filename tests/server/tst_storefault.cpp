#include "testclient.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
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
};

QTEST_GUILESS_MAIN(TestStoreFault)
#include "tst_storefault.moc"
