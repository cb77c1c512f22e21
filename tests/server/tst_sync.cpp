#include "testclient.h"
#include "testserver.h"

#include <QJsonArray>
#include <QTest>

class TestSync : public QObject
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
        m_other = rest.createChannel(m_ana, u"other"_qs, u"private"_qs, { m_ben.id });
    }

    void missedEventsExactlyOnceInOrder()
    {
        GatewayClient ben;
        QVERIFY(ben.open(m_server, m_ben.token));
        qint64 seen = 0;
        for (const auto &c : ben.ready().value(u"channels").toArray())
            if (c.toObject().value(u"id").toString() == m_channel)
                seen = c.toObject().value(u"lastSeq").toInteger();
        QVERIFY(seen > 0);
        ben.socket().close();
        QVERIFY(ben.waitClosed());

        // While Ben is away: messages in both channels, and a member joins.
        RestClient rest(m_server);
        QStringList texts;
        for (int i = 0; i < 6; ++i) {
            texts.append(u"missed %1"_qs.arg(i));
            QCOMPARE(send(m_channel, u"miss-%1"_qs.arg(i), texts.last()), 201);
        }
        QCOMPARE(send(m_other, u"other-1"_qs, u"elsewhere"_qs), 201);
        const auto cy = rest.registerUser(u"cy1"_qs);
        QCOMPARE(rest.post(u"/api/v1/channels/"_qs + m_channel + u"/members"_qs,
                         { { u"userIds"_qs, QJsonArray { cy.id } } }, m_ana.token)
                     .status,
            200);

        GatewayClient back;
        QVERIFY(back.open(m_server, m_ben.token));
        const auto ack = back.call(
            { { u"type"_qs, u"sync"_qs }, { u"channels"_qs, QJsonObject { { m_channel, seen } } } });
        QCOMPARE(ack.value(u"type").toString(), u"ack"_qs);
        const auto state = ack.value(u"channels").toObject().value(m_channel).toObject();
        QCOMPARE(state.value(u"reset").toBool(), false);
        QCOMPARE(state.value(u"lastSeq").toInteger(), seen + 7);
        // Replayed frames arrive before the ack, in seq order, each once.
        const auto messages = back.takeAll(u"message.new"_qs);
        QCOMPARE(messages.size(), 6);
        for (int i = 0; i < 6; ++i) {
            QCOMPARE(messages.at(i).value(u"seq").toInteger(), seen + 1 + i);
            QCOMPARE(messages.at(i).value(u"message").toObject().value(u"text").toString(), texts.at(i));
            QCOMPARE(messages.at(i).value(u"channelId").toString(), m_channel);
        }
        const auto joined = back.takeAll(u"member.joined"_qs);
        QCOMPARE(joined.size(), 1);
        QCOMPARE(joined.first().value(u"seq").toInteger(), seen + 7);
        // The other channel was not asked for, so nothing of it was replayed.
        QVERIFY(back.noFrame(u"message.new"_qs, 200));

        // A second sync from the new cursor replays nothing.
        const auto again = back.call(
            { { u"type"_qs, u"sync"_qs }, { u"channels"_qs, QJsonObject { { m_channel, seen + 7 } } } });
        QCOMPARE(
            again.value(u"channels").toObject().value(m_channel).toObject().value(u"reset").toBool(), false);
        QVERIFY(back.noFrame(u"message.new"_qs, 200));
        QVERIFY(back.noFrame(u"member.joined"_qs, 0));
    }

    // A replayed message.new is written from the message: the same frame as the live one while the message is
    // unchanged, the message as it is now once it has changed (not a frame cached before the change), followed
    // by the events that changed it.
    void replayedMessagesAreWrittenFromTheStore()
    {
        TestServer server({ u"--rate-limit"_qs, u"0"_qs });
        QVERIFY(server.start());
        RestClient rest(server);
        const auto [ana, ben, ch] = rest.registerPair(u"replay"_qs);
        GatewayClient a, b;
        QVERIFY(a.open(server, ana.token));
        QVERIFY(b.open(server, ben.token));
        const auto call = [&a, ch = ch](const QString &type, QJsonObject fields) {
            fields.insert(u"type"_qs, type);
            fields.insert(u"channelId"_qs, ch);
            return a.call(fields);
        };
        const QString text = QString::fromUtf16(u"first \"draft\" for @ben \u00e9\U0001F600");
        const auto sent = call(u"message.send"_qs, { { u"clientMsgId"_qs, u"r1"_qs }, { u"text"_qs, text } });
        QCOMPARE(sent.value(u"type").toString(), u"ack"_qs);
        const QString id = sent.value(u"message").toObject().value(u"id").toString();
        const QJsonObject live = b.waitFor(u"message.new"_qs);
        const qint64 before = live.value(u"seq").toInteger() - 1;
        const auto syncFrom = [&b, ch = ch](qint64 seq) {
            return b.call({ { u"type"_qs, u"sync"_qs }, { u"channels"_qs, QJsonObject { { ch, seq } } } });
        };

        syncFrom(before);
        const auto unchanged = b.takeAll(u"message.new"_qs);
        QCOMPARE(unchanged.size(), 1);
        QCOMPARE(unchanged.first(), live);

        QCOMPARE(call(u"message.edit"_qs, { { u"messageId"_qs, id }, { u"text"_qs, u"second draft"_qs } })
                     .value(u"type")
                     .toString(),
            u"ack"_qs);
        QCOMPARE(call(u"reaction.add"_qs, { { u"messageId"_qs, id }, { u"emoji"_qs, u"👍"_qs } })
                     .value(u"type")
                     .toString(),
            u"ack"_qs);
        b.waitFor(u"reaction.added"_qs);
        b.takeAll(u"message.updated"_qs);
        syncFrom(before);
        const auto edited = b.takeAll(u"message.new"_qs);
        QCOMPARE(edited.size(), 1);
        const QJsonObject message = edited.first().value(u"message").toObject();
        QCOMPARE(message.value(u"text").toString(), u"second draft"_qs);
        QVERIFY(!message.value(u"editedAt").isNull());
        QCOMPARE(edited.first().value(u"seq"), live.value(u"seq"));
        // Reactions come from the replayed reaction events, so the message starts without them.
        QCOMPARE(message.value(u"reactions").toArray().size(), 0);
        QCOMPARE(b.takeAll(u"message.updated"_qs).size(), 1);
        QCOMPARE(b.takeAll(u"reaction.added"_qs).size(), 1);

        QCOMPARE(
            call(u"message.delete"_qs, { { u"messageId"_qs, id } }).value(u"type").toString(), u"ack"_qs);
        b.waitFor(u"message.deleted"_qs);
        syncFrom(before);
        const auto deleted = b.takeAll(u"message.new"_qs);
        QCOMPARE(deleted.size(), 1);
        QCOMPARE(deleted.first().value(u"message").toObject().value(u"text").toString(), QString());
        QVERIFY(!deleted.first().value(u"message").toObject().value(u"deletedAt").isNull());
        QCOMPARE(b.takeAll(u"message.deleted"_qs).size(), 1);
    }

    // Top-level messages are replayed from the messages themselves, replies and other events from the log:
    // one replay interleaves them by seq.
    void replayInterleavesMessagesRepliesAndEvents()
    {
        TestServer server({ u"--rate-limit"_qs, u"0"_qs });
        QVERIFY(server.start());
        RestClient rest(server);
        const auto [ana, ben, ch] = rest.registerPair(u"interleave"_qs);
        const auto cy = rest.registerUser(u"cyd"_qs);
        GatewayClient a;
        QVERIFY(a.open(server, ana.token));
        const auto send = [&a, ch = ch](const QString &id, const QString &text, const QString &parent = {}) {
            QJsonObject frame { { u"type"_qs, u"message.send"_qs }, { u"channelId"_qs, ch },
                { u"clientMsgId"_qs, id }, { u"text"_qs, text } };
            if (!parent.isEmpty())
                frame.insert(u"parentId"_qs, parent);
            return a.call(frame).value(u"message").toObject();
        };
        const QJsonObject root = send(u"i1"_qs, u"root"_qs);
        const qint64 before = root.value(u"seq").toInteger() - 1;
        send(u"i2"_qs, u"a reply"_qs, root.value(u"id").toString());
        QCOMPARE(rest.post(u"/api/v1/channels/"_qs + ch + u"/members"_qs,
                         { { u"userIds"_qs, QJsonArray { cy.id } } }, ana.token)
                     .status,
            200);
        send(u"i3"_qs, u"after the join"_qs);

        GatewayClient b;
        QVERIFY(b.open(server, ben.token));
        const auto ack
            = b.call({ { u"type"_qs, u"sync"_qs }, { u"channels"_qs, QJsonObject { { ch, before } } } });
        const auto state = ack.value(u"channels").toObject().value(ch).toObject();
        QCOMPARE(state.value(u"reset").toBool(), false);
        QCOMPARE(state.value(u"lastSeq").toInteger(), before + 5);
        QStringList seen;
        qint64 seq = before;
        for (const QJsonObject &frame : b.frames()) {
            if (!frame.contains(u"seq"))
                continue;
            QCOMPARE(frame.value(u"seq").toInteger(), ++seq);
            const QString type = frame.value(u"type").toString();
            seen.append(type == u"message.new"
                    ? type + u' ' + frame.value(u"message").toObject().value(u"text").toString()
                    : type);
        }
        QCOMPARE(seen,
            QStringList({ u"message.new root"_qs, u"message.new a reply"_qs, u"message.updated"_qs,
                u"member.joined"_qs, u"message.new after the join"_qs }));
    }

    void resetPastOneThousandEvents()
    {
        RestClient rest(m_server);
        const QString ch = rest.createChannel(m_ana, u"busy"_qs, u"private"_qs, { m_ben.id });
        GatewayClient ana;
        QVERIFY(ana.open(m_server, m_ana.token));
        for (int i = 0; i < 1005; ++i)
            ana.sendFrame({ { u"type"_qs, u"message.send"_qs }, { u"channelId"_qs, ch },
                { u"reqId"_qs, u"b%1"_qs.arg(i) }, { u"clientMsgId"_qs, u"busy-%1"_qs.arg(i) },
                { u"text"_qs, u"n"_qs } });
        QTRY_COMPARE_WITH_TIMEOUT((m_acks += int(ana.takeAll(u"ack"_qs).size())), 1005, 60000);
        GatewayClient ben;
        QVERIFY(ben.open(m_server, m_ben.token));
        // Ben saw the two member.joined events only: 1005 behind is a reset.
        auto ack = ben.call({ { u"type"_qs, u"sync"_qs }, { u"channels"_qs, QJsonObject { { ch, 2 } } } });
        auto state = ack.value(u"channels").toObject().value(ch).toObject();
        QCOMPARE(state.value(u"reset").toBool(), true);
        QCOMPARE(state.value(u"lastSeq").toInteger(), 1007);
        QVERIFY(ben.noFrame(u"message.new"_qs, 200));
        // 1000 behind is not.
        ack = ben.call({ { u"type"_qs, u"sync"_qs }, { u"channels"_qs, QJsonObject { { ch, 7 } } } });
        QCOMPARE(ack.value(u"channels").toObject().value(ch).toObject().value(u"reset").toBool(), false);
        QCOMPARE(ben.takeAll(u"message.new"_qs).size(), 1000);
        // A cursor ahead of the server (a restored backup, say) is a reset too.
        ack = ben.call({ { u"type"_qs, u"sync"_qs }, { u"channels"_qs, QJsonObject { { ch, 5000 } } } });
        QCOMPARE(ack.value(u"channels").toObject().value(ch).toObject().value(u"reset").toBool(), true);
    }

    // A replay larger than a quarter of the outbound limit (16 KiB here) is a reset, not a 4009 close: the
    // client pages through history instead of being closed every time it tries to catch up.
    void largeReplayIsAResetNotAClose()
    {
        TestServer server({ u"--rate-limit"_qs, u"0"_qs, u"--max-outbound-bytes"_qs, u"65536"_qs });
        QVERIFY(server.start());
        RestClient rest(server);
        const auto [ana, ben, big] = rest.registerPair(u"big"_qs);
        const QString small = rest.createChannel(ana, u"small"_qs, u"private"_qs, { ben.id });
        GatewayClient a;
        QVERIFY(a.open(server, ana.token));
        const auto send = [&a](const QString &channel, const QString &id, const QString &text) {
            return a.call({ { u"type"_qs, u"message.send"_qs }, { u"channelId"_qs, channel },
                { u"clientMsgId"_qs, id }, { u"text"_qs, text } });
        };
        for (int i = 0; i < 20; ++i)
            QCOMPARE(
                send(big, u"big-%1"_qs.arg(i), QString(2000, u'x')).value(u"type").toString(), u"ack"_qs);
        QCOMPARE(send(small, u"small-1"_qs, u"hi"_qs).value(u"type").toString(), u"ack"_qs);

        GatewayClient b;
        QVERIFY(b.open(server, ben.token));
        // Both channels had two member.joined events before the messages.
        const auto ack = b.call(
            { { u"type"_qs, u"sync"_qs }, { u"channels"_qs, QJsonObject { { small, 2 }, { big, 2 } } } });
        const auto states = ack.value(u"channels").toObject();
        QCOMPARE(states.value(small).toObject().value(u"reset").toBool(), false);
        QCOMPARE(states.value(big).toObject().value(u"reset").toBool(), true);
        QCOMPARE(states.value(big).toObject().value(u"lastSeq").toInteger(), 22);
        const auto replayed = b.takeAll(u"message.new"_qs);
        QCOMPARE(replayed.size(), 1);
        QCOMPARE(replayed.first().value(u"channelId").toString(), small);
        // Still connected; a small gap in the big channel is replayed as usual.
        const auto later
            = b.call({ { u"type"_qs, u"sync"_qs }, { u"channels"_qs, QJsonObject { { big, 20 } } } });
        QCOMPARE(later.value(u"channels").toObject().value(big).toObject().value(u"reset").toBool(), false);
        QCOMPARE(b.takeAll(u"message.new"_qs).size(), 2);
    }

    void syncOfForeignChannelReplaysNothing()
    {
        RestClient rest(m_server);
        const auto eve = rest.registerUser(u"eve"_qs);
        GatewayClient g;
        QVERIFY(g.open(m_server, eve.token));
        const auto ack = g.call({ { u"type"_qs, u"sync"_qs },
            { u"channels"_qs, QJsonObject { { m_channel, 0 }, { u"77"_qs, 0 } } } });
        QCOMPARE(ack.value(u"type").toString(), u"ack"_qs);
        const auto state = ack.value(u"channels").toObject().value(m_channel).toObject();
        QCOMPARE(state.value(u"reset").toBool(), true);
        QCOMPARE(state.value(u"error").toObject().value(u"code").toString(), u"not_found"_qs);
        QVERIFY(g.noFrame(u"message.new"_qs, 300));
        QVERIFY(g.noFrame(u"member.joined"_qs, 0));
    }

private:
    int send(const QString &channel, const QString &clientMsgId, const QString &text)
    {
        RestClient rest(m_server);
        return rest
            .post(u"/api/v1/channels/"_qs + channel + u"/messages"_qs,
                { { u"clientMsgId"_qs, clientMsgId }, { u"text"_qs, text } }, m_ana.token)
            .status;
    }

    TestServer m_server { { u"--rate-limit"_qs, u"0"_qs } };
    TestAccount m_ana, m_ben;
    QString m_channel, m_other;
    int m_acks = 0;
};

QTEST_GUILESS_MAIN(TestSync)
#include "tst_sync.moc"
