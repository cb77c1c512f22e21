// The authorisation matrix (issue 15): every REST route and gateway frame that names a channel or a message ×
// every kind of caller × public, private and direct channels, each cell with the exact status (or gateway
// error code) that PROTOCOL.md and docs/protocol.md promise. A refusal must leave everything as it was and
// must not carry the channel's name or the message's text. The expectations are written from the documents
// (rules() in authmatrixrules.h), not read back from the server. Moderation (issue 16) adds the server administrator as a
// caller (not a member of the channels: server administrators have no powers in channels they are not in) and
// its routes: channel roles, mutes, read-only, reports, and the administrators' own routes (adminRoutes()).
#include "authmatrixrules.h"
#include "testclient.h"
#include "testserver.h"

#include <QJsonDocument>
#include <QTest>

using namespace AuthMatrix;

class TestAuthMatrix : public QObject
{
    Q_OBJECT

    TestServer m_server { { QStringLiteral("--rate-limit"), QStringLiteral("0") } };
    QMap<Actor, TestAccount> m_users;
    QMap<Kind, QString> m_channels;
    QMap<Kind, QString> m_secrets; // the channel's name, which no refusal may carry
    int m_serial = 0;

    TestAccount user(Actor a) const { return m_users.value(a); }
    QString token(Actor a) const
    {
        if (a == Actor::Anonymous)
            return {};
        if (a == Actor::BadToken)
            return u"not-a-token"_qs;
        return user(a).token;
    }

    QString post(RestClient &rest, Kind kind, Actor author, const QString &text)
    {
        const auto r = rest.post(u"/api/v1/channels/%1/messages"_qs.arg(m_channels.value(kind)),
            { { u"clientMsgId"_qs, u"m%1"_qs.arg(++m_serial) }, { u"text"_qs, text } }, user(author).token);
        return r.json.value(u"id").toString();
    }

    QString freshUser(RestClient &rest) { return rest.registerUser(u"extra%1"_qs.arg(++m_serial)).id; }

    // Members of KIND's channel as the owner sees them.
    QStringList memberIds(RestClient &rest, Kind kind)
    {
        QStringList ids;
        const auto r = rest.get(
            u"/api/v1/channels/%1/members"_qs.arg(m_channels.value(kind)), user(Actor::Owner).token);
        for (const auto &m : r.json.value(u"members").toArray())
            ids.append(m.toObject().value(u"user").toObject().value(u"id").toString());
        ids.sort();
        return ids;
    }

    // "id:role" of KIND's channel's members as the owner sees them.
    QStringList roles(RestClient &rest, Kind kind)
    {
        QStringList out;
        const auto r = rest.get(
            u"/api/v1/channels/%1/members"_qs.arg(m_channels.value(kind)), user(Actor::Owner).token);
        for (const auto &m : r.json.value(u"members").toArray())
            out.append(m.toObject().value(u"user").toObject().value(u"id").toString() + u':'
                + m.toObject().value(u"role").toString());
        out.sort();
        return out;
    }

    // The newest audit log entry's id: every moderation action writes one, so a refusal must leave it as it
    // was.
    QString newestAudit(RestClient &rest)
    {
        const auto r = rest.get(u"/api/v1/admin/audit?limit=1"_qs, user(Actor::ServerAdmin).token);
        const auto entries = r.json.value(u"entries").toArray();
        return entries.isEmpty() ? u"none"_qs : entries.first().toObject().value(u"id").toString();
    }

    // One row per route of the kind asked for (gateway frames or REST) × caller from FIRST on × channel kind.
    static void addCells(bool gateway, Actor first)
    {
        QTest::addColumn<int>("route");
        QTest::addColumn<int>("actor");
        QTest::addColumn<int>("kind");
        for (int r = 0; r < routes().size(); ++r) {
            if (routes().at(r).verb.isEmpty() != gateway)
                continue;
            for (int a = int(first); a <= int(LastActor); ++a)
                for (int k = 0; k <= int(Kind::Direct); ++k)
                    QTest::addRow("%s | %s | %s", routes().at(r).name, actorName(Actor(a)), kindName(Kind(k)))
                        << r << a << k;
        }
    }

