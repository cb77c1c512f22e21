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
        const auto [ana, ben, ch] = rest.registerPair(u"keep"_qs);
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
        RestClient restarted(
            server); // a new client: the old one's keep-alive connection died with the server
        // Same tokens, same channel, same history, same seq; ids keep increasing.
        const auto page = restarted.get(u"/api/v1/channels/"_qs + ch + u"/messages?limit=100"_qs, ben.token);
        QCOMPARE(page.status, 200);
        QStringList after;
        for (const auto &m : page.json.value(u"messages").toArray())
            after.append(m.toObject().value(u"id").toString());
        QCOMPARE(after, ids);
        QCOMPARE(
            restarted.get(u"/api/v1/channels/"_qs + ch, ana.token).json.value(u"lastSeq").toInteger(), seq);
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

    // The default syncs the WAL on a thread of its own before acknowledging; `process` never syncs.
    void killedMidStreamLosesNothingAcknowledged_data()
    {
        QTest::addColumn<QString>("durability");
        QTest::newRow("full") << u"full"_qs;
        QTest::newRow("process") << u"process"_qs;
    }
    void killedMidStreamLosesNothingAcknowledged()
    {
        QFETCH(QString, durability);
        TestServer server({ u"--rate-limit"_qs, u"0"_qs, u"--durability"_qs, durability });
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
        RestClient restarted(
            server); // a new client: the old one's keep-alive connection died with the server
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

    // Message batches wait for their fdatasync while other changes (reactions here) commit and sync on the
    // loop; a watcher must still see the channel's events in seq order, each once, with no gap.
    // Until its batch is on disk a message is nobody's to see: not its sender's (no ack), not a member's (no
    // event), not in history, search or a sync replay. The disk is made slow (a second per fdatasync) so that
    // the window can be looked into.
    void nothingIsVisibleBeforeItIsOnDisk()
    {
        if (TestServer::usesPostgres())
            QSKIP("SQLite's deferred group commit and WAL sync; a PostgreSQL commit is durable when it returns");
        qputenv("NATTER_FAULT_SYNC_DELAY_MS", "1500");
        TestServer server({ u"--rate-limit"_qs, u"0"_qs });
        const bool started = server.start();
        qunsetenv("NATTER_FAULT_SYNC_DELAY_MS");
        QVERIFY(started);
        RestClient rest(server);
        const auto [ana, ben, ch] = rest.registerPair(u"window"_qs);
        GatewayClient sender, member;
        QVERIFY(sender.open(server, ana.token));
        QVERIFY(member.open(server, ben.token));
        const qint64 seq
            = rest.get(u"/api/v1/channels/"_qs + ch, ben.token).json.value(u"lastSeq").toInteger();
        sender.sendFrame(
            { { u"type"_qs, u"message.send"_qs }, { u"reqId"_qs, u"w"_qs }, { u"channelId"_qs, ch },
                { u"clientMsgId"_qs, u"window-1"_qs }, { u"text"_qs, u"pomegranate in the window"_qs } });
        QTest::qWait(200); // stored and committed by now, waiting for its fdatasync

        const auto page = rest.get(u"/api/v1/channels/"_qs + ch + u"/messages"_qs, ben.token);
        const auto found = rest.get(u"/api/v1/search?q=pomegranate"_qs, ben.token);
        const auto replay
            = member.call({ { u"type"_qs, u"sync"_qs }, { u"channels"_qs, QJsonObject { { ch, seq } } } });
        // Still inside the window: without this the checks below would prove nothing.
        QVERIFY(sender.takeAll(u"ack"_qs).isEmpty());
        QCOMPARE(page.status, 200);
        QCOMPARE(page.json.value(u"messages").toArray().size(), 0);
        QCOMPARE(page.json.value(u"hasMore").toBool(), false);
        QCOMPARE(found.json.value(u"messages").toArray().size(), 0);
        QCOMPARE(
            replay.value(u"channels").toObject().value(ch).toObject().value(u"lastSeq").toInteger(), seq);
        QVERIFY(member.takeAll(u"message.new"_qs).isEmpty());

        // Once on disk: the ack, the event, the page and (a moment later) search.
        QCOMPARE(sender.waitFor(u"ack"_qs).value(u"reqId").toString(), u"w"_qs);
        QCOMPARE(member.waitFor(u"message.new"_qs).value(u"seq").toInteger(), seq + 1);
        QCOMPARE(rest.get(u"/api/v1/channels/"_qs + ch + u"/messages"_qs, ben.token)
                     .json.value(u"messages")
                     .toArray()
                     .size(),
            1);
        QTRY_COMPARE_WITH_TIMEOUT(
            rest.get(u"/api/v1/search?q=pomegranate"_qs, ben.token).json.value(u"messages").toArray().size(),
            1, 5000);
    }

    void eventsStayInSeqOrderWhileBatchesSync()
    {
        TestServer server({ u"--rate-limit"_qs, u"0"_qs });
        QVERIFY(server.start());
        RestClient rest(server);
        const auto [ana, ben, ch] = rest.registerPair(u"order"_qs);
        GatewayClient sender, watcher;
        QVERIFY(sender.open(server, ana.token));
        QVERIFY(watcher.open(server, ben.token));
        const auto first = sender.call({ { u"type"_qs, u"message.send"_qs }, { u"channelId"_qs, ch },
            { u"clientMsgId"_qs, u"first"_qs }, { u"text"_qs, u"react to me"_qs } });
        const QJsonValue firstId = first.value(u"message").toObject().value(u"id");
        const qint64 firstSeq = first.value(u"message").toObject().value(u"seq").toInteger();
        constexpr int Sends = 600;
        constexpr int Reactions = 60;
        for (int i = 0; i < Sends; ++i) {
            sender.sendFrame({ { u"type"_qs, u"message.send"_qs }, { u"channelId"_qs, ch },
                { u"reqId"_qs, u"s%1"_qs.arg(i) }, { u"clientMsgId"_qs, u"burst-%1"_qs.arg(i) },
                { u"text"_qs, u"burst %1"_qs.arg(i) } });
            if (i % (Sends / Reactions) == 0)
                sender.sendFrame({ { u"type"_qs, u"reaction.add"_qs }, { u"messageId"_qs, firstId },
                    { u"reqId"_qs, u"r%1"_qs.arg(i) }, { u"emoji"_qs, u"r%1"_qs.arg(i) } });
        }
        const qint64 lastSeq = firstSeq + Sends + Reactions;
        const auto seqs = [&] {
            QList<qint64> out;
            for (const auto &f : std::as_const(watcher.frames()))
                if (f.value(u"channelId").toString() == ch && f.contains(u"seq"))
                    out.append(f.value(u"seq").toInteger());
            return out;
        };
        QTRY_VERIFY_WITH_TIMEOUT(!seqs().isEmpty() && seqs().last() == lastSeq, 20000);
        const QList<qint64> seen = seqs();
        QCOMPARE(seen.size(), Sends + Reactions + 1);
        for (qsizetype i = 0; i < seen.size(); ++i)
            QCOMPARE(seen.at(i), firstSeq + i);
    }
};

QTEST_GUILESS_MAIN(TestDurability)
#include "tst_durability.moc"
