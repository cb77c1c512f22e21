#include "testclient.h"
#include "testserver.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

class TestMessages : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        RestClient rest(m_server);
        m_ana = rest.registerUser(u"ana"_qs);
        m_ben = rest.registerUser(u"ben"_qs);
        m_cy = rest.registerUser(u"cy"_qs.leftJustified(3, u'y'));
        m_out = rest.registerUser(u"outsider"_qs);
        m_channel = rest.createChannel(m_ana, u"chat"_qs, u"private"_qs, { m_ben.id, m_cy.id });
    }

    void liveDeliveryToThreeClients()
    {
        GatewayClient a, b, c, outsider;
        QVERIFY(a.open(m_server, m_ana.token));
        QVERIFY(b.open(m_server, m_ben.token, /*asQuery=*/true));
        QVERIFY(c.open(m_server, m_cy.token));
        QVERIFY(outsider.open(m_server, m_out.token));
        QCOMPARE(a.ready().value(u"user").toObject().value(u"id").toString(), m_ana.id);
        QCOMPARE(a.ready().value(u"heartbeatMs").toInt(), 30000);
        QVERIFY(!a.ready().value(u"sessionId").toString().isEmpty());
        QVERIFY(a.ready().value(u"channels").toArray().size() >= 1);

        const auto ack = a.call({ { u"type"_qs, u"message.send"_qs }, { u"channelId"_qs, m_channel },
            { u"clientMsgId"_qs, u"live-1"_qs }, { u"text"_qs, u"hello everyone"_qs } });
        QCOMPARE(ack.value(u"type").toString(), u"ack"_qs);
        const auto message = ack.value(u"message").toObject();
        QCOMPARE(message.value(u"text").toString(), u"hello everyone"_qs);
        QCOMPARE(message.value(u"clientMsgId").toString(), u"live-1"_qs);
        QCOMPARE(message.value(u"author").toObject().value(u"username").toString(), u"ana"_qs);
        for (const char *key : { "id", "channelId", "seq", "parentId", "replyCount", "attachments",
                 "reactions", "mentions", "createdAt", "editedAt", "deletedAt" })
            QVERIFY2(message.contains(QLatin1String(key)), key);

        for (GatewayClient *g : { &a, &b, &c }) {
            const auto event = g->waitFor(u"message.new"_qs);
            QCOMPARE(event.value(u"channelId").toString(), m_channel);
            QCOMPARE(event.value(u"seq").toInt(), message.value(u"seq").toInt());
            QCOMPARE(
                event.value(u"message").toObject().value(u"id").toString(), message.value(u"id").toString());
        }
        QVERIFY(outsider.noFrame(u"message.new"_qs, 300));

        // Ben answers over REST; Ana sees it live.
        RestClient rest(m_server);
        const auto posted = rest.post(u"/api/v1/channels/"_qs + m_channel + u"/messages"_qs,
            { { u"clientMsgId"_qs, u"rest-1"_qs }, { u"text"_qs, u"hi ana"_qs } }, m_ben.token);
        QCOMPARE(posted.status, 201);
        QCOMPARE(a.waitFor(u"message.new"_qs).value(u"message").toObject().value(u"text").toString(),
            u"hi ana"_qs);
    }

    void resentClientMsgIdCreatesNothing()
    {
        RestClient rest(m_server);
        GatewayClient g;
        QVERIFY(g.open(m_server, m_ana.token));
        const QJsonObject frame { { u"type"_qs, u"message.send"_qs }, { u"channelId"_qs, m_channel },
            { u"clientMsgId"_qs, u"dup-1"_qs }, { u"text"_qs, u"once"_qs } };
        const auto first = g.call(frame);
        const auto second = g.call(frame);
        QCOMPARE(second.value(u"message").toObject().value(u"id").toString(),
            first.value(u"message").toObject().value(u"id").toString());
        // Sent twice back to back, before the first commit: still one.
        const QJsonObject fast { { u"type"_qs, u"message.send"_qs }, { u"channelId"_qs, m_channel },
            { u"clientMsgId"_qs, u"dup-2"_qs }, { u"text"_qs, u"once"_qs }, { u"reqId"_qs, u"x1"_qs } };
        QJsonObject fast2 = fast;
        fast2[u"reqId"_qs] = u"x2"_qs;
        g.sendFrame(fast);
        g.sendFrame(fast2);
        const auto rest1 = rest.post(u"/api/v1/channels/"_qs + m_channel + u"/messages"_qs,
            { { u"clientMsgId"_qs, u"dup-2"_qs }, { u"text"_qs, u"once"_qs } }, m_ana.token);
        QCOMPARE(rest1.status, 200);
        QTest::qWait(200);
        QCOMPARE(g.takeAll(u"message.new"_qs).size(), 2); // dup-1 and dup-2, once each
        const auto acks = g.takeAll(u"ack"_qs);
        QCOMPARE(acks.size(), 2);
        QCOMPARE(acks.at(0).value(u"message").toObject().value(u"id"),
            acks.at(1).value(u"message").toObject().value(u"id"));
        QCOMPARE(rest1.json.value(u"id"), acks.at(0).value(u"message").toObject().value(u"id"));
    }

    void badSends_data()
    {
        QTest::addColumn<QJsonObject>("frame");
        QTest::addColumn<QString>("code");
        // "$CH" stands for the test channel, which exists only once the test runs.
        const QJsonObject base { { u"type"_qs, u"message.send"_qs }, { u"channelId"_qs, u"$CH"_qs },
            { u"clientMsgId"_qs, u"bad"_qs }, { u"text"_qs, u"x"_qs } };
        auto with = [&](const QString &key, const QJsonValue &value) {
            QJsonObject f = base;
            if (value.isUndefined())
                f.remove(key);
            else
                f.insert(key, value);
            return f;
        };
        QTest::newRow("no channel") << with(u"channelId"_qs, QJsonValue::Undefined) << u"bad_request"_qs;
        QTest::newRow("channel number") << with(u"channelId"_qs, 5) << u"bad_request"_qs;
        QTest::newRow("unknown channel") << with(u"channelId"_qs, u"5"_qs) << u"not_found"_qs;
        QTest::newRow("no clientMsgId")
            << with(u"clientMsgId"_qs, QJsonValue::Undefined) << u"bad_request"_qs;
        QTest::newRow("long clientMsgId") << with(u"clientMsgId"_qs, QString(65, u'c')) << u"bad_request"_qs;
        QTest::newRow("text number") << with(u"text"_qs, 1) << u"bad_request"_qs;
        QTest::newRow("no text") << with(u"text"_qs, QJsonValue::Undefined) << u"bad_request"_qs;
        QTest::newRow("blank text") << with(u"text"_qs, u"  \n "_qs) << u"bad_request"_qs;
        QTest::newRow("text 4001") << with(u"text"_qs, QString(4001, u't')) << u"bad_request"_qs;
        QTest::newRow("NUL in text") << with(u"text"_qs, u"a\u0000b"_qs) << u"bad_request"_qs;
        QTest::newRow("NUL in clientMsgId") << with(u"clientMsgId"_qs, u"id\u0000"_qs) << u"bad_request"_qs;
        QTest::newRow("parent not id") << with(u"parentId"_qs, true) << u"bad_request"_qs;
        QTest::newRow("parent unknown") << with(u"parentId"_qs, u"99"_qs) << u"not_found"_qs;
    }
    void badSends()
    {
        QFETCH(QJsonObject, frame);
        QFETCH(QString, code);
        if (frame.value(u"channelId").toString() == u"$CH")
            frame.insert(u"channelId"_qs, m_channel);
        GatewayClient g;
        QVERIFY(g.open(m_server, m_ana.token));
        const qint64 before = lastSeq();
        const auto answer = g.call(frame);
        QCOMPARE(answer.value(u"type").toString(), u"error"_qs);
        QCOMPARE(answer.value(u"error").toObject().value(u"code").toString(), code);
        QVERIFY(g.isOpen());
        QCOMPARE(lastSeq(), before);
    }

    void textOf4000CharactersIsAccepted()
    {
        RestClient rest(m_server);
        const auto r = rest.post(u"/api/v1/channels/"_qs + m_channel + u"/messages"_qs,
            { { u"clientMsgId"_qs, u"long-ok"_qs }, { u"text"_qs, QString(4000, u'z') } }, m_ana.token);
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json.value(u"text").toString().size(), 4000);
    }

    void seqIsGaplessAcrossConcurrentSenders()
    {
        GatewayClient a, b, c, watcher;
        QVERIFY(a.open(m_server, m_ana.token));
        QVERIFY(b.open(m_server, m_ben.token));
        QVERIFY(c.open(m_server, m_cy.token));
        QVERIFY(watcher.open(m_server, m_ana.token));
        const qint64 start = lastSeq();
        // Three senders interleave eight messages each (under the burst of ten).
        for (int i = 0; i < 8; ++i) {
            int k = 0;
            for (GatewayClient *g : { &a, &b, &c })
                g->sendFrame({ { u"type"_qs, u"message.send"_qs }, { u"channelId"_qs, m_channel },
                    { u"reqId"_qs, u"c%1-%2"_qs.arg(k++).arg(i) },
                    { u"clientMsgId"_qs, u"conc-%1-%2"_qs.arg(k).arg(i) }, { u"text"_qs, u"n"_qs } });
        }
        QList<qint64> seqs;
        QTRY_COMPARE_WITH_TIMEOUT((seqs = collectSeqs(watcher, seqs)).size(), 24, 10000);
        std::sort(seqs.begin(), seqs.end());
        for (int i = 0; i < seqs.size(); ++i)
            QCOMPARE(seqs.at(i), start + 1 + i);
        QCOMPARE(lastSeq(), start + 24);
    }

    // Health checks while messages are being stored (on PostgreSQL while a batch's COMMIT is on its way) are
    // answered 200 and change nothing: every message is stored once, acknowledged as new and delivered in
    // order.
    void healthChecksDuringSendsChangeNothing()
    {
        RestClient rest(m_server);
        const QString ch = rest.createChannel(m_ana, u"health-load"_qs, u"private"_qs, { m_ben.id });
        GatewayClient sender, watcher;
        QVERIFY(sender.open(m_server, m_ana.token));
        QVERIFY(watcher.open(m_server, m_ben.token));
        constexpr int Sends = 300;
        QList<int> health;
        for (int i = 0; i < Sends; ++i) {
            sender.sendFrame({ { u"type"_qs, u"message.send"_qs }, { u"channelId"_qs, ch },
                { u"reqId"_qs, u"h%1"_qs.arg(i) }, { u"clientMsgId"_qs, u"health-%1"_qs.arg(i) },
                { u"text"_qs, u"while checked %1"_qs.arg(i) } });
            if (i % 10 == 9)
                health.append(rest.get(u"/api/v1/health"_qs).status);
        }
        QTRY_COMPARE_WITH_TIMEOUT(
            std::count_if(sender.frames().cbegin(), sender.frames().cend(),
                [](const QJsonObject &f) { return f.value(u"type").toString() == u"ack"; }),
            Sends, 20000);
        QSet<QString> ids;
        for (const auto &ack : sender.takeAll(u"ack"_qs)) {
            const auto message = ack.value(u"message").toObject();
            QVERIFY2(message.value(u"text").toString().startsWith(u"while checked"),
                qPrintable(ack.value(u"reqId").toString()));
            ids.insert(message.value(u"id").toString());
        }
        QCOMPARE(ids.size(), Sends);
        QList<qint64> seqs;
        QTRY_COMPARE_WITH_TIMEOUT((seqs = collectSeqs(watcher, seqs)).size(), Sends, 20000);
        for (qsizetype i = 1; i < seqs.size(); ++i)
            QCOMPARE(seqs.at(i), seqs.at(i - 1) + 1);
        QVERIFY(!health.isEmpty());
        for (int status : std::as_const(health))
            QCOMPARE(status, 200);
    }

    // Texts and client ids that a store must not mangle, sent together so that they share a batch (on
    // PostgreSQL a batch's messages go in one statement as array literals) and read back exactly.
    void awkwardTextsSurviveABatch()
    {
        RestClient rest(m_server);
        const QString ch = rest.createChannel(m_ana, u"awkward"_qs, u"private"_qs);
        const QStringList texts { u"say \"hi\""_qs, u"back\\slash \\\""_qs, u"{braces, commas}"_qs,
            u"NULL"_qs, u"'quoted' and ''doubled''"_qs, u"ünïcødé 😀 — 中文"_qs, u"line one\nline two\ttab"_qs,
            u"  spaces  "_qs, u"$1 ? ?::text[] ;"_qs, u"\\N"_qs };
        GatewayClient a;
        QVERIFY(a.open(m_server, m_ana.token));
        for (qsizetype i = 0; i < texts.size(); ++i)
            a.sendFrame({ { u"type"_qs, u"message.send"_qs }, { u"channelId"_qs, ch },
                { u"reqId"_qs, u"w%1"_qs.arg(i) }, { u"clientMsgId"_qs, u"id \"%1\" {,}\\"_qs.arg(i) },
                { u"text"_qs, texts.at(i) } });
        const auto acks = [&] {
            return std::count_if(a.frames().cbegin(), a.frames().cend(),
                [](const QJsonObject &f) { return f.value(u"type").toString() == u"ack"; });
        };
        QTRY_COMPARE_WITH_TIMEOUT(acks(), texts.size(), 10000);
        const auto page = rest.get(u"/api/v1/channels/"_qs + ch + u"/messages?limit=50"_qs, m_ana.token);
        QCOMPARE(page.status, 200);
        QStringList stored, clientIds;
        for (const auto &m : page.json.value(u"messages").toArray()) {
            stored.append(m.toObject().value(u"text").toString());
            clientIds.append(m.toObject().value(u"clientMsgId").toString());
        }
        QStringList expectedIds;
        for (qsizetype i = 0; i < texts.size(); ++i)
            expectedIds.append(u"id \"%1\" {,}\\"_qs.arg(i));
        std::sort(stored.begin(), stored.end());
        std::sort(clientIds.begin(), clientIds.end());
        QStringList expected = texts;
        std::sort(expected.begin(), expected.end());
        std::sort(expectedIds.begin(), expectedIds.end());
        QCOMPARE(stored, expected);
        QCOMPARE(clientIds, expectedIds);
    }

    void emptyChannelHistory()
    {
        RestClient rest(m_server);
        const QString ch = rest.createChannel(m_ana, u"empty"_qs, u"private"_qs);
        for (const QString &query : { u""_qs, u"?limit=1"_qs, u"?before=123"_qs, u"?after=123"_qs }) {
            const auto r = rest.get(u"/api/v1/channels/"_qs + ch + u"/messages"_qs + query, m_ana.token);
            QCOMPARE(r.status, 200);
            QCOMPARE(r.json.value(u"messages").toArray().size(), 0);
            QCOMPARE(r.json.value(u"hasMore").toBool(), false);
        }
    }

    void readMarkerOnlyMovesForward()
    {
        RestClient rest(m_server);
        const QString base = u"/api/v1/channels/"_qs + m_channel + u"/messages"_qs;
        const QString older
            = rest.post(base, { { u"clientMsgId"_qs, u"rm-1"_qs }, { u"text"_qs, u"one"_qs } }, m_ana.token)
                  .json.value(u"id")
                  .toString();
        const QString newer
            = rest.post(base, { { u"clientMsgId"_qs, u"rm-2"_qs }, { u"text"_qs, u"two"_qs } }, m_ana.token)
                  .json.value(u"id")
                  .toString();
        GatewayClient ben, ana;
        QVERIFY(ben.open(m_server, m_ben.token));
        QVERIFY(ana.open(m_server, m_ana.token));
        auto mark = [&](const QString &id) {
            return ben.call(
                { { u"type"_qs, u"read.mark"_qs }, { u"channelId"_qs, m_channel }, { u"messageId"_qs, id } });
        };
        QCOMPARE(mark(newer).value(u"moved").toBool(), true);
        const auto updated = ana.waitFor(u"read.updated"_qs);
        QCOMPARE(updated.value(u"userId").toString(), m_ben.id);
        QCOMPARE(updated.value(u"messageId").toString(), newer);
        // Backwards (or to the same place) changes nothing and tells nobody.
        QCOMPARE(mark(older).value(u"moved").toBool(), false);
        QCOMPARE(mark(newer).value(u"moved").toBool(), false);
        QVERIFY(ana.noFrame(u"read.updated"_qs, 300));
        QCOMPARE(channelView(m_ben).value(u"lastReadMessageId").toString(), newer);
        // A message of another channel, or none, is not_found; a foreign channel too.
        QCOMPARE(mark(u"123"_qs).value(u"error").toObject().value(u"code").toString(), u"not_found"_qs);
        GatewayClient out;
        QVERIFY(out.open(m_server, m_out.token));
        const auto foreign = out.call(
            { { u"type"_qs, u"read.mark"_qs }, { u"channelId"_qs, m_channel }, { u"messageId"_qs, newer } });
        QCOMPARE(foreign.value(u"error").toObject().value(u"code").toString(), u"not_found"_qs);
    }

    // PROTOCOL.md: only frames that carry a reqId are answered. A send without one is delivered and answered
    // with nothing, not with an error.
    void sendWithoutReqIdIsNotAnswered()
    {
        GatewayClient a;
        QVERIFY(a.open(m_server, m_ana.token));
        a.sendFrame({ { u"type"_qs, u"message.send"_qs }, { u"channelId"_qs, m_channel },
            { u"clientMsgId"_qs, u"no-req-id"_qs }, { u"text"_qs, u"fire and forget"_qs } });
        QCOMPARE(a.waitFor(u"message.new"_qs).value(u"message").toObject().value(u"clientMsgId").toString(),
            u"no-req-id"_qs);
        // A send is answered before its message.new is published, so any answer would already be here.
        a.sendFrame({ { u"type"_qs, u"ping"_qs }, { u"reqId"_qs, u"after"_qs } });
        QCOMPARE(a.waitFor(u"pong"_qs).value(u"reqId").toString(), u"after"_qs);
        QVERIFY(a.takeAll(u"error"_qs).isEmpty());
        QVERIFY(a.takeAll(u"ack"_qs).isEmpty());
    }

    // The send path writes a new message's JSON by hand; the ack, the event and a later history page must all
    // carry the same object.
    void newMessageIsTheSameEverywhere()
    {
        GatewayClient a, b;
        QVERIFY(a.open(m_server, m_ana.token));
        QVERIFY(b.open(m_server, m_ben.token));
        const QString text = QString::fromUtf16(
            u"quotes \"q\" back\\slash\nnew line\ttab \u0001 ünïcødé 😀 </script> @ben @cyy");
        const auto ack = a.call({ { u"type"_qs, u"message.send"_qs }, { u"channelId"_qs, m_channel },
            { u"clientMsgId"_qs, u"same-everywhere"_qs }, { u"text"_qs, text } });
        QCOMPARE(ack.value(u"type").toString(), u"ack"_qs);
        const QJsonObject acked = ack.value(u"message").toObject();
        QCOMPARE(acked.value(u"text").toString(), text);
        QCOMPARE(acked.value(u"mentions").toArray().size(), 2);
        const QJsonObject event = b.waitFor(u"message.new"_qs);
        QCOMPARE(event.value(u"message").toObject(), acked);
        QCOMPARE(event.value(u"seq"), acked.value(u"seq"));
        QCOMPARE(event.value(u"channelId"), acked.value(u"channelId"));

        RestClient rest(m_server);
        const auto page
            = rest.get(u"/api/v1/channels/"_qs + m_channel + u"/messages?limit=1"_qs, m_ana.token);
        QCOMPARE(page.status, 200);
        QCOMPARE(page.json.value(u"messages").toArray().at(0).toObject(), acked);
        // A repeat is answered with the stored message, serialised the other way.
        const auto again = a.call({ { u"type"_qs, u"message.send"_qs }, { u"channelId"_qs, m_channel },
            { u"clientMsgId"_qs, u"same-everywhere"_qs }, { u"text"_qs, text } });
        QCOMPARE(again.value(u"message").toObject(), acked);
    }

    void historyPages()
    {
        RestClient rest(m_server);
        const QString ch = rest.createChannel(m_ana, u"history"_qs, u"private"_qs, { m_ben.id });
        QStringList ids;
        GatewayClient g;
        QVERIFY(g.open(m_server, m_ana.token));
        for (int i = 0; i < 25; ++i) {
            // REST and gateway alternate, and a token bucket allows 5/s: wait when told to.
            QJsonObject body { { u"clientMsgId"_qs, u"h%1"_qs.arg(i) },
                { u"text"_qs, u"message %1"_qs.arg(i) } };
            HttpResult r = rest.post(u"/api/v1/channels/"_qs + ch + u"/messages"_qs, body, m_ana.token);
            while (r.status == 429) {
                QVERIFY(r.header("Retry-After").toInt() >= 1);
                QTest::qWait(250);
                r = rest.post(u"/api/v1/channels/"_qs + ch + u"/messages"_qs, body, m_ana.token);
            }
            QCOMPARE(r.status, 201);
            ids.append(r.json.value(u"id").toString());
        }
        const QString base = u"/api/v1/channels/"_qs + ch + u"/messages"_qs;
        auto pageIds = [&](const QString &query, bool *hasMore = nullptr) {
            const auto r = rest.get(base + query, m_ben.token);
            if (hasMore)
                *hasMore = r.json.value(u"hasMore").toBool();
            QStringList out;
            for (const auto &m : r.json.value(u"messages").toArray())
                out.append(m.toObject().value(u"id").toString());
            return out;
        };
        bool more = false;
        QCOMPARE(pageIds(u"?limit=10"_qs, &more), ids.mid(15, 10));
        QVERIFY(more);
        QCOMPARE(pageIds(u"?limit=10&before="_qs + ids.at(15), &more), ids.mid(5, 10));
        QVERIFY(more);
        QCOMPARE(pageIds(u"?limit=10&before="_qs + ids.at(5), &more), ids.mid(0, 5));
        QVERIFY(!more);
        QCOMPARE(pageIds(u"?limit=10&after="_qs + ids.at(4), &more), ids.mid(5, 10));
        QVERIFY(more);
        QCOMPARE(pageIds(u"?limit=10&after="_qs + ids.at(19), &more), ids.mid(20, 5));
        QVERIFY(!more);
        QCOMPARE(pageIds(u"?limit=5&around="_qs + ids.at(12)), ids.mid(10, 5));
        QCOMPARE(pageIds(u"?limit=50"_qs), ids);
        for (const QString &bad : { u"?limit=0"_qs, u"?limit=101"_qs, u"?limit=x"_qs, u"?before=abc"_qs,
                 u"?before=1&after=2"_qs, u"?after=-3"_qs })
            QCOMPARE(rest.get(base + bad, m_ben.token).status, 400);
        QCOMPARE(rest.get(base + u"?around=12345"_qs, m_ben.token).status, 404);
    }

    void threadsAreOneLevelDeep()
    {
        RestClient rest(m_server);
        const QString base = u"/api/v1/channels/"_qs + m_channel + u"/messages"_qs;
        const auto root
            = rest.post(base, { { u"clientMsgId"_qs, u"root"_qs }, { u"text"_qs, u"question?"_qs } },
                      m_ana.token)
                  .json;
        const auto reply = rest.post(base,
                                   { { u"clientMsgId"_qs, u"r1"_qs }, { u"text"_qs, u"answer"_qs },
                                       { u"parentId"_qs, root.value(u"id") } },
                                   m_ben.token)
                               .json;
        QCOMPARE(reply.value(u"parentId"), root.value(u"id"));
        const auto nested = rest.post(base,
                                    { { u"clientMsgId"_qs, u"r2"_qs }, { u"text"_qs, u"to the answer"_qs },
                                        { u"parentId"_qs, reply.value(u"id") } },
                                    m_ana.token)
                                .json;
        QCOMPARE(nested.value(u"parentId"), root.value(u"id"));
        const auto replies
            = rest.get(u"/api/v1/messages/"_qs + root.value(u"id").toString() + u"/replies"_qs, m_ben.token);
        QCOMPARE(replies.status, 200);
        QCOMPARE(replies.json.value(u"messages").toArray().size(), 2);
        QCOMPARE(
            rest.get(u"/api/v1/messages/"_qs + root.value(u"id").toString() + u"/replies"_qs, m_out.token)
                .status,
            404);
        // The root now counts its replies; replies stay out of the channel's own history.
        const auto page = rest.get(base + u"?limit=100"_qs, m_ana.token).json.value(u"messages").toArray();
        bool found = false;
        for (const auto &m : page) {
            QVERIFY(m.toObject().value(u"parentId").isNull());
            if (m.toObject().value(u"id") == root.value(u"id")) {
                found = true;
                QCOMPARE(m.toObject().value(u"replyCount").toInt(), 2);
            }
        }
        QVERIFY(found);
    }

    void mentionsAreResolved()
    {
        RestClient rest(m_server);
        const int before = channelView(m_ben).value(u"mentionCount").toInt();
        const auto m = rest.post(u"/api/v1/channels/"_qs + m_channel + u"/messages"_qs,
                               { { u"clientMsgId"_qs, u"mention-1"_qs },
                                   { u"text"_qs, u"@ben and @outsider and @nobody, look."_qs } },
                               m_ana.token)
                           .json;
        QCOMPARE(m.value(u"mentions").toArray(), QJsonArray { m_ben.id }); // outsider is not a member
        QCOMPARE(channelView(m_ben).value(u"mentionCount").toInt(), before + 1);
        GatewayClient g;
        QVERIFY(g.open(m_server, m_ben.token));
        const auto read = g.call({ { u"type"_qs, u"read.mark"_qs }, { u"channelId"_qs, m_channel },
            { u"messageId"_qs, m.value(u"id") } });
        QCOMPARE(read.value(u"type").toString(), u"ack"_qs);
        QCOMPARE(channelView(m_ben).value(u"mentionCount").toInt(), 0);
        QCOMPARE(channelView(m_ben).value(u"unreadCount").toInt(), 0);
        QCOMPARE(channelView(m_ben).value(u"lastReadMessageId"), m.value(u"id"));
    }

    // An edit that adds a mention counts like a new one while the mentioned member has not read the message;
    // editing it away again leaves the count until they read.
    void editsMoveMentionCounts()
    {
        GatewayClient a, b;
        QVERIFY(a.open(m_server, m_ana.token));
        QVERIFY(b.open(m_server, m_ben.token));
        const auto sent = a.call({ { u"type"_qs, u"message.send"_qs }, { u"channelId"_qs, m_channel },
            { u"clientMsgId"_qs, u"edit-mention"_qs }, { u"text"_qs, u"lunch, anyone?"_qs } });
        const QJsonValue id = sent.value(u"message").toObject().value(u"id");
        const int before = channelView(m_ben).value(u"mentionCount").toInt();
        const auto edit = [&](const QString &text) {
            const auto ack = a.call(
                { { u"type"_qs, u"message.edit"_qs }, { u"messageId"_qs, id }, { u"text"_qs, text } });
            return ack.value(u"message").toObject().value(u"mentions").toArray().size();
        };
        QCOMPARE(edit(u"lunch, @ben?"_qs), 1);
        QCOMPARE(channelView(m_ben).value(u"mentionCount").toInt(), before + 1);
        QCOMPARE(edit(u"lunch, @ben? 12:30"_qs), 1); // still mentioned: no second count
        QCOMPARE(channelView(m_ben).value(u"mentionCount").toInt(), before + 1);
        QCOMPARE(edit(u"lunch, anyone? 12:30"_qs), 0);
        QCOMPARE(channelView(m_ben).value(u"mentionCount").toInt(), before + 1);
        // Once Ben has read it, a mention edited in does not count.
        QCOMPARE(b.call({ { u"type"_qs, u"read.mark"_qs }, { u"channelId"_qs, m_channel },
                            { u"messageId"_qs, id } })
                     .value(u"type")
                     .toString(),
            u"ack"_qs);
        QCOMPARE(edit(u"lunch, @ben? 12:30"_qs), 1);
        QCOMPARE(channelView(m_ben).value(u"mentionCount").toInt(), 0);
    }

private:
    QJsonObject channelView(const TestAccount &who)
    {
        RestClient rest(m_server);
        return rest.get(u"/api/v1/channels/"_qs + m_channel, who.token).json;
    }
    qint64 lastSeq() { return channelView(m_ana).value(u"lastSeq").toInteger(); }
    static QList<qint64> collectSeqs(GatewayClient &g, QList<qint64> seqs)
    {
        for (const auto &e : g.takeAll(u"message.new"_qs))
            seqs.append(e.value(u"seq").toInteger());
        return seqs;
    }

    // Limits are tested in tst_gateway; here they would only slow the test down.
    TestServer m_server { { u"--rate-limit"_qs, u"1000:1000"_qs } };
    TestAccount m_ana, m_ben, m_cy, m_out;
    QString m_channel;
};

QTEST_GUILESS_MAIN(TestMessages)
#include "tst_messages.moc"
