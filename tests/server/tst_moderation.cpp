// Moderation and administration (issue 16), black-box against the real binary: channel roles and mutes as a
// table (action x actor role x target role x channel kind -> exact status), read-only channels, deactivation
// (live sessions closed with 4002, no reconnect, no login), password resets, invites that expire and run out,
// reports, the word filter, the audit log (each action exactly once, never editable) and `natter-server admin`
// on a stopped and on a running server. Expectations come from docs/protocol.md ("Moderation").
#include "moderationfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryFile>
#include <QTest>

namespace {
const QString Password = u"correct horse battery"_qs;

// Runs `natter-server admin ARGS`, with STDIN; the exit code and output.
// A stopped server's store: its data directory, and on PostgreSQL its database too.
QStringList dbArgs(const TestServer &server)
{
    return server.databaseUrl().isEmpty() ? QStringList() : QStringList { u"--database"_qs, server.databaseUrl() };
}

std::pair<int, QByteArray> admin(const QStringList &args, const QByteArray &stdinText = {})
{
    QProcess p;
    p.start(TestServer::binary(), QStringList { u"admin"_qs } + args);
    p.waitForStarted();
    p.write(stdinText);
    p.closeWriteChannel();
    p.waitForFinished(60000);
    return { p.exitCode(), p.readAllStandardOutput() + p.readAllStandardError() };
}
} // namespace

