#include "testclient.h"
#include "testserver.h"

#include <QJsonArray>
#include <QTest>

// Presence (to subscribers only, online while any connection is open) and typing (relayed, throttled, members
// only).
class TestPresence : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        RestClient rest(m_server);
        m_ana = rest.registerUser(u"ana"_qs);
        m_ben = rest.registerUser(u"ben"_qs);
        m_cy = rest.registerUser(u"cyd"_qs);
        m_channel = rest.createChannel(m_ana, u"room"_qs, u"private"_qs, { m_ben.id });
    }

    void onlineUntilTheLastConnectionCloses()
    {
        GatewayClient watcher, bystander;
        QVERIFY(watcher.open(m_server, m_ana.token));
        QVERIFY(bystander.open(m_server, m_cy.token)); // follows nobody: must hear nothing
        const auto ack = watcher.call({ { u"type"_qs, u"presence.subscribe"_qs },
            { u"userIds"_qs, QJsonArray { m_ben.id, u"12345"_qs } } });
        QCOMPARE(ack.value(u"type").toString(), u"ack"_qs);
        QCOMPARE(ack.value(u"count").toInt(), 1); // the unknown id is dropped
        auto p = watcher.waitFor(u"presence"_qs);
        QCOMPARE(p.value(u"userId").toString(), m_ben.id);
        QCOMPARE(p.value(u"online").toBool(), false);

        auto tab1 = std::make_unique<GatewayClient>();
        auto tab2 = std::make_unique<GatewayClient>();
        QVERIFY(tab1->open(m_server, m_ben.token));
        p = watcher.waitFor(u"presence"_qs);
        QCOMPARE(p.value(u"online").toBool(), true);
        QVERIFY(tab2->open(m_server, m_ben.token));
        QVERIFY(watcher.noFrame(u"presence"_qs, 300)); // already online: nothing new
        tab1->socket().close();
        QVERIFY(tab1->waitClosed());
        QVERIFY(watcher.noFrame(u"presence"_qs, 300)); // still online through tab 2
        RestClient rest(m_server);
        QCOMPARE(rest.get(u"/api/v1/users/"_qs + m_ben.id, m_ana.token).json.value(u"online").toBool(), true);
        tab2->socket().close();
        QVERIFY(tab2->waitClosed());
        p = watcher.waitFor(u"presence"_qs);
        QCOMPARE(p.value(u"online").toBool(), false);
        QVERIFY(p.value(u"lastSeen").isString());
        QCOMPARE(
            rest.get(u"/api/v1/users/"_qs + m_ben.id, m_ana.token).json.value(u"online").toBool(), false);
        QVERIFY(bystander.noFrame(u"presence"_qs, 0));
    }

    void subscriptionReplacesAndIsBounded()
    {
        GatewayClient g;
        QVERIFY(g.open(m_server, m_ana.token));
        QJsonArray tooMany;
        for (int i = 1; i <= 501; ++i)
            tooMany.append(QString::number(i));
        const auto refused = g.call({ { u"type"_qs, u"presence.subscribe"_qs }, { u"userIds"_qs, tooMany } });
        QCOMPARE(refused.value(u"error").toObject().value(u"code").toString(), u"bad_request"_qs);
        g.call({ { u"type"_qs, u"presence.subscribe"_qs }, { u"userIds"_qs, QJsonArray { m_ben.id } } });
        g.call({ { u"type"_qs, u"presence.subscribe"_qs }, { u"userIds"_qs, QJsonArray { m_cy.id } } });
        g.takeAll(u"presence"_qs);
        GatewayClient ben;
        QVERIFY(ben.open(m_server, m_ben.token)); // no longer followed
        QVERIFY(g.noFrame(u"presence"_qs, 300));
        GatewayClient cy;
        QVERIFY(cy.open(m_server, m_cy.token));
        QCOMPARE(g.waitFor(u"presence"_qs).value(u"userId").toString(), m_cy.id);
    }

    void typingIsRelayedToOthersOnly()
    {
        GatewayClient ana, ben, cy;
        QVERIFY(ana.open(m_server, m_ana.token));
        QVERIFY(ben.open(m_server, m_ben.token));
        QVERIFY(cy.open(m_server, m_cy.token));
        ana.sendFrame({ { u"type"_qs, u"typing.start"_qs }, { u"channelId"_qs, m_channel } });
        const auto t = ben.waitFor(u"typing"_qs);
        QCOMPARE(t.value(u"userId").toString(), m_ana.id);
        QCOMPARE(t.value(u"channelId").toString(), m_channel);
        QCOMPARE(t.value(u"typing").toBool(), true);
        QVERIFY(ana.noFrame(u"typing"_qs, 200)); // never back to the typer
        QVERIFY(cy.noFrame(u"typing"_qs, 0)); // nor to non-members
        // Within 2 s, further starts are not relayed; a stop is.
        for (int i = 0; i < 5; ++i)
            ana.sendFrame({ { u"type"_qs, u"typing.start"_qs }, { u"channelId"_qs, m_channel } });
        QVERIFY(ben.noFrame(u"typing"_qs, 300));
        ana.sendFrame({ { u"type"_qs, u"typing.stop"_qs }, { u"channelId"_qs, m_channel } });
        QCOMPARE(ben.waitFor(u"typing"_qs).value(u"typing").toBool(), false);
    }

    void typingIntoAForeignChannel()
    {
        GatewayClient cy, ben;
        QVERIFY(cy.open(m_server, m_cy.token));
        QVERIFY(ben.open(m_server, m_ben.token));
        const auto answer = cy.call({ { u"type"_qs, u"typing.start"_qs }, { u"channelId"_qs, m_channel } });
        QCOMPARE(answer.value(u"error").toObject().value(u"code").toString(), u"not_found"_qs);
        cy.sendFrame({ { u"type"_qs, u"typing.start"_qs }, { u"channelId"_qs, m_channel } });
        QCOMPARE(cy.waitFor(u"error"_qs).contains(u"reqId"), false);
        QVERIFY(ben.noFrame(u"typing"_qs, 300));
    }

    void noTypingInLargeChannels()
    {
        TestServer small({ u"--typing-max-members"_qs, u"1"_qs });
        QVERIFY(small.start());
        RestClient rest(small);
        const auto [a, b, ch] = rest.registerPair(u"big"_qs, u"public"_qs);
        GatewayClient ga, gb;
        QVERIFY(ga.open(small, a.token));
        QVERIFY(gb.open(small, b.token));
        QCOMPARE(ga.call({ { u"type"_qs, u"typing.start"_qs }, { u"channelId"_qs, ch } })
                     .value(u"type")
                     .toString(),
            u"ack"_qs);
        QVERIFY(gb.noFrame(u"typing"_qs, 300));
    }

    void shutdownWithFollowersIsClean()
    {
        TestServer server;
        QVERIFY(server.start());
        RestClient rest(server);
        const auto a = rest.registerUser(u"ana"_qs);
        const auto b = rest.registerUser(u"ben"_qs);
        GatewayClient ga, gb;
        QVERIFY(ga.open(server, a.token));
        QVERIFY(gb.open(server, b.token));
        ga.call({ { u"type"_qs, u"presence.subscribe"_qs }, { u"userIds"_qs, QJsonArray { b.id } } });
        gb.call({ { u"type"_qs, u"presence.subscribe"_qs }, { u"userIds"_qs, QJsonArray { a.id } } });
        // SIGTERM with connections that follow each other: the server closes them, writes lastSeen and exits
        // 0.
        server.stop();
        QVERIFY(server.stoppedCleanly());
        QVERIFY(server.start());
        QVERIFY(
            RestClient(server).get(u"/api/v1/users/"_qs + b.id, a.token).json.value(u"lastSeen").isString());
    }

private:
    TestServer m_server;
    TestAccount m_ana, m_ben, m_cy;
    QString m_channel;
};

QTEST_GUILESS_MAIN(TestPresence)
#include "tst_presence.moc"
