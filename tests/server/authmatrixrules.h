#pragma once

// The authorisation matrix's table: the callers, the channel kinds, the routes and frames, and the rules that
// say what each cell must answer, written from PROTOCOL.md and docs/protocol.md (not read back from the server).
// tst_authmatrix.cpp runs the cells.
#include <QByteArray>
#include <QList>
#include <QString>

using namespace Qt::StringLiterals;

namespace AuthMatrix {
enum class Actor {
    Anonymous,
    BadToken,
    Revoked,
    Outsider,
    Removed,
    Member,
    Author,
    Admin,
    Owner,
    ServerAdmin
};
constexpr Actor LastActor = Actor::ServerAdmin;
enum class Kind { Public, Private, Direct };
// What a route needs of its caller once the caller can see the channel.
enum class Need { Read, Write, Author, AuthorOrManager, Manager, RemoveMember, SetRole, Mute, Join };

struct Route
{
    const char *name;
    QByteArray verb; // empty for a gateway frame
    Need need;
    int okStatus; // REST status on success
};

inline const QList<Route> &routes()
{
    static const QList<Route> list {
        { "GET channel", "GET", Need::Read, 200 },
        { "GET members", "GET", Need::Read, 200 },
        { "GET history", "GET", Need::Read, 200 },
        { "GET pins", "GET", Need::Read, 200 },
        { "GET replies", "GET", Need::Read, 200 },
        { "GET search in channel", "GET", Need::Read, 200 },
        { "POST message", "POST", Need::Write, 201 },
        { "POST pin", "POST", Need::Write, 200 },
        { "DELETE pin", "DELETE", Need::Write, 200 },
        { "PATCH message", "PATCH", Need::Author, 200 },
        { "DELETE message", "DELETE", Need::AuthorOrManager, 204 },
        { "PATCH channel", "PATCH", Need::Manager, 200 },
        { "POST members", "POST", Need::Manager, 200 },
        { "DELETE member", "DELETE", Need::RemoveMember, 204 },
        { "POST join", "POST", Need::Join, 200 },
        // Moderation (docs/protocol.md, "Moderation").
        { "PATCH member role", "PATCH", Need::SetRole, 200 },
        { "POST mute", "POST", Need::Mute, 200 },
        { "DELETE mute", "DELETE", Need::Mute, 204 },
        { "PATCH channel read-only", "PATCH", Need::Manager, 200 },
        { "POST report", "POST", Need::Read, 201 },
        { "message.send", {}, Need::Write, 0 },
        { "message.edit", {}, Need::Author, 0 },
        { "message.delete", {}, Need::AuthorOrManager, 0 },
        { "reaction.add", {}, Need::Write, 0 },
        { "reaction.remove", {}, Need::Write, 0 },
        { "message.pin", {}, Need::Write, 0 },
        { "message.unpin", {}, Need::Write, 0 },
        { "typing.start", {}, Need::Read, 0 },
        { "read.mark", {}, Need::Read, 0 },
    };
    return list;
}

inline const char *actorName(Actor a)
{
    static const char *const names[] = { "anonymous", "bad token", "revoked token", "outsider",
        "removed member", "member", "author", "admin", "owner", "server admin" };
    return names[int(a)];
}

inline const char *kindName(Kind k)
{
    static const char *const names[] = { "public", "private", "direct" };
    return names[int(k)];
}

// The expected answer: an HTTP status for REST (0 = success with route.okStatus), or a gateway error code
// (empty = ack).
struct Expected
{
    int status = 0;
    QString code;
};

inline Expected rules(const Route &route, Actor actor, Kind kind)
{
    const bool gateway = route.verb.isEmpty();
    if (actor == Actor::Anonymous || actor == Actor::BadToken || actor == Actor::Revoked)
        return { 401, u"unauthorized"_qs }; // REST; the gateway refuses these at the upgrade
    // In a direct channel only its two people are members: the creator (owner) and the other (author).
    const bool member = (actor == Actor::Owner || actor == Actor::Author)
        || (kind != Kind::Direct && (actor == Actor::Admin || actor == Actor::Member));
    const bool manager = kind != Kind::Direct && (actor == Actor::Owner || actor == Actor::Admin);
    const Expected ok { gateway ? 0 : route.okStatus, {} };
    const Expected forbidden { 403, u"forbidden"_qs };
    const Expected notFound { 404, u"not_found"_qs };
    if (route.need == Need::Join) {
        if (kind == Kind::Public)
            return ok; // anyone may join a public channel (a member again: nothing changes)
        if (!member)
            return notFound;
        return kind == Kind::Direct ? forbidden : ok;
    }
    if (!member)
        return kind == Kind::Public ? forbidden : notFound;
    switch (route.need) {
    case Need::Read:
    case Need::Write:
        return ok;
    case Need::Author:
        return actor == Actor::Author ? ok : forbidden;
    case Need::AuthorOrManager:
        return actor == Actor::Author || manager ? ok : forbidden;
    case Need::Manager:
        return manager ? ok : forbidden;
    case Need::RemoveMember:
    case Need::Mute:
        return manager ? ok : forbidden; // the victim is a plain member: admins may remove and mute them too
    case Need::SetRole:
        return manager ? ok
                       : forbidden; // plain member -> admin: owners and admins (direct channels: no roles)
    case Need::Join:
        break;
    }
    return ok;
}
} // namespace AuthMatrix