class TestModeration : public QObject, ModerationFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        RestClient rest(m_server);
        m_root = rest.registerUser(u"root"_qs);
        QVERIFY(!m_root.id.isEmpty());
        // The first account is the server administrator, and GET /users/me says so.
        QCOMPARE(rest.get(u"/api/v1/admin/audit"_qs, m_root.token).status, 200);
        const auto me = rest.get(u"/api/v1/users/me"_qs, m_root.token);
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json.value(u"serverRole").toString(), u"admin"_qs);
    }

    void laterAccountsAreMembers()
    {
        RestClient rest(m_server);
        const auto u = rest.registerUser(fresh(u"plain"_qs));
        QCOMPARE(rest.get(u"/api/v1/admin/audit"_qs, u.token).status, 403);
        QCOMPARE(rest.get(u"/api/v1/users/me"_qs, u.token).json.value(u"serverRole").toString(), u"member"_qs);
        // Other users' objects never carry serverRole.
        QVERIFY(!rest.get(u"/api/v1/users/"_qs + m_root.id, u.token).json.contains(u"serverRole"));
    }

    // action x actor's role x target's role x channel kind -> status.
    void channelActions_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("actor");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("status");
        const auto row = [](const char *action, const char *actor, const char *target, const char *kind, int s) {
            QTest::addRow("%s by %s on %s in %s", action, actor, target, kind)
                << QString::fromLatin1(action) << QString::fromLatin1(actor) << QString::fromLatin1(target)
                << QString::fromLatin1(kind) << s;
        };
        for (const char *kind : { "public", "private" }) {
            row("promote-admin", "owner", "member", kind, 200);
            row("promote-owner", "owner", "member", kind, 200);
            row("demote", "owner", "admin", kind, 200);
            row("demote", "owner", "owner2", kind, 200);
            row("promote-admin", "admin", "member", kind, 200);
            row("promote-owner", "admin", "member", kind, 403);
            row("demote", "admin", "admin2", kind, 403);
            row("demote", "admin", "owner", kind, 403);
            row("promote-admin", "member", "member2", kind, 403);
            row("mute", "owner", "admin", kind, 200);
            row("mute", "admin", "member", kind, 200);
            row("mute", "admin", "admin2", kind, 403);
            row("mute", "admin", "owner", kind, 403);
            row("mute", "member", "member2", kind, 403);
            row("remove", "admin", "member", kind, 204);
            row("remove", "admin", "owner", kind, 403);
            row("remove", "member", "member2", kind, 403);
            row("read-only", "admin", "-", kind, 200);
            row("read-only", "member", "-", kind, 403);
            row("promote-admin", "outsider", "member", kind, QString::fromLatin1(kind) == u"public" ? 403 : 404);
        }
        row("promote-admin", "owner", "member", "direct", 403);
        row("mute", "owner", "member", "direct", 403);
        row("read-only", "owner", "-", "direct", 403);
    }

    void channelActions()
    {
        QFETCH(QString, action);
        QFETCH(QString, actor);
        QFETCH(QString, target);
        QFETCH(QString, kind);
        QFETCH(int, status);
        RestClient rest(m_server);
        QMap<QString, TestAccount> people;
        for (const QString &role : { u"owner"_qs, u"owner2"_qs, u"admin"_qs, u"admin2"_qs, u"member"_qs, u"member2"_qs,
                 u"outsider"_qs })
            people[role] = rest.registerUser(fresh(u"role"_qs)); // usernames have at least 3 characters
        QString channel;
        if (kind == u"direct") {
            const auto r = rest.post(u"/api/v1/channels"_qs,
                { { u"type"_qs, u"direct"_qs }, { u"memberIds"_qs, QJsonArray { people[u"member"_qs].id } } },
                people[u"owner"_qs].token);
            channel = r.json.value(u"id").toString();
        } else {
            QStringList ids;
            for (const QString &role : { u"owner2"_qs, u"admin"_qs, u"admin2"_qs, u"member"_qs, u"member2"_qs })
                ids << people[role].id;
            channel = rest.createChannel(people[u"owner"_qs], fresh(u"c"_qs), kind, ids);
            for (const auto &[who, role] : { std::pair { u"owner2"_qs, u"owner"_qs }, { u"admin"_qs, u"admin"_qs },
                     { u"admin2"_qs, u"admin"_qs } })
            {
                const auto set = patch(rest, u"/api/v1/channels/%1/members/%2"_qs.arg(channel, people[who].id),
                    { { u"role"_qs, role } }, people[u"owner"_qs].token);
                QVERIFY2(set.status == 200, set.body.constData());
            }
        }
        QVERIFY(!channel.isEmpty());
        const QString token = people[actor].token;
        const QString member = u"/api/v1/channels/%1/members/%2"_qs.arg(channel, people.value(target).id);
        HttpResult r;
        if (action == u"promote-admin" || action == u"promote-owner" || action == u"demote")
            r = patch(rest, member,
                { { u"role"_qs, action == u"promote-admin" ? u"admin"_qs : action == u"promote-owner" ? u"owner"_qs : u"member"_qs } },
                token);
        else if (action == u"mute")
            r = rest.post(member + u"/mute"_qs, { { u"durationSeconds"_qs, 60 } }, token);
        else if (action == u"remove")
            r = rest.del(member, token);
        else if (action == u"read-only")
            r = patch(rest, u"/api/v1/channels/"_qs + channel, { { u"readOnly"_qs, true } }, token);
        QCOMPARE(r.status, status);
        if (status >= 400)
            QVERIFY(!r.errorCode().isEmpty());
    }

    void mutedMemberIsRefusedUntilTheMuteEnds()
    {
        RestClient rest(m_server);
        const TestPair pair = pairOf(rest, u"public"_qs);
        const QString messages = u"/api/v1/channels/%1/messages"_qs.arg(pair.channel);
        const auto first = rest.post(messages, { { u"clientMsgId"_qs, u"m0"_qs }, { u"text"_qs, u"hi"_qs } }, pair.ana.token);
        QCOMPARE(first.status, 201);
        const auto muted = rest.post(u"/api/v1/channels/%1/members/%2/mute"_qs.arg(pair.channel, pair.ben.id),
            { { u"durationSeconds"_qs, 1 }, { u"reason"_qs, u"cool down"_qs } }, pair.ana.token);
        QCOMPARE(muted.status, 200);
        QVERIFY(!muted.json.value(u"mutedUntil").toString().isEmpty());

        const auto refused = rest.post(messages, { { u"clientMsgId"_qs, u"m1"_qs }, { u"text"_qs, u"hey"_qs } }, pair.ben.token);
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.errorCode(), u"forbidden"_qs);
        QVERIFY2(refused.json.value(u"error").toObject().value(u"message").toString().startsWith(
                     u"you are muted in this channel until "_qs),
            refused.body.constData());
        // Reading still works; reacting and the gateway's send are refused alike.
        QCOMPARE(rest.get(messages, pair.ben.token).status, 200);
        GatewayClient gw;
        QVERIFY(gw.open(m_server, pair.ben.token));
        const auto react = gw.call({ { u"type"_qs, u"reaction.add"_qs },
            { u"messageId"_qs, first.json.value(u"id").toString() }, { u"emoji"_qs, u"👍"_qs } });
        QCOMPARE(react.value(u"type").toString(), u"error"_qs);
        const auto send = gw.call({ { u"type"_qs, u"message.send"_qs }, { u"channelId"_qs, pair.channel },
            { u"clientMsgId"_qs, u"m2"_qs }, { u"text"_qs, u"hey"_qs } });
        QCOMPARE(send.value(u"error").toObject().value(u"code").toString(), u"forbidden"_qs);

        QTest::qWait(1100); // the mute lasts one second
        QCOMPARE(rest.post(messages, { { u"clientMsgId"_qs, u"m3"_qs }, { u"text"_qs, u"back"_qs } }, pair.ben.token).status, 201);
    }

    void readOnlyChannelsTakeOnlyManagersMessages()
    {
        RestClient rest(m_server);
        const TestPair pair = pairOf(rest, u"private"_qs);
        // Ben writes first, so that the send path has the channel's flags and members cached when they change.
        QCOMPARE(rest.post(u"/api/v1/channels/%1/messages"_qs.arg(pair.channel),
                     { { u"clientMsgId"_qs, u"before"_qs }, { u"text"_qs, u"x"_qs } }, pair.ben.token)
                     .status,
            201);
        const auto changed = patch(rest, u"/api/v1/channels/"_qs + pair.channel, { { u"readOnly"_qs, true } }, pair.ana.token);
        QCOMPARE(changed.status, 200);
        QCOMPARE(changed.json.value(u"readOnly").toBool(), true);
        const QString messages = u"/api/v1/channels/%1/messages"_qs.arg(pair.channel);
        QCOMPARE(rest.post(messages, { { u"clientMsgId"_qs, u"a"_qs }, { u"text"_qs, u"x"_qs } }, pair.ben.token).status, 403);
        GatewayClient gw; // the gateway's send takes the same (cached) path
        QVERIFY(gw.open(m_server, pair.ben.token));
        const auto send = gw.call({ { u"type"_qs, u"message.send"_qs }, { u"channelId"_qs, pair.channel },
            { u"clientMsgId"_qs, u"g"_qs }, { u"text"_qs, u"x"_qs } });
        QCOMPARE(send.value(u"error").toObject().value(u"code").toString(), u"forbidden"_qs);
        QCOMPARE(rest.post(messages, { { u"clientMsgId"_qs, u"b"_qs }, { u"text"_qs, u"x"_qs } }, pair.ana.token).status, 201);
        QVERIFY(patch(rest, u"/api/v1/channels/"_qs + pair.channel, { { u"readOnly"_qs, false } }, pair.ana.token).json.value(u"readOnly").isUndefined());
        QCOMPARE(rest.post(messages, { { u"clientMsgId"_qs, u"c"_qs }, { u"text"_qs, u"x"_qs } }, pair.ben.token).status, 201);
    }

    void deactivationClosesSessionsAtOnce()
    {
        RestClient rest(m_server);
        const auto victim = rest.registerUser(fresh(u"gone"_qs));
        const auto bystander = rest.registerUser(fresh(u"by"_qs));
        GatewayClient one, two;
        QVERIFY(one.open(m_server, victim.token));
        QVERIFY(two.open(m_server, victim.token));
        // Only server administrators may.
        QCOMPARE(rest.post(u"/api/v1/admin/users/%1/deactivate"_qs.arg(victim.id), {}, bystander.token).status, 403);
        const auto r = rest.post(u"/api/v1/admin/users/%1/deactivate"_qs.arg(victim.id), { { u"reason"_qs, u"spam"_qs } }, m_root.token);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(u"deactivated").toBool(), true);
        QVERIFY(one.waitClosed(2000));
        QVERIFY(two.waitClosed(2000));
        QCOMPARE(one.closeCode(), 4002);
        QCOMPARE(two.closeCode(), 4002);
        QCOMPARE(rest.get(u"/api/v1/users/me"_qs, victim.token).status, 401);
        GatewayClient again;
        QVERIFY(!again.open(m_server, victim.token));
        const auto login = rest.post(u"/api/v1/auth/login"_qs, { { u"username"_qs, victim.username }, { u"password"_qs, Password } });
        QCOMPARE(login.status, 403);
        QCOMPARE(rest.get(u"/api/v1/users/"_qs + victim.id, bystander.token).json.value(u"deactivated").toBool(), true);

        QCOMPARE(rest.post(u"/api/v1/admin/users/%1/reactivate"_qs.arg(victim.id), {}, m_root.token).status, 200);
        QCOMPARE(rest.post(u"/api/v1/auth/login"_qs, { { u"username"_qs, victim.username }, { u"password"_qs, Password } }).status, 200);
        QVERIFY(!rest.get(u"/api/v1/users/"_qs + victim.id, bystander.token).json.contains(u"deactivated"));
    }

    void passwordResetForcesANewPassword()
    {
        RestClient rest(m_server);
        const auto user = rest.registerUser(fresh(u"forgot"_qs));
        const auto reset = rest.post(u"/api/v1/admin/users/%1/reset-password"_qs.arg(user.id), {}, m_root.token);
        QCOMPARE(reset.status, 200);
        const QString temporary = reset.json.value(u"temporaryPassword").toString();
        QVERIFY(temporary.size() >= 12);
        QCOMPARE(rest.get(u"/api/v1/users/me"_qs, user.token).status, 401); // sessions ended
        QCOMPARE(rest.post(u"/api/v1/auth/login"_qs, { { u"username"_qs, user.username }, { u"password"_qs, Password } }).status, 401);
        const auto login = rest.post(u"/api/v1/auth/login"_qs, { { u"username"_qs, user.username }, { u"password"_qs, temporary } });
        QCOMPARE(login.status, 403);
        QCOMPARE(login.errorCode(), u"password_change_required"_qs);
        const auto changed = rest.post(u"/api/v1/auth/password"_qs,
            { { u"username"_qs, user.username }, { u"password"_qs, temporary }, { u"newPassword"_qs, u"a much better one"_qs } });
        QCOMPARE(changed.status, 200);
        QCOMPARE(rest.get(u"/api/v1/users/me"_qs, changed.json.value(u"token").toString()).status, 200);
        QCOMPARE(rest.post(u"/api/v1/auth/login"_qs, { { u"username"_qs, user.username }, { u"password"_qs, u"a much better one"_qs } }).status, 200);
    }

    void reportsReachAdministratorsAndTheReporterHearsBack()
    {
        RestClient rest(m_server);
        const TestPair pair = pairOf(rest, u"public"_qs);
        const auto sent = rest.post(u"/api/v1/channels/%1/messages"_qs.arg(pair.channel),
            { { u"clientMsgId"_qs, u"bad"_qs }, { u"text"_qs, u"something rude"_qs } }, pair.ana.token);
        QCOMPARE(sent.status, 201);
        GatewayClient rootGw, benGw;
        QVERIFY(rootGw.open(m_server, m_root.token));
        QVERIFY(benGw.open(m_server, pair.ben.token));
        const auto report = rest.post(u"/api/v1/messages/%1/report"_qs.arg(sent.json.value(u"id").toString()),
            { { u"reason"_qs, u"rude"_qs } }, pair.ben.token);
        QCOMPARE(report.status, 201);
        QVERIFY(rootGw.waitFor(u"reports.count"_qs).value(u"open").toInt() >= 1);
        QCOMPARE(rest.get(u"/api/v1/reports"_qs, pair.ben.token).status, 403);
        const auto queue = rest.get(u"/api/v1/reports"_qs, m_root.token);
        QCOMPARE(queue.status, 200);
        QVERIFY(!queue.json.value(u"reports").toArray().isEmpty());
        const QString id = report.json.value(u"id").toString();
        // The queue shows the reported message itself: the administrator is not in the channel.
        bool shown = false;
        for (const auto &r : queue.json.value(u"reports").toArray())
            if (r.toObject().value(u"id").toString() == id)
                shown = r.toObject().value(u"message").toObject().value(u"text").toString() == u"something rude"_qs;
        QVERIFY(shown);
        const auto resolved = rest.post(u"/api/v1/reports/%1/resolve"_qs.arg(id), { { u"action"_qs, u"delete"_qs } }, m_root.token);
        QCOMPARE(resolved.status, 200);
        QCOMPARE(resolved.json.value(u"outcome").toString(), u"deleted"_qs);
        const auto told = benGw.waitFor(u"report.resolved"_qs);
        QCOMPARE(told.value(u"reportId").toString(), id);
        QCOMPARE(told.value(u"outcome").toString(), u"deleted"_qs);
        QCOMPARE(rest.post(u"/api/v1/reports/%1/resolve"_qs.arg(id), { { u"action"_qs, u"dismiss"_qs } }, m_root.token).status, 409);
        // The open queue no longer has it; status=all and status=resolved do.
        const auto listed = [&](const QString &status) {
            for (const auto &r : rest.get(u"/api/v1/reports?status="_qs + status, m_root.token).json.value(u"reports").toArray())
                if (r.toObject().value(u"id").toString() == id)
                    return true;
            return false;
        };
        QVERIFY(!listed(u"open"_qs));
        QVERIFY(listed(u"all"_qs));
        QVERIFY(listed(u"resolved"_qs));
    }

    void auditLogRecordsEachActionOnceAndIsAppendOnly()
    {
        RestClient rest(m_server);
        const auto before = audit(rest).size();
        const TestPair pair = pairOf(rest, u"public"_qs);
        QCOMPARE(patch(rest, u"/api/v1/channels/%1/members/%2"_qs.arg(pair.channel, pair.ben.id), { { u"role"_qs, u"admin"_qs } }, pair.ana.token).status, 200);
        QCOMPARE(rest.post(u"/api/v1/channels/%1/members/%2/mute"_qs.arg(pair.channel, pair.ben.id), { { u"durationSeconds"_qs, 5 } }, pair.ana.token).status, 200);
        QCOMPARE(rest.post(u"/api/v1/admin/users/%1/deactivate"_qs.arg(pair.ben.id), { { u"reason"_qs, u"test"_qs } }, m_root.token).status, 200);
        // A repeat changes nothing and logs nothing.
        QCOMPARE(rest.post(u"/api/v1/admin/users/%1/deactivate"_qs.arg(pair.ben.id), {}, m_root.token).status, 200);
        const auto entries = audit(rest);
        QCOMPARE(entries.size(), before + 3);
        QCOMPARE(entries.at(0).value(u"action").toString(), u"user.deactivate"_qs);
        QCOMPARE(entries.at(0).value(u"actorId").toString(), m_root.id);
        QCOMPARE(entries.at(0).value(u"targetId").toString(), pair.ben.id);
        QCOMPARE(entries.at(0).value(u"reason").toString(), u"test"_qs);
        QCOMPARE(entries.at(1).value(u"action").toString(), u"member.mute"_qs);
        QCOMPARE(entries.at(2).value(u"action").toString(), u"member.role"_qs);
        QCOMPARE(rest.get(u"/api/v1/admin/audit"_qs, pair.ana.token).status, 403);

        // The table refuses changes, whoever asks.
        if (TestServer::usesPostgres()) {
            QVERIFY(!m_server.psql(u"UPDATE audit_log SET reason = 'x'"_qs));
            QVERIFY(!m_server.psql(u"DELETE FROM audit_log"_qs));
            QCOMPARE(m_server.psql(u"SELECT count(*) FROM audit_log WHERE reason = 'x'"_qs).value_or("?").trimmed(), "0");
            return;
        }
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_qs, u"audit"_qs);
        db.setDatabaseName(m_server.dataDir() + u"/natter.db"_qs);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_qs);
        QVERIFY(db.open());
        {
            QSqlQuery q(db);
            QVERIFY(!q.exec(u"UPDATE audit_log SET reason = 'x'"_qs));
            QVERIFY(q.lastError().text().contains(u"append-only"_qs));
            QVERIFY(!q.exec(u"DELETE FROM audit_log"_qs));
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"audit"_qs);
    }

    void adminCommandGoesThroughARunningServer()
    {
        RestClient rest(m_server);
        const auto victim = rest.registerUser(fresh(u"cli"_qs));
        GatewayClient gw;
        QVERIFY(gw.open(m_server, victim.token));
        const auto [code, output] = admin({ u"deactivate"_qs, victim.username, u"--data-dir"_qs, m_server.dataDir() });
        QVERIFY2(code == 0, output.constData());
        QVERIFY(gw.waitClosed(2000));
        QCOMPARE(gw.closeCode(), 4002);
        const auto entries = audit(rest);
        QCOMPARE(entries.at(0).value(u"action").toString(), u"user.deactivate"_qs);
        QVERIFY(entries.at(0).value(u"actorId").isNull()); // the command line
        const auto [code2, invite] = admin({ u"invite"_qs, u"--uses"_qs, u"2"_qs, u"--expires"_qs, u"1h"_qs,
            u"--data-dir"_qs, m_server.dataDir() });
        QVERIFY2(code2 == 0, invite.constData());
        QVERIFY(invite.contains("\"maxUses\": 2"));
    }
};

