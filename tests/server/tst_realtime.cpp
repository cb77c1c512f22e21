#include "testclient.h"
#include "testserver.h"

#include <QJsonArray>
#include <QTest>

// Edits, deletes, reactions, pins and channel settings: each with its event in the channel's seq stream.
class TestRealtime : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        RestClient rest(m_server);
        m_ana = rest.registerUser(u"ana"_qs);
        m_ben = rest.registerUser(u"ben"_qs);
        m_out = rest.registerUser(u"outsider"_qs);
        m_channel = rest.createChannel(m_ana, u"room"_qs, u"private"_qs, { m_ben.id });
        m_public = rest.createChannel(m_ana, u"lobby"_qs, u"public"_qs);
        QVERIFY(m_anaGw.open(m_server, m_ana.token));
        QVERIFY(m_benGw.open(m_server, m_ben.token));
        QVERIFY(m_outGw.open(m_server, m_out.token));
    }

    void editIsAuthorOnly()
    {
        const QJsonObject m = send(m_benGw, u"edit-me"_qs, u"frist"_qs);
        const qint64 seq = m.value(u"seq").toInteger();
        auto answer = m_anaGw.call({ { u"type"_qs, u"message.edit"_qs }, { u"messageId"_qs, m.value(u"id") },
            { u"text"_qs, u"hijack"_qs } });
        QCOMPARE(errorCode(answer), u"forbidden"_qs);
        answer = m_benGw.call({ { u"type"_qs, u"message.edit"_qs }, { u"messageId"_qs, m.value(u"id") },
            { u"text"_qs, u"  "_qs } });
        QCOMPARE(errorCode(answer), u"bad_request"_qs);
        answer = m_benGw.call({ { u"type"_qs, u"message.edit"_qs }, { u"messageId"_qs, m.value(u"id") },
            { u"text"_qs, QString(4001, u'x') } });
        QCOMPARE(errorCode(answer), u"bad_request"_qs);
        answer = m_outGw.call({ { u"type"_qs, u"message.edit"_qs }, { u"messageId"_qs, m.value(u"id") },
            { u"text"_qs, u"x"_qs } });
        QCOMPARE(errorCode(answer), u"not_found"_qs);
        answer = m_benGw.call({ { u"type"_qs, u"message.edit"_qs }, { u"messageId"_qs, m.value(u"id") },
            { u"text"_qs, u"first"_qs } });
        QCOMPARE(answer.value(u"type").toString(), u"ack"_qs);
        QCOMPARE(answer.value(u"message").toObject().value(u"text").toString(), u"first"_qs);
        QVERIFY(answer.value(u"message").toObject().value(u"editedAt").isString());
        const auto event = m_anaGw.waitFor(u"message.updated"_qs);
        QCOMPARE(event.value(u"seq").toInteger(), seq + 1);
        QCOMPARE(event.value(u"message").toObject().value(u"text").toString(), u"first"_qs);
    }

    void deleteByAuthorOrAdmin()
    {
        const QJsonObject mine = send(m_benGw, u"del-1"_qs, u"oops"_qs);
        const QJsonObject anas = send(m_anaGw, u"del-2"_qs, u"owner's words"_qs);
        // Ben is a plain member: he cannot delete Ana's message.
        QCOMPARE(errorCode(m_benGw.call(
                     { { u"type"_qs, u"message.delete"_qs }, { u"messageId"_qs, anas.value(u"id") } })),
            u"forbidden"_qs);
        // He can delete his own; the owner can delete anybody's.
        QCOMPARE(
            m_benGw.call({ { u"type"_qs, u"message.delete"_qs }, { u"messageId"_qs, mine.value(u"id") } })
                .value(u"type")
                .toString(),
            u"ack"_qs);
        const auto deleted = m_anaGw.waitFor(u"message.deleted"_qs);
        QCOMPARE(deleted.value(u"messageId"), mine.value(u"id"));
        // The tombstone keeps who and when, and nothing else.
        const auto page = history();
        const auto tomb = find(page, mine.value(u"id").toString());
        QVERIFY(tomb.value(u"deletedAt").isString());
        QCOMPARE(tomb.value(u"text").toString(), QString());
        QCOMPARE(tomb.value(u"author").toObject().value(u"id").toString(), m_ben.id);
        QCOMPARE(tomb.value(u"reactions").toArray().size(), 0);
        // A deleted message can no longer be edited, reacted to or deleted again.
        QCOMPARE(errorCode(m_benGw.call({ { u"type"_qs, u"message.edit"_qs },
                     { u"messageId"_qs, mine.value(u"id") }, { u"text"_qs, u"x"_qs } })),
            u"not_found"_qs);
        QCOMPARE(errorCode(m_benGw.call({ { u"type"_qs, u"reaction.add"_qs },
                     { u"messageId"_qs, mine.value(u"id") }, { u"emoji"_qs, u"👍"_qs } })),
            u"not_found"_qs);
        RestClient rest(m_server);
        QCOMPARE(rest.del(u"/api/v1/messages/"_qs + anas.value(u"id").toString(), m_ana.token).status, 204);
        QCOMPARE(rest.del(u"/api/v1/messages/"_qs + anas.value(u"id").toString(), m_ana.token).status, 404);
    }

    void reactions()
    {
        const QJsonObject m = send(m_anaGw, u"react-me"_qs, u"lunch?"_qs);
        const QJsonObject add { { u"type"_qs, u"reaction.add"_qs }, { u"messageId"_qs, m.value(u"id") },
            { u"emoji"_qs, u"🍕"_qs } };
        QCOMPARE(m_benGw.call(add).value(u"changed").toBool(), true);
        const auto added = m_anaGw.waitFor(u"reaction.added"_qs);
        QCOMPARE(added.value(u"emoji").toString(), u"🍕"_qs);
        QCOMPARE(added.value(u"userId").toString(), m_ben.id);
        QCOMPARE(added.value(u"messageId"), m.value(u"id"));
        // A repeat is a no-op that emits nothing.
        QCOMPARE(m_benGw.call(add).value(u"changed").toBool(), false);
        QVERIFY(m_anaGw.noFrame(u"reaction.added"_qs, 300));
        QCOMPARE(m_anaGw.call(add).value(u"changed").toBool(), true);
        // Aggregated, with `me` for the caller.
        RestClient rest(m_server);
        auto mine = find(history(m_ben), m.value(u"id").toString()).value(u"reactions").toArray();
        QCOMPARE(mine.size(), 1);
        QCOMPARE(mine.first().toObject().value(u"count").toInt(), 2);
        QCOMPARE(mine.first().toObject().value(u"me").toBool(), true);
        const auto remove = m_benGw.call({ { u"type"_qs, u"reaction.remove"_qs },
            { u"messageId"_qs, m.value(u"id") }, { u"emoji"_qs, u"🍕"_qs } });
        QCOMPARE(remove.value(u"changed").toBool(), true);
        QVERIFY(!m_anaGw.waitFor(u"reaction.removed"_qs).isEmpty());
        mine = find(history(m_ben), m.value(u"id").toString()).value(u"reactions").toArray();
        QCOMPARE(mine.first().toObject().value(u"count").toInt(), 1);
        QCOMPARE(mine.first().toObject().value(u"me").toBool(), false);
    }

    // A history page reads every message's reactions in one query; each must get its own, in first-use order.
    void reactionsOfManyMessagesInOnePage()
    {
        const QJsonObject first = send(m_anaGw, u"page-1"_qs, u"one"_qs);
        const QJsonObject second = send(m_anaGw, u"page-2"_qs, u"two"_qs);
        const QJsonObject third = send(m_anaGw, u"page-3"_qs, u"three"_qs);
        const auto react = [](GatewayClient &g, const QJsonObject &m, const QString &emoji) {
            return g.call({ { u"type"_qs, u"reaction.add"_qs }, { u"messageId"_qs, m.value(u"id") },
                { u"emoji"_qs, emoji } });
        };
        QVERIFY(react(m_benGw, first, u"🍕"_qs).value(u"changed").toBool());
        QVERIFY(react(m_anaGw, first, u"👍"_qs).value(u"changed").toBool());
        QVERIFY(react(m_anaGw, first, u"🍕"_qs).value(u"changed").toBool());
        QVERIFY(react(m_benGw, third, u"👍"_qs).value(u"changed").toBool());

        const QJsonArray page = history(m_ana);
        const QJsonArray r1 = find(page, first.value(u"id").toString()).value(u"reactions").toArray();
        QCOMPARE(r1.size(), 2);
        QCOMPARE(r1.at(0).toObject(),
            (QJsonObject { { u"emoji"_qs, u"🍕"_qs }, { u"count"_qs, 2 }, { u"me"_qs, true } }));
        QCOMPARE(r1.at(1).toObject(),
            (QJsonObject { { u"emoji"_qs, u"👍"_qs }, { u"count"_qs, 1 }, { u"me"_qs, true } }));
        QVERIFY(find(page, second.value(u"id").toString()).value(u"reactions").toArray().isEmpty());
        const QJsonArray r3 = find(page, third.value(u"id").toString()).value(u"reactions").toArray();
        QCOMPARE(r3.size(), 1);
        QCOMPARE(r3.at(0).toObject(),
            (QJsonObject { { u"emoji"_qs, u"👍"_qs }, { u"count"_qs, 1 }, { u"me"_qs, false } }));
    }

    void badReactions_data()
    {
        QTest::addColumn<QString>("emoji");
        QTest::addColumn<QString>("code");
        QTest::newRow("33 bytes") << QString(33, u'a') << u"bad_request"_qs;
        QTest::newRow("9 emoji = 36 bytes") << QString(u"😀😀😀😀😀😀😀😀😀"_qs) << u"bad_request"_qs;
        QTest::newRow("empty") << QString() << u"bad_request"_qs;
        QTest::newRow("space") << u"a b"_qs << u"bad_request"_qs;
        QTest::newRow("32 bytes is fine") << QString(u"😀😀😀😀😀😀😀😀"_qs) << QString();
    }
    void badReactions()
    {
        QFETCH(QString, emoji);
        QFETCH(QString, code);
        const QJsonObject m
            = send(m_anaGw, u"emoji-"_qs + QString::fromLatin1(QTest::currentDataTag()), u"x"_qs);
        const auto answer = m_anaGw.call({ { u"type"_qs, u"reaction.add"_qs },
            { u"messageId"_qs, m.value(u"id") }, { u"emoji"_qs, emoji } });
        QCOMPARE(errorCode(answer), code);
    }

    void reactingOnAForeignChannel()
    {
        const QJsonObject m = send(m_anaGw, u"foreign"_qs, u"private words"_qs);
        const auto answer = m_outGw.call({ { u"type"_qs, u"reaction.add"_qs },
            { u"messageId"_qs, m.value(u"id") }, { u"emoji"_qs, u"👀"_qs } });
        QCOMPARE(errorCode(answer), u"not_found"_qs);
        RestClient rest(m_server);
        const QString pubMsg
            = rest.post(u"/api/v1/channels/"_qs + m_public + u"/messages"_qs,
                      { { u"clientMsgId"_qs, u"pub"_qs }, { u"text"_qs, u"hello lobby"_qs } }, m_ana.token)
                  .json.value(u"id")
                  .toString();
        QCOMPARE(errorCode(m_outGw.call({ { u"type"_qs, u"reaction.add"_qs }, { u"messageId"_qs, pubMsg },
                     { u"emoji"_qs, u"👀"_qs } })),
            u"forbidden"_qs);
    }

    void pinsAndPolicy()
    {
        RestClient rest(m_server);
        const QJsonObject m = send(m_benGw, u"pin-me"_qs, u"the wiki is at /wiki"_qs);
        auto answer
            = m_benGw.call({ { u"type"_qs, u"message.pin"_qs }, { u"messageId"_qs, m.value(u"id") } });
        QCOMPARE(answer.value(u"changed").toBool(), true);
        const auto pinned = m_anaGw.waitFor(u"message.pinned"_qs);
        QCOMPARE(pinned.value(u"messageId"), m.value(u"id"));
        QVERIFY(pinned.value(u"seq").toInteger() > 0);
        QCOMPARE(m_benGw.call({ { u"type"_qs, u"message.pin"_qs }, { u"messageId"_qs, m.value(u"id") } })
                     .value(u"changed")
                     .toBool(),
            false);
        const auto list = rest.get(u"/api/v1/channels/"_qs + m_channel + u"/pins"_qs, m_ben.token);
        QCOMPARE(list.status, 200);
        QCOMPARE(list.json.value(u"messages").toArray().first().toObject().value(u"id"), m.value(u"id"));
        QCOMPARE(rest.get(u"/api/v1/channels/"_qs + m_channel + u"/pins"_qs, m_out.token).status, 404);
        // The owner restricts pinning to admins: Ben can no longer unpin.
        const auto patched = rest.request("PATCH", u"/api/v1/channels/"_qs + m_channel,
            R"({"pinPolicy":"admins","topic":"Release planning"})", m_ana.token);
        QCOMPARE(patched.status, 200);
        QCOMPARE(patched.json.value(u"pinPolicy").toString(), u"admins"_qs);
        const auto updated = m_benGw.waitFor(u"channel.updated"_qs);
        QCOMPARE(updated.value(u"channel").toObject().value(u"topic").toString(), u"Release planning"_qs);
        QCOMPARE(
            rest.request("PATCH", u"/api/v1/channels/"_qs + m_channel, R"({"topic":"mine"})", m_ben.token)
                .status,
            403);
        QCOMPARE(rest.request("PATCH", u"/api/v1/channels/"_qs + m_channel, R"({"pinPolicy":"nobody"})",
                         m_ana.token)
                     .status,
            400);
        QCOMPARE(errorCode(m_benGw.call(
                     { { u"type"_qs, u"message.unpin"_qs }, { u"messageId"_qs, m.value(u"id") } })),
            u"forbidden"_qs);
        QCOMPARE(rest.del(u"/api/v1/messages/"_qs + m.value(u"id").toString() + u"/pin"_qs, m_ana.token)
                     .json.value(u"changed")
                     .toBool(),
            true);
        QVERIFY(!m_benGw.waitFor(u"message.unpinned"_qs).isEmpty());
        QCOMPARE(rest.get(u"/api/v1/channels/"_qs + m_channel + u"/pins"_qs, m_ben.token)
                     .json.value(u"messages")
                     .toArray()
                     .size(),
            0);
    }

    void replayedBySync()
    {
        // Every change above is in the log: a sync from 0 replays them in order without gaps.
        GatewayClient fresh;
        QVERIFY(fresh.open(m_server, m_ben.token));
        const auto ack = fresh.call(
            { { u"type"_qs, u"sync"_qs }, { u"channels"_qs, QJsonObject { { m_channel, 0 } } } });
        const qint64 last
            = ack.value(u"channels").toObject().value(m_channel).toObject().value(u"lastSeq").toInteger();
        qint64 expected = 1;
        for (const auto &f : std::as_const(fresh.frames())) {
            if (f.value(u"channelId").toString() != m_channel || !f.contains(u"seq"))
                continue;
            QCOMPARE(f.value(u"seq").toInteger(), expected++);
        }
        QCOMPARE(expected - 1, last);
    }

