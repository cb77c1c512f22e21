#include "testclient.h"
#include "testserver.h"

#include <QJsonArray>
#include <QTest>

class TestChannels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        RestClient rest(m_server);
        m_owner = rest.registerUser(u"owner"_qs);
        m_bob = rest.registerUser(u"bob"_qs);
        m_carol = rest.registerUser(u"carol"_qs);
        m_dave = rest.registerUser(u"dave"_qs);
    }

    void createGroup()
    {
        RestClient rest(m_server);
        const auto r = rest.post(u"/api/v1/channels"_qs,
            { { u"type"_qs, u"group"_qs }, { u"name"_qs, u"  general "_qs },
                { u"memberIds"_qs, QJsonArray { m_bob.id } } },
            m_owner.token);
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json.value(u"name").toString(), u"general"_qs);
        QCOMPARE(r.json.value(u"visibility").toString(), u"public"_qs);
        QCOMPARE(r.json.value(u"role").toString(), u"owner"_qs);
        QCOMPARE(r.json.value(u"memberCount").toInt(), 2);
        QCOMPARE(r.json.value(u"createdBy").toString(), m_owner.id);
        QCOMPARE(r.json.value(u"unreadCount").toInt(), 0);
        QVERIFY(r.json.value(u"lastMessageAt").isNull());
        for (const char *key :
            { "id", "type", "topic", "createdAt", "lastSeq", "mentionCount", "lastReadMessageId" })
            QVERIFY2(r.json.contains(QLatin1String(key)), key);
    }

    void badCreate_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("no type") << QByteArray(R"({"name":"x"})");
        QTest::newRow("bad type") << QByteArray(R"({"type":"room","name":"x"})");
        QTest::newRow("no name") << QByteArray(R"({"type":"group"})");
        QTest::newRow("blank name") << QByteArray(R"({"type":"group","name":"   "})");
        QTest::newRow("long name") << QByteArray("{\"type\":\"group\",\"name\":\"") + QByteArray(81, 'n')
                + "\"}";
        QTest::newRow("bad visibility") << QByteArray(R"({"type":"group","name":"x","visibility":"secret"})");
        QTest::newRow("members not array") << QByteArray(R"({"type":"group","name":"x","memberIds":"1"})");
        QTest::newRow("unknown member") << QByteArray(R"({"type":"group","name":"x","memberIds":["42"]})");
        QTest::newRow("direct no member") << QByteArray(R"({"type":"direct","memberIds":[]})");
        QTest::newRow("direct two") << QByteArray(R"({"type":"direct","memberIds":["1","2"]})");
    }
    void badCreate()
    {
        QFETCH(QByteArray, body);
        RestClient rest(m_server);
        const int before
            = rest.get(u"/api/v1/channels"_qs, m_owner.token).json.value(u"channels").toArray().size();
        const auto r = rest.request("POST", u"/api/v1/channels"_qs, body, m_owner.token);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), u"bad_request"_qs);
        QCOMPARE(
            rest.get(u"/api/v1/channels"_qs, m_owner.token).json.value(u"channels").toArray().size(), before);
    }

    void directChannelIsOnePerPair()
    {
        RestClient rest(m_server);
        const auto first = rest.post(u"/api/v1/channels"_qs,
            { { u"type"_qs, u"direct"_qs }, { u"memberIds"_qs, QJsonArray { m_carol.id } } }, m_bob.token);
        QCOMPARE(first.status, 201);
        QCOMPARE(first.json.value(u"type").toString(), u"direct"_qs);
        QCOMPARE(first.json.value(u"name").toString(), u"Carol"_qs);
        const auto again = rest.post(u"/api/v1/channels"_qs,
            { { u"type"_qs, u"direct"_qs }, { u"memberIds"_qs, QJsonArray { m_bob.id } } }, m_carol.token);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json.value(u"id").toString(), first.json.value(u"id").toString());
        QCOMPARE(again.json.value(u"name").toString(), u"Bob"_qs);
        // An outsider cannot see it, and it does not leak.
        QCOMPARE(
            rest.get(u"/api/v1/channels/"_qs + first.json.value(u"id").toString(), m_dave.token).status, 404);
        QCOMPARE(
            rest.request("POST", u"/api/v1/channels/"_qs + first.json.value(u"id").toString() + u"/join"_qs,
                    {}, m_dave.token)
                .status,
            404);
        // Direct channels have fixed members.
        QCOMPARE(rest.post(u"/api/v1/channels/"_qs + first.json.value(u"id").toString() + u"/members"_qs,
                         { { u"userIds"_qs, QJsonArray { m_dave.id } } }, m_bob.token)
                     .status,
            403);
        const auto self = rest.post(u"/api/v1/channels"_qs,
            { { u"type"_qs, u"direct"_qs }, { u"memberIds"_qs, QJsonArray { m_bob.id } } }, m_bob.token);
        QCOMPARE(self.status, 400);
    }

    void nonMembers()
    {
        RestClient rest(m_server);
        const QString pub = rest.createChannel(m_owner, u"public-room"_qs, u"public"_qs);
        const QString priv = rest.createChannel(m_owner, u"private-room"_qs, u"private"_qs);
        const QList<std::pair<QByteArray, QString>> requests {
            { "GET", u"/api/v1/channels/%1"_qs },
            { "GET", u"/api/v1/channels/%1/members"_qs },
            { "GET", u"/api/v1/channels/%1/messages"_qs },
            { "POST", u"/api/v1/channels/%1/members"_qs },
            { "POST", u"/api/v1/channels/%1/messages"_qs },
            { "DELETE", u"/api/v1/channels/%1/members/"_qs + m_owner.id },
        };
        const QByteArray body = R"({"clientMsgId":"x1","text":"hi","userIds":[]})";
        for (const auto &[verb, path] : requests) {
            QCOMPARE(rest.request(verb, path.arg(pub), body, m_dave.token).status, 403);
            QCOMPARE(rest.request(verb, path.arg(priv), body, m_dave.token).status, 404);
            QCOMPARE(rest.request(verb, path.arg(u"999"_qs), body, m_dave.token).status, 404);
        }
        // Gateway frames follow the same rule.
        GatewayClient g;
        QVERIFY(g.open(m_server, m_dave.token));
        const auto a = g.call({ { u"type"_qs, u"message.send"_qs }, { u"channelId"_qs, pub },
            { u"clientMsgId"_qs, u"g1"_qs }, { u"text"_qs, u"hi"_qs } });
        QCOMPARE(a.value(u"error").toObject().value(u"code").toString(), u"forbidden"_qs);
        const auto b = g.call({ { u"type"_qs, u"message.send"_qs }, { u"channelId"_qs, priv },
            { u"clientMsgId"_qs, u"g2"_qs }, { u"text"_qs, u"hi"_qs } });
        QCOMPARE(b.value(u"error").toObject().value(u"code").toString(), u"not_found"_qs);
        // Browse shows the public one only; joining works for it only.
        const auto browse = rest.get(u"/api/v1/channels/browse?query=room"_qs, m_dave.token)
                                .json.value(u"channels")
                                .toArray();
        QCOMPARE(browse.size(), 1);
        QCOMPARE(browse.first().toObject().value(u"id").toString(), pub);
        QCOMPARE(
            rest.request("POST", u"/api/v1/channels/"_qs + priv + u"/join"_qs, {}, m_dave.token).status, 404);
        const auto joined
            = rest.request("POST", u"/api/v1/channels/"_qs + pub + u"/join"_qs, {}, m_dave.token);
        QCOMPARE(joined.status, 200);
        QCOMPARE(joined.json.value(u"role").toString(), u"member"_qs);
        QVERIFY(!g.waitFor(u"channel.added"_qs).isEmpty());
        QCOMPARE(rest.get(u"/api/v1/channels/"_qs + pub, m_dave.token).status, 200);
        // Joining twice is harmless.
        QCOMPARE(rest.request("POST", u"/api/v1/channels/"_qs + pub + u"/join"_qs, {}, m_dave.token)
                     .json.value(u"memberCount")
                     .toInt(),
            2);
    }

    void membershipRulesAndEvents()
    {
        RestClient rest(m_server);
        const QString ch = rest.createChannel(m_owner, u"team"_qs, u"private"_qs, { m_bob.id });
        GatewayClient ownerGw, bobGw, carolGw;
        QVERIFY(ownerGw.open(m_server, m_owner.token));
        QVERIFY(bobGw.open(m_server, m_bob.token));
        QVERIFY(carolGw.open(m_server, m_carol.token));

        // A plain member cannot add.
        QCOMPARE(rest.post(u"/api/v1/channels/"_qs + ch + u"/members"_qs,
                         { { u"userIds"_qs, QJsonArray { m_carol.id } } }, m_bob.token)
                     .status,
            403);
        QCOMPARE(rest.post(u"/api/v1/channels/"_qs + ch + u"/members"_qs, { { u"userIds"_qs, u"x"_qs } },
                         m_owner.token)
                     .status,
            400);
        QCOMPARE(rest.post(u"/api/v1/channels/"_qs + ch + u"/members"_qs,
                         { { u"userIds"_qs, QJsonArray { u"77"_qs } } }, m_owner.token)
                     .status,
            400);
        // The owner adds Carol: members see member.joined, Carol sees channel.added.
        QCOMPARE(rest.post(u"/api/v1/channels/"_qs + ch + u"/members"_qs,
                         { { u"userIds"_qs, QJsonArray { m_carol.id } } }, m_owner.token)
                     .status,
            200);
        const auto joined = bobGw.waitFor(u"member.joined"_qs);
        QCOMPARE(joined.value(u"channelId").toString(), ch);
        QCOMPARE(joined.value(u"user").toObject().value(u"id").toString(), m_carol.id);
        QVERIFY(joined.value(u"seq").toInt() > 0);
        const auto added = carolGw.waitFor(u"channel.added"_qs);
        QCOMPARE(added.value(u"channel").toObject().value(u"id").toString(), ch);
        QCOMPARE(added.value(u"channel").toObject().value(u"role").toString(), u"member"_qs);
        // Members list.
        const auto members = rest.get(u"/api/v1/channels/"_qs + ch + u"/members"_qs, m_carol.token)
                                 .json.value(u"members")
                                 .toArray();
        QCOMPARE(members.size(), 3);
        QCOMPARE(members.first().toObject().value(u"role").toString(), u"owner"_qs);
        // Bob may not remove Carol; the owner may; Carol learns of it.
        QCOMPARE(
            rest.del(u"/api/v1/channels/"_qs + ch + u"/members/"_qs + m_carol.id, m_bob.token).status, 403);
        QCOMPARE(
            rest.del(u"/api/v1/channels/"_qs + ch + u"/members/"_qs + m_carol.id, m_owner.token).status, 204);
        QCOMPARE(
            bobGw.waitFor(u"member.left"_qs).value(u"user").toObject().value(u"id").toString(), m_carol.id);
        QCOMPARE(carolGw.waitFor(u"channel.removed"_qs).value(u"channelId").toString(), ch);
        QCOMPARE(rest.get(u"/api/v1/channels/"_qs + ch, m_carol.token).status, 404);
        // Bob leaves by himself.
        QCOMPARE(
            rest.del(u"/api/v1/channels/"_qs + ch + u"/members/"_qs + m_bob.id, m_bob.token).status, 204);
        QCOMPARE(
            ownerGw.waitFor(u"member.left"_qs).value(u"user").toObject().value(u"id").toString(), m_carol.id);
        QCOMPARE(
            ownerGw.waitFor(u"member.left"_qs).value(u"user").toObject().value(u"id").toString(), m_bob.id);
        QCOMPARE(
            rest.del(u"/api/v1/channels/"_qs + ch + u"/members/"_qs + m_bob.id, m_owner.token).status, 404);
        // Carol, no longer a member, hears nothing more from it.
        rest.post(u"/api/v1/channels/"_qs + ch + u"/messages"_qs,
            { { u"clientMsgId"_qs, u"after-leave"_qs }, { u"text"_qs, u"secret"_qs } }, m_owner.token);
        QVERIFY(carolGw.noFrame(u"message.new"_qs, 300));
    }

    void listNewestFirstWithCounts()
    {
        RestClient rest(m_server);
        const auto erin = rest.registerUser(u"erin"_qs);
        const QString a = rest.createChannel(m_owner, u"alpha"_qs, u"public"_qs, { erin.id });
        const QString b = rest.createChannel(m_owner, u"beta"_qs, u"public"_qs, { erin.id });
        for (int i = 0; i < 3; ++i)
            QCOMPARE(
                rest.post(u"/api/v1/channels/"_qs + a + u"/messages"_qs,
                        { { u"clientMsgId"_qs, u"list-"_qs + QString::number(i) }, { u"text"_qs, u"m"_qs } },
                        m_owner.token)
                    .status,
                201);
        const auto list = rest.get(u"/api/v1/channels"_qs, erin.token).json.value(u"channels").toArray();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(0).toObject().value(u"id").toString(), a);
        QCOMPARE(list.at(0).toObject().value(u"unreadCount").toInt(), 3);
        QVERIFY(list.at(0).toObject().value(u"lastSeq").toInt() >= 5);
        QCOMPARE(list.at(1).toObject().value(u"id").toString(), b);
        QCOMPARE(list.at(1).toObject().value(u"unreadCount").toInt(), 0);
        // The sender has read their own messages.
        const auto ownerView = rest.get(u"/api/v1/channels/"_qs + a, m_owner.token).json;
        QCOMPARE(ownerView.value(u"unreadCount").toInt(), 0);
    }

private:
    TestServer m_server;
    TestAccount m_owner, m_bob, m_carol, m_dave;
};

QTEST_GUILESS_MAIN(TestChannels)
#include "tst_channels.moc"