    // The cell's fixtures: a fresh message by the author (so that an allowed edit or delete cannot change the
    // next cell's world) whose text no refusal may carry.
    struct Cell
    {
        const Route &route;
        Actor who;
        Kind where;
        Expected want;
        QString channel;
        QString secretText;
        QString message;
    };
    Cell cell(RestClient &rest, int route, int actor, int kind)
    {
        Cell c { routes().at(route), Actor(actor), Kind(kind),
            rules(routes().at(route), Actor(actor), Kind(kind)), m_channels.value(Kind(kind)),
            u"secret-text-%1"_qs.arg(++m_serial), {} };
        c.message = post(rest, c.where, Actor::Author, c.secretText);
        return c;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        RestClient rest(m_server);
        // The first account is the server administrator; it is in none of the channels.
        for (Actor a : { Actor::ServerAdmin, Actor::Revoked, Actor::Outsider, Actor::Removed, Actor::Member,
                 Actor::Author, Actor::Admin, Actor::Owner })
            m_users.insert(a, rest.registerUser(QString::fromLatin1(actorName(a)).replace(u' ', u'_')));
        const QStringList groupMembers { user(Actor::Removed).id, user(Actor::Member).id,
            user(Actor::Author).id, user(Actor::Admin).id };
        m_secrets = { { Kind::Public, u"lobby-secretname"_qs }, { Kind::Private, u"vault-secretname"_qs } };
        m_channels.insert(Kind::Public,
            rest.createChannel(
                user(Actor::Owner), m_secrets.value(Kind::Public), u"public"_qs, groupMembers));
        m_channels.insert(Kind::Private,
            rest.createChannel(
                user(Actor::Owner), m_secrets.value(Kind::Private), u"private"_qs, groupMembers));
        const auto direct = rest.post(u"/api/v1/channels"_qs,
            { { u"type"_qs, u"direct"_qs }, { u"memberIds"_qs, QJsonArray { user(Actor::Author).id } } },
            user(Actor::Owner).token);
        m_channels.insert(Kind::Direct, direct.json.value(u"id").toString());
        m_secrets.insert(Kind::Direct, u"secret-direct-text"_qs);
        for (Kind k : { Kind::Public, Kind::Private }) {
            QVERIFY(!m_channels.value(k).isEmpty());
            // The removed member wrote before being removed, and then was removed.
            QVERIFY(!post(rest, k, Actor::Removed, u"written before removal"_qs).isEmpty());
            QCOMPARE(rest.del(u"/api/v1/channels/%1/members/%2"_qs.arg(
                                  m_channels.value(k), user(Actor::Removed).id),
                             user(Actor::Owner).token)
                         .status,
                204);
        }
        QVERIFY(!m_channels.value(Kind::Direct).isEmpty());
        QCOMPARE(rest.post(u"/api/v1/auth/logout"_qs, {}, user(Actor::Revoked).token).status, 204);

        // Channel admins through the API (moderation): the owner makes them.
        for (Kind k : { Kind::Public, Kind::Private }) {
            const auto set = rest.request("PATCH",
                u"/api/v1/channels/%1/members/%2"_qs.arg(m_channels.value(k), user(Actor::Admin).id),
                R"({"role":"admin"})", user(Actor::Owner).token);
            QVERIFY2(set.status == 200, set.body.constData());
        }
        const auto members = rest.get(
            u"/api/v1/channels/%1/members"_qs.arg(m_channels.value(Kind::Private)), user(Actor::Owner).token);
        QVERIFY2(members.body.contains("\"admin\""), members.body.constData());
    }

    void rest_data() { addCells(false, Actor::Anonymous); }