private:
    QJsonObject send(GatewayClient &g, const QString &clientMsgId, const QString &text)
    {
        const auto ack = g.call({ { u"type"_qs, u"message.send"_qs }, { u"channelId"_qs, m_channel },
            { u"clientMsgId"_qs, clientMsgId }, { u"text"_qs, text } });
        m_anaGw.takeAll(u"message.new"_qs);
        m_benGw.takeAll(u"message.new"_qs);
        return ack.value(u"message").toObject();
    }
    static QString errorCode(const QJsonObject &answer)
    {
        return answer.value(u"error").toObject().value(u"code").toString();
    }
    QJsonArray history(const TestAccount &who = {})
    {
        RestClient rest(m_server);
        return rest
            .get(u"/api/v1/channels/"_qs + m_channel + u"/messages?limit=100"_qs,
                who.token.isEmpty() ? m_ana.token : who.token)
            .json.value(u"messages")
            .toArray();
    }
    static QJsonObject find(const QJsonArray &page, const QString &id)
    {
        for (const auto &m : page)
            if (m.toObject().value(u"id").toString() == id)
                return m.toObject();
        return {};
    }

    TestServer m_server { { u"--rate-limit"_qs, u"0"_qs } };
    TestAccount m_ana, m_ben, m_out;
    QString m_channel, m_public;
    GatewayClient m_anaGw, m_benGw, m_outGw;
};

QTEST_GUILESS_MAIN(TestRealtime)
#include "tst_realtime.moc"
