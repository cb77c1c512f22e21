// Moderation as clients follow it live (issue 16), black-box against the real binary: member.updated for role
// changes and mutes, the caller's own mute in channel and member views, the administrator's account list,
// invites listed and revoked, and deactivated authors marked in history. Expectations come from
// docs/protocol.md ("Moderation"); tst_moderation has the rules themselves.
#include "moderationfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

class TestModerationLive : public QObject, ModerationFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        RestClient rest(m_server);
        m_root = rest.registerUser(u"root"_qs);
        QVERIFY(!m_root.id.isEmpty());
    }

    // A role change, a mute and an unmute reach the channel's members at once as member.updated, and the
    // caller's own mute is in their channel view and in the member list.
    void roleAndMuteChangesArriveLive()
    {
        RestClient rest(m_server);
        const TestPair pair = pairOf(rest, u"public"_qs);
        GatewayClient anaGw, benGw;
        QVERIFY(anaGw.open(m_server, pair.ana.token));
        QVERIFY(benGw.open(m_server, pair.ben.token));
        const QString member = u"/api/v1/channels/%1/members/%2"_qs.arg(pair.channel, pair.ben.id);
        QCOMPARE(patch(rest, member, { { u"role"_qs, u"admin"_qs } }, pair.ana.token).status, 200);
        for (GatewayClient *gw : { &benGw, &anaGw }) {
            const auto e = gw->waitFor(u"member.updated"_qs);
            QCOMPARE(e.value(u"channelId"_qs).toString(), pair.channel);
            QCOMPARE(e.value(u"userId"_qs).toString(), pair.ben.id);
            QCOMPARE(e.value(u"role"_qs).toString(), u"admin"_qs);
            QVERIFY(e.value(u"mutedUntil"_qs).isNull());
        }
        QCOMPARE(patch(rest, member, { { u"role"_qs, u"member"_qs } }, pair.ana.token).status, 200);
        QCOMPARE(benGw.waitFor(u"member.updated"_qs).value(u"role"_qs).toString(), u"member"_qs);
        QCOMPARE(rest.post(member + u"/mute"_qs, { { u"durationSeconds"_qs, 600 } }, pair.ana.token).status, 200);
        const auto muted = benGw.waitFor(u"member.updated"_qs);
        QVERIFY(!muted.value(u"mutedUntil"_qs).toString().isEmpty());
        QCOMPARE(rest.get(u"/api/v1/channels/"_qs + pair.channel, pair.ben.token).json.value(u"mutedUntil"_qs),
            muted.value(u"mutedUntil"_qs));
        QVERIFY(!rest.get(u"/api/v1/channels/"_qs + pair.channel, pair.ana.token).json.contains(u"mutedUntil"_qs));
        bool listed = false;
        for (const auto &m : rest.get(u"/api/v1/channels/%1/members"_qs.arg(pair.channel), pair.ana.token)
                                 .json.value(u"members"_qs).toArray())
            if (m.toObject().value(u"user"_qs).toObject().value(u"id"_qs).toString() == pair.ben.id)
                listed = m.toObject().value(u"mutedUntil"_qs) == muted.value(u"mutedUntil"_qs);
        QVERIFY(listed);
        QCOMPARE(rest.del(member + u"/mute"_qs, pair.ana.token).status, 204);
        QVERIFY(benGw.waitFor(u"member.updated"_qs).value(u"mutedUntil"_qs).isNull());
        QVERIFY(anaGw.waitFor(u"member.updated"_qs).value(u"mutedUntil"_qs).isNull());
    }

    void administratorsListUsersAndInvites()
    {
        RestClient rest(m_server);
        const auto plain = rest.registerUser(fresh(u"plain"_qs));
        const auto gone = rest.registerUser(fresh(u"gone"_qs));
        QCOMPARE(rest.get(u"/api/v1/admin/users"_qs, plain.token).status, 403);
        QCOMPARE(rest.post(u"/api/v1/admin/users/%1/deactivate"_qs.arg(gone.id), {}, m_root.token).status, 200);
        const auto users = rest.get(u"/api/v1/admin/users?query="_qs + gone.username, m_root.token);
        QCOMPARE(users.status, 200);
        const auto list = users.json.value(u"users"_qs).toArray();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first().toObject().value(u"deactivated"_qs).toBool(), true);
        QCOMPARE(list.first().toObject().value(u"serverRole"_qs).toString(), u"member"_qs);
        const auto all = rest.get(u"/api/v1/admin/users"_qs, m_root.token).json.value(u"users"_qs).toArray();
        bool rootIsAdmin = false;
        for (const auto &u : all)
            if (u.toObject().value(u"id"_qs).toString() == m_root.id)
                rootIsAdmin = u.toObject().value(u"serverRole"_qs).toString() == u"admin"_qs;
        QVERIFY(rootIsAdmin);

        const auto created = rest.post(u"/api/v1/invites"_qs, { { u"maxUses"_qs, 3 } }, m_root.token);
        QCOMPARE(created.status, 201);
        const QString code = created.json.value(u"code"_qs).toString();
        QCOMPARE(rest.get(u"/api/v1/invites"_qs, plain.token).status, 403);
        const auto invites = rest.get(u"/api/v1/invites"_qs, m_root.token);
        QCOMPARE(invites.status, 200);
        QCOMPARE(invites.json.value(u"invites"_qs).toArray().first().toObject().value(u"code"_qs).toString(), code);
        QCOMPARE(rest.del(u"/api/v1/invites/"_qs + code, plain.token).status, 403);
        const auto before = audit(rest).size();
        QCOMPARE(rest.del(u"/api/v1/invites/"_qs + code, m_root.token).status, 204);
        QCOMPARE(rest.del(u"/api/v1/invites/"_qs + code, m_root.token).status, 404);
        const auto after = audit(rest);
        QCOMPARE(after.size(), before + 1);
        QCOMPARE(after.first().value(u"action"_qs).toString(), u"invite.revoke"_qs);
        for (const auto &i : rest.get(u"/api/v1/invites"_qs, m_root.token).json.value(u"invites"_qs).toArray())
            QVERIFY(i.toObject().value(u"code"_qs).toString() != code);
    }

    void historyShowsDeactivatedAuthors()
    {
        RestClient rest(m_server);
        const TestPair pair = pairOf(rest, u"public"_qs);
        const QString messages = u"/api/v1/channels/%1/messages"_qs.arg(pair.channel);
        QCOMPARE(rest.post(messages, { { u"clientMsgId"_qs, u"x"_qs }, { u"text"_qs, u"bye"_qs } }, pair.ben.token).status, 201);
        QCOMPARE(rest.post(u"/api/v1/admin/users/%1/deactivate"_qs.arg(pair.ben.id), {}, m_root.token).status, 200);
        const auto page = rest.get(messages, pair.ana.token).json.value(u"messages"_qs).toArray();
        QCOMPARE(page.last().toObject().value(u"author"_qs).toObject().value(u"deactivated"_qs).toBool(), true);
    }

};

QTEST_MAIN(TestModerationLive)
#include "tst_moderationlive.moc"