    void rest()
    {
        QFETCH(int, route);
        QFETCH(int, actor);
        QFETCH(int, kind);
        RestClient rest(m_server);
        const Cell c = cell(rest, route, actor, kind);
        QVERIFY(!c.message.isEmpty());
        const Route &rt = c.route;
        const Actor who = c.who;
        const Kind where = c.where;
        const Expected want = c.want;
        const QString channel = c.channel, secretText = c.secretText, message = c.message;
        const QString ownerToken = user(Actor::Owner).token;

        QString path;
        QByteArray body;
        std::function<bool()> unchanged = [] { return true; };
        const QString name = QString::fromLatin1(rt.name);
        if (name == u"GET channel")
            path = u"/api/v1/channels/%1"_qs.arg(channel);
        else if (name == u"GET members")
            path = u"/api/v1/channels/%1/members"_qs.arg(channel);
        else if (name == u"GET history")
            path = u"/api/v1/channels/%1/messages?limit=5"_qs.arg(channel);
        else if (name == u"GET pins")
            path = u"/api/v1/channels/%1/pins"_qs.arg(channel);
        else if (name == u"GET replies")
            path = u"/api/v1/messages/%1/replies"_qs.arg(message);
        else if (name == u"GET search in channel")
            path = u"/api/v1/search?q=secret&channelId=%1"_qs.arg(channel);
        else if (name == u"POST message") {
            path = u"/api/v1/channels/%1/messages"_qs.arg(channel);
            body = QJsonDocument(QJsonObject { { u"clientMsgId"_qs, u"cell%1"_qs.arg(m_serial) },
                                     { u"text"_qs, u"hello"_qs } })
                       .toJson(QJsonDocument::Compact);
            const int before = rest.get(u"/api/v1/channels/%1/messages?limit=100"_qs.arg(channel), ownerToken)
                                   .json.value(u"messages")
                                   .toArray()
                                   .size();
            unchanged = [&rest, channel, ownerToken, before] {
                return rest.get(u"/api/v1/channels/%1/messages?limit=100"_qs.arg(channel), ownerToken)
                           .json.value(u"messages")
                           .toArray()
                           .size()
                    == before;
            };
        } else if (name == u"POST pin" || name == u"DELETE pin") {
            path = u"/api/v1/messages/%1/pin"_qs.arg(message);
            body = rt.verb == "POST" ? QByteArray("{}") : QByteArray();
            if (rt.verb == "DELETE") // something to unpin
                QCOMPARE(rest.post(path, {}, ownerToken).status, 200);
            const QByteArray pins = rest.get(u"/api/v1/channels/%1/pins"_qs.arg(channel), ownerToken).body;
            unchanged = [&rest, channel, ownerToken, pins] {
                return rest.get(u"/api/v1/channels/%1/pins"_qs.arg(channel), ownerToken).body == pins;
            };
        } else if (name == u"PATCH message" || name == u"DELETE message") {
            path = u"/api/v1/messages/%1"_qs.arg(message);
            if (rt.verb == "PATCH")
                body = R"({"text":"changed"})";
            unchanged = [&rest, channel, ownerToken, message, secretText] {
                const auto page
                    = rest.get(u"/api/v1/channels/%1/messages?limit=100"_qs.arg(channel), ownerToken);
                for (const auto &m : page.json.value(u"messages").toArray())
                    if (m.toObject().value(u"id").toString() == message)
                        return m.toObject().value(u"text").toString() == secretText;
                return false;
            };
        } else if (name == u"PATCH channel") {
            path = u"/api/v1/channels/%1"_qs.arg(channel);
            body = R"({"topic":"new topic"})";
        } else if (name == u"POST members" || name == u"DELETE member") {
            const QString extra = freshUser(rest);
            if (rt.verb == "POST") {
                path = u"/api/v1/channels/%1/members"_qs.arg(channel);
                body = QJsonDocument(QJsonObject { { u"userIds"_qs, QJsonArray { extra } } })
                           .toJson(QJsonDocument::Compact);
            } else {
                // The victim: a plain member added for this cell (a direct channel cannot take one: its
                // other person is the target there).
                const QString victim = where == Kind::Direct ? user(Actor::Author).id : extra;
                if (where != Kind::Direct)
                    QCOMPARE(rest.post(u"/api/v1/channels/%1/members"_qs.arg(channel),
                                     { { u"userIds"_qs, QJsonArray { victim } } }, ownerToken)
                                 .status,
                        200);
                path = u"/api/v1/channels/%1/members/%2"_qs.arg(channel, victim);
            }
            const QStringList before = memberIds(rest, where);
            unchanged = [this, &rest, where, before] { return memberIds(rest, where) == before; };
        } else if (name == u"POST join") {
            path = u"/api/v1/channels/%1/join"_qs.arg(channel);
            body = "{}";
        } else if (name == u"PATCH member role" || name == u"POST mute" || name == u"DELETE mute") {
            // The member acted on: a plain member added for this cell (in a direct channel, its other
            // person).
            const QString victim = where == Kind::Direct ? user(Actor::Author).id : freshUser(rest);
            if (where != Kind::Direct)
                QCOMPARE(rest.post(u"/api/v1/channels/%1/members"_qs.arg(channel),
                                 { { u"userIds"_qs, QJsonArray { victim } } }, ownerToken)
                             .status,
                    200);
            path = u"/api/v1/channels/%1/members/%2"_qs.arg(channel, victim);
            if (name == u"PATCH member role") {
                body = R"({"role":"admin"})";
            } else {
                path += u"/mute"_qs;
                if (rt.verb == "POST")
                    body = R"({"durationSeconds":60})";
                else if (where != Kind::Direct) // something to lift
                    QCOMPARE(rest.post(path, { { u"durationSeconds"_qs, 60 } }, ownerToken).status, 200);
            }
            const QStringList before = roles(rest, where);
            const QString audit = newestAudit(rest);
            unchanged = [this, &rest, where, before, audit] {
                return roles(rest, where) == before && newestAudit(rest) == audit;
            };
        } else if (name == u"PATCH channel read-only") {
            path = u"/api/v1/channels/%1"_qs.arg(channel);
            body = R"({"readOnly":true})";
            const QString audit = newestAudit(rest);
            unchanged = [this, &rest, channel, ownerToken, audit] {
                return !rest.get(u"/api/v1/channels/%1"_qs.arg(channel), ownerToken)
                            .json.contains(u"readOnly")
                    && newestAudit(rest) == audit;
            };
        } else if (name == u"POST report") {
            path = u"/api/v1/messages/%1/report"_qs.arg(message);
            body = R"({"reason":"spam"})";
            const QString audit = newestAudit(rest);
            unchanged = [this, &rest, audit] { return newestAudit(rest) == audit; };
        }
        QVERIFY(!path.isEmpty());

        const HttpResult r = rest.request(rt.verb, path, body, token(who));
        const int wantStatus = want.code.isEmpty() ? rt.okStatus : want.status;
        QVERIFY2(r.status == wantStatus,
            qPrintable(u"%1 %2 → %3 %4 (want %5)"_qs.arg(QString::fromLatin1(rt.verb), path)
                           .arg(r.status)
                           .arg(QString::fromUtf8(r.body))
                           .arg(wantStatus)));
        if (!want.code.isEmpty()) {
            QCOMPARE(r.errorCode(), want.code);
            // A message the caller may not see is answered exactly like one that does not exist: nothing
            // tells that the id is real (the existence leak of issue 15).
            if (want.status == 404 && path.startsWith(u"/api/v1/messages/"))
                QCOMPARE(
                    r.json.value(u"error").toObject().value(u"message").toString(), u"no such message"_qs);
            QVERIFY2(!r.body.contains(secretText.toUtf8()), r.body.constData());
            QVERIFY2(!r.body.contains(m_secrets.value(where).toUtf8()), r.body.constData());
            QVERIFY2(unchanged(), "a refused request changed something");
        }
        // Put back what an allowed join changed: the outsider or removed member leaves again.
        if (name == u"POST join" && r.status == 200
            && (who == Actor::Outsider || who == Actor::Removed || who == Actor::ServerAdmin))
            QCOMPARE(
                rest.del(u"/api/v1/channels/%1/members/%2"_qs.arg(channel, user(who).id), token(who)).status,
                204);
        // ... and an allowed read-only switch is switched back, or the next cells could not write.
        if (name == u"PATCH channel read-only" && r.status == 200)
            QCOMPARE(rest.request("PATCH", path, R"({"readOnly":false})", ownerToken).status, 200);
    }