// Servers of their own: registration policies, the word filter, the command line on a stopped server.
class TestModerationPolicies : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void invitesExpireAndRunOut()
    {
        TestServer server { { u"--registration"_qs, u"invite"_qs } };
        QVERIFY(server.start());
        RestClient rest(server);
        const auto root = rest.registerUser(u"first"_qs); // the first account needs no invite
        QVERIFY(!root.id.isEmpty());
        const auto reg = [&](const QString &name, const QString &invite) {
            QJsonObject o { { u"username"_qs, name }, { u"password"_qs, Password } };
            if (!invite.isEmpty())
                o.insert(u"invite"_qs, invite);
            return rest.post(u"/api/v1/auth/register"_qs, o);
        };
        QCOMPARE(reg(u"nobody"_qs, {}).status, 403);
        const auto member = rest.registerUser(u"nobody2"_qs);
        QVERIFY(member.id.isEmpty()); // refused too
        const auto one = rest.post(u"/api/v1/invites"_qs, { { u"maxUses"_qs, 1 } }, root.token);
        QCOMPARE(one.status, 201);
        const QString code = one.json.value(u"code").toString();
        QCOMPARE(reg(u"guest1"_qs, code).status, 201);
        QCOMPARE(reg(u"guest2"_qs, code).status, 403); // used up
        QCOMPARE(reg(u"guest3"_qs, u"no-such-code"_qs).status, 403);
        const auto shortLived = rest.post(u"/api/v1/invites"_qs, { { u"maxUses"_qs, 5 }, { u"expiresInSeconds"_qs, 1 } }, root.token);
        QCOMPARE(shortLived.status, 201);
        QTest::qWait(1100);
        QCOMPARE(reg(u"guest4"_qs, shortLived.json.value(u"code").toString()).status, 403); // expired
    }

    void closedRegistration()
    {
        TestServer server { { u"--registration"_qs, u"closed"_qs } };
        QVERIFY(server.start());
        RestClient rest(server);
        const auto r = rest.post(u"/api/v1/auth/register"_qs, { { u"username"_qs, u"someone"_qs }, { u"password"_qs, Password } });
        QCOMPARE(r.status, 403);
    }

    void wordFilterBlocksAndMasksLookAlikes()
    {
        QTemporaryFile list;
        QVERIFY(list.open());
        list.write("# test list\nbad\nmask:darn\n");
        list.flush();
        TestServer server { { u"--word-filter"_qs, list.fileName() } };
        QVERIFY(server.start());
        RestClient rest(server);
        const TestPair pair = rest.registerPair(u"filter"_qs);
        const QString messages = u"/api/v1/channels/%1/messages"_qs.arg(pair.channel);
        int n = 0;
        const auto send = [&](const QString &text) {
            return rest.post(messages, { { u"clientMsgId"_qs, QString::number(++n) }, { u"text"_qs, text } }, pair.ana.token);
        };
        // Cyrillic В and А, full-width letters, an accent, a zero-width space: all the plain word.
        for (const QString &text : { u"that is BAD"_qs, u"that is \u0412\u0410D"_qs, u"\uFF42\uFF41\uFF44 news"_qs,
                 u"b\u00E1d"_qs, u"ba\u200Bd"_qs }) {
            const auto r = send(text);
            QVERIFY2(r.status == 403, qPrintable(text));
            QCOMPARE(r.errorCode(), u"forbidden"_qs);
        }
        QCOMPARE(send(u"badge and abbad"_qs).status, 201); // whole words only
        const auto masked = send(u"oh d\u0430rn it"_qs);
        QCOMPARE(masked.status, 201);
        QCOMPARE(masked.json.value(u"text").toString(), u"oh **** it"_qs);

        // Edits pass the same filter, over REST and the gateway: blocked is refused, masked is stored masked.
        const auto plain = send(u"all fine"_qs);
        const QString id = plain.json.value(u"id").toString();
        const auto blocked = rest.request("PATCH", u"/api/v1/messages/"_qs + id,
            body({ { u"text"_qs, u"now it is \u0412\u0410D"_qs } }), pair.ana.token);
        QCOMPARE(blocked.status, 403);
        QCOMPARE(blocked.errorCode(), u"forbidden"_qs);
        QCOMPARE(rest.get(u"/api/v1/channels/%1/messages"_qs.arg(pair.channel), pair.ana.token)
                     .json.value(u"messages").toArray().last().toObject().value(u"text").toString(),
            u"all fine"_qs);
        const auto maskedEdit = rest.request(
            "PATCH", u"/api/v1/messages/"_qs + id, body({ { u"text"_qs, u"DARN again"_qs } }), pair.ana.token);
        QCOMPARE(maskedEdit.status, 200);
        QCOMPARE(maskedEdit.json.value(u"text").toString(), u"**** again"_qs);
        GatewayClient gw;
        QVERIFY(gw.open(server, pair.ana.token));
        const auto refused = gw.call({ { u"type"_qs, u"message.edit"_qs }, { u"messageId"_qs, id }, { u"text"_qs, u"bad"_qs } });
        QCOMPARE(refused.value(u"type").toString(), u"error"_qs);
        QCOMPARE(refused.value(u"error").toObject().value(u"code").toString(), u"forbidden"_qs);
    }

    void adminCommandOnAStoppedServer()
    {
        TestServer server;
        QVERIFY(server.start());
        RestClient rest(server);
        QVERIFY(!rest.registerUser(u"owner"_qs).id.isEmpty());
        server.stop();
        const QString dir = server.dataDir();
        auto [code, out] = admin(QStringList { u"create-user"_qs, u"zed"_qs, u"--data-dir"_qs, dir } + dbArgs(server), "zeds password\n");
        QVERIFY2(code == 0, out.constData());
        std::tie(code, out) = admin(QStringList { u"set-role"_qs, u"zed"_qs, u"admin"_qs, u"--data-dir"_qs, dir } + dbArgs(server));
        QVERIFY2(code == 0, out.constData());
        std::tie(code, out) = admin(QStringList { u"set-role"_qs, u"nobody"_qs, u"admin"_qs, u"--data-dir"_qs, dir } + dbArgs(server));
        QCOMPARE(code, 1);
        std::tie(code, out) = admin(QStringList { u"audit"_qs, u"--data-dir"_qs, dir } + dbArgs(server));
        QVERIFY2(code == 0 && out.contains("user.create") && out.contains("user.role"), out.constData());
        QVERIFY(!QFile::exists(dir + u"/admin.token"_qs));
        QVERIFY(server.start());
        // A new client: the old one's keep-alive connection went with the old server process, and nothing
        // processed its close while this test blocked on the admin processes (a POST on it would get status 0).
        RestClient again(server);
        const auto login = again.post(u"/api/v1/auth/login"_qs, { { u"username"_qs, u"zed"_qs }, { u"password"_qs, u"zeds password"_qs } });
        QCOMPARE(login.status, 200);
        QCOMPARE(again.get(u"/api/v1/admin/audit"_qs, login.json.value(u"token").toString()).status, 200);
        QFileInfo token(server.dataDir() + u"/admin.token"_qs);
        QVERIFY(token.exists());
        QCOMPARE(token.permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther), QFile::Permissions());
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int status = 0;
    {
        TestModeration t;
        status |= QTest::qExec(&t, argc, argv);
    }
    {
        TestModerationPolicies t;
        status |= QTest::qExec(&t, argc, argv);
    }
    return status;
}

#include "tst_moderation.moc"