    // The server administrators' routes (docs/protocol.md, "Accounts", "Reports", "Registration"): no
    // channel, so one cell per route and caller. Anyone else with a valid token gets 403, whatever their
    // channel roles.
    void adminRoutes_data()
    {
        QTest::addColumn<QString>("route");
        QTest::addColumn<int>("actor");
        for (const char *route : { "GET admin audit", "GET reports", "POST report resolve", "POST invites",
                 "POST admin deactivate", "POST admin reactivate", "POST admin reset-password",
                 "PATCH admin user" })
            for (int a = int(Actor::Anonymous); a <= int(LastActor); ++a)
                QTest::addRow("%s | %s", route, actorName(Actor(a))) << QString::fromLatin1(route) << a;
    }

    void adminRoutes()
    {
        QFETCH(QString, route);
        QFETCH(int, actor);
        const Actor who = Actor(actor);
        RestClient rest(m_server);
        const QString adminToken = user(Actor::ServerAdmin).token;
        const bool badCaller = who == Actor::Anonymous || who == Actor::BadToken || who == Actor::Revoked;
        const int okStatus = route == u"POST invites" ? 201 : 200;
        const int want = badCaller ? 401 : who == Actor::ServerAdmin ? okStatus : 403;

        QByteArray verb = "POST";
        QString path;
        QByteArray body = "{}";
        std::function<bool()> unchanged = [] { return true; };
        // A fresh account to act on (for the account routes).
        const TestAccount victim = rest.registerUser(u"victim%1"_qs.arg(++m_serial));
        QVERIFY(!victim.id.isEmpty());
        const auto stillWorks = [&rest, victim] {
            const auto me = rest.get(u"/api/v1/users/me"_qs, victim.token);
            return me.status == 200 && me.json.value(u"serverRole").toString() == u"member"_qs
                && !me.json.contains(u"deactivated");
        };
        if (route == u"GET admin audit") {
            verb = "GET";
            path = u"/api/v1/admin/audit"_qs;
            body.clear();
        } else if (route == u"GET reports") {
            verb = "GET";
            path = u"/api/v1/reports"_qs;
            body.clear();
        } else if (route == u"POST report resolve") {
            // The member reports a fresh message of the author's in the public channel.
            const QString message = post(rest, Kind::Public, Actor::Author, u"reported %1"_qs.arg(m_serial));
            const auto report = rest.post(u"/api/v1/messages/%1/report"_qs.arg(message),
                { { u"reason"_qs, u"spam"_qs } }, user(Actor::Member).token);
            QCOMPARE(report.status, 201);
            path = u"/api/v1/reports/%1/resolve"_qs.arg(report.json.value(u"id").toString());
            body = R"({"action":"dismiss"})";
            const QString id = report.json.value(u"id").toString();
            unchanged = [&rest, adminToken, id] {
                for (const auto &r : rest.get(u"/api/v1/reports?status=open&limit=50"_qs, adminToken)
                                         .json.value(u"reports")
                                         .toArray())
                    if (r.toObject().value(u"id").toString() == id)
                        return true;
                return false;
            };
        } else if (route == u"POST invites") {
            path = u"/api/v1/invites"_qs;
        } else if (route == u"POST admin deactivate") {
            path = u"/api/v1/admin/users/%1/deactivate"_qs.arg(victim.id);
            unchanged = stillWorks;
        } else if (route == u"POST admin reactivate") {
            path = u"/api/v1/admin/users/%1/reactivate"_qs.arg(victim.id);
            QCOMPARE(rest.post(u"/api/v1/admin/users/%1/deactivate"_qs.arg(victim.id), {}, adminToken).status,
                200);
            unchanged = [&rest, victim, adminToken] {
                return rest.get(u"/api/v1/users/"_qs + victim.id, adminToken)
                    .json.value(u"deactivated")
                    .toBool();
            };
        } else if (route == u"POST admin reset-password") {
            path = u"/api/v1/admin/users/%1/reset-password"_qs.arg(victim.id);
            unchanged = stillWorks;
        } else if (route == u"PATCH admin user") {
            verb = "PATCH";
            path = u"/api/v1/admin/users/%1"_qs.arg(victim.id);
            body = R"({"serverRole":"admin"})";
            unchanged = stillWorks;
        }
        QVERIFY(!path.isEmpty());
        const QString audit = newestAudit(rest);

        const HttpResult r = rest.request(verb, path, body, token(who));
        QVERIFY2(r.status == want,
            qPrintable(u"%1 %2 → %3 %4 (want %5)"_qs.arg(QString::fromLatin1(verb), path)
                           .arg(r.status)
                           .arg(QString::fromUtf8(r.body))
                           .arg(want)));
        if (want >= 400) {
            QCOMPARE(r.errorCode(), want == 401 ? u"unauthorized"_qs : u"forbidden"_qs);
            QVERIFY2(unchanged(), "a refused request changed something");
            QCOMPARE(newestAudit(rest), audit);
        } else if (verb != "GET") {
            QVERIFY2(newestAudit(rest) != audit, "an administrator's action must be in the audit log");
        }
    }

    void gatewayRefusesBadCallers()
    {
        for (Actor a : { Actor::BadToken, Actor::Revoked }) {
            GatewayClient g;
            QVERIFY(!g.open(m_server, token(a)));
        }
        GatewayClient anonymous;
        QVERIFY(!anonymous.openRaw(m_server.wsUrl()));
    }

    // Callers without a valid token never get a gateway connection (gatewayRefusesBadCallers).
    void gateway_data() { addCells(true, Actor::Outsider); }

    void gateway()
    {
        QFETCH(int, route);
        QFETCH(int, actor);
        QFETCH(int, kind);
        RestClient rest(m_server);
        const Cell c = cell(rest, route, actor, kind);
        QVERIFY(!c.message.isEmpty());
        const Route &rt = c.route;
        const Actor who = c.who;
        const Kind where = c.where;
        const Expected want = c.want;
        const QString channel = c.channel, secretText = c.secretText, message = c.message;
        const QString type = QString::fromLatin1(rt.name);
        QJsonObject frame { { u"type"_qs, type } };
        if (type == u"message.send") {
            frame.insert(u"channelId"_qs, channel);
            frame.insert(u"clientMsgId"_qs, u"g%1"_qs.arg(m_serial));
            frame.insert(u"text"_qs, u"hi"_qs);
        } else if (type == u"typing.start") {
            frame.insert(u"channelId"_qs, channel);
        } else if (type == u"read.mark") {
            frame.insert(u"channelId"_qs, channel);
            frame.insert(u"messageId"_qs, message);
        } else {
            frame.insert(u"messageId"_qs, message);
            if (type.startsWith(u"reaction."))
                frame.insert(u"emoji"_qs, u"👍"_qs);
            if (type == u"message.edit")
                frame.insert(u"text"_qs, u"changed"_qs);
            if (type == u"reaction.remove" || type == u"message.unpin") {
                // Something to remove: the owner reacted or pinned first.
                GatewayClient owner;
                QVERIFY(owner.open(m_server, user(Actor::Owner).token));
                QJsonObject setup { { u"type"_qs,
                                        type == u"reaction.remove" ? u"reaction.add"_qs : u"message.pin"_qs },
                    { u"messageId"_qs, message } };
                if (type == u"reaction.remove")
                    setup.insert(u"emoji"_qs, u"👍"_qs);
                QCOMPARE(owner.call(setup).value(u"type").toString(), u"ack"_qs);
            }
        }
        GatewayClient g;
        QVERIFY(g.open(m_server, token(who)));
        const QJsonObject answer = g.call(frame);
        if (want.code.isEmpty()) {
            QVERIFY2(
                answer.value(u"type").toString() == u"ack"_qs, QJsonDocument(answer).toJson().constData());
        } else {
            QCOMPARE(answer.value(u"type").toString(), u"error"_qs);
            QCOMPARE(answer.value(u"error").toObject().value(u"code").toString(), want.code);
            if (want.code == u"not_found" && frame.contains(u"messageId") && type != u"read.mark")
                QCOMPARE(
                    answer.value(u"error").toObject().value(u"message").toString(), u"no such message"_qs);
            const QByteArray text = QJsonDocument(answer).toJson();
            QVERIFY2(!text.contains(secretText.toUtf8()) && !text.contains(m_secrets.value(where).toUtf8()),
                text.constData());
            // Nothing changed: the message still reads as written.
            const auto page = rest.get(
                u"/api/v1/channels/%1/messages?limit=100"_qs.arg(channel), user(Actor::Owner).token);
            bool found = false;
            for (const auto &m : page.json.value(u"messages").toArray())
                found = found
                    || (m.toObject().value(u"id").toString() == message
                        && m.toObject().value(u"text").toString() == secretText);
            QVERIFY2(found, "a refused frame changed the message");
        }
    }
};

QTEST_GUILESS_MAIN(TestAuthMatrix)
#include "tst_authmatrix.moc"
