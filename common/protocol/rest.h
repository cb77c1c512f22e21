#pragma once

#include "channel.h"
#include "id.h"
#include "message.h"
#include "user.h"

#include <QLatin1StringView>
#include <QList>
#include <QString>

class JsonReader;
class JsonWriter;

namespace Natter::Wire {

// The REST surface (PROTOCOL.md and docs/protocol.md): paths, their route patterns for the server (QHttpServer's
// "<arg>" placeholders) and the paths a client calls, query keys, and the shapes of bodies and answers.
namespace Rest {
using namespace Qt::StringLiterals;

// Route patterns, exactly as QHttpServer matches them. The client builds the same paths with the functions
// below, so that both sides name a path once.
namespace Route {
inline constexpr char Register[] = "/api/v1/auth/register";
inline constexpr char Login[] = "/api/v1/auth/login";
inline constexpr char Logout[] = "/api/v1/auth/logout";
inline constexpr char Me[] = "/api/v1/users/me";
inline constexpr char Users[] = "/api/v1/users";
inline constexpr char User[] = "/api/v1/users/<arg>";
inline constexpr char Channels[] = "/api/v1/channels";
inline constexpr char ChannelsBrowse[] = "/api/v1/channels/browse";
inline constexpr char Channel[] = "/api/v1/channels/<arg>";
inline constexpr char ChannelJoin[] = "/api/v1/channels/<arg>/join";
inline constexpr char ChannelMembers[] = "/api/v1/channels/<arg>/members";
inline constexpr char ChannelMember[] = "/api/v1/channels/<arg>/members/<arg>";
inline constexpr char ChannelMessages[] = "/api/v1/channels/<arg>/messages";
inline constexpr char ChannelPins[] = "/api/v1/channels/<arg>/pins";
inline constexpr char Message[] = "/api/v1/messages/<arg>";
inline constexpr char MessageReplies[] = "/api/v1/messages/<arg>/replies";
inline constexpr char MessagePin[] = "/api/v1/messages/<arg>/pin";
inline constexpr char Search[] = "/api/v1/search";
inline constexpr char Uploads[] = "/api/v1/uploads";
inline constexpr char Upload[] = "/api/v1/uploads/<arg>/<arg>";
inline constexpr char Gateway[] = "/api/v1/ws";
inline constexpr char Health[] = "/api/v1/health";
// Prometheus text format (not JSON), for operators: loopback clients, or a bearer token (--metrics-token).
inline constexpr char Metrics[] = "/metrics";
} // namespace Route

// Paths as a client requests them.
QString registerPath();
QString loginPath();
QString logoutPath();
QString mePath();
QString usersPath();
QString userPath(Id user);
QString channelsPath();
QString channelsBrowsePath();
QString channelPath(Id channel);
QString channelJoinPath(Id channel);
QString channelMembersPath(Id channel);
QString channelMemberPath(Id channel, Id user);
QString channelMessagesPath(Id channel);
QString channelPinsPath(Id channel);
QString messagePath(Id message);
QString messageRepliesPath(Id message);
QString messagePinPath(Id message);
QString searchPath();
QString uploadsPath();
QString gatewayPath();
QString healthPath();

// Query keys.
namespace Query {
inline constexpr QLatin1StringView Before = "before"_L1;
inline constexpr QLatin1StringView After = "after"_L1;
inline constexpr QLatin1StringView Around = "around"_L1;
inline constexpr QLatin1StringView Limit = "limit"_L1;
inline constexpr QLatin1StringView Query = "query"_L1; // users and channel browse
inline constexpr QLatin1StringView Q = "q"_L1; // search
inline constexpr QLatin1StringView ChannelId = "channelId"_L1;
inline constexpr QLatin1StringView Token = "token"_L1; // downloads and the gateway, for clients without headers
} // namespace Query

// Headers Natter defines.
inline constexpr char FilenameHeader[] = "X-Filename";
} // namespace Rest

// POST /auth/register {username, password, displayName?} and POST /auth/login {username, password}.
struct Credentials
{
    QString username;
    QString password;
    QString displayName; // register only; empty when not given

    static Credentials read(JsonReader &reader);
    void write(JsonWriter &writer) const;
};

// The answer to register and login: {user, token}.
struct AuthSession
{
    struct User user;
    QString token;

    static AuthSession read(JsonReader &reader);
    void write(JsonWriter &writer) const;
};

// POST /channels: {type: "group", name, visibility?, memberIds?} or {type: "direct", memberIds: [other]}.
struct CreateChannel
{
    ChannelType type = ChannelType::Group;
    QString name;
    QString topic; // group only; empty when not given
    Visibility visibility = Visibility::Public;
    QList<Id> memberIds;

    static CreateChannel read(JsonReader &reader);
    void write(JsonWriter &writer) const;
};

// PATCH /channels/{id} {name?, topic?, pinPolicy?}: only what is present changes.
struct ChannelSettings
{
    std::optional<QString> name;
    std::optional<QString> topic;
    std::optional<PinPolicy> pinPolicy;

    static ChannelSettings read(JsonReader &reader);
    void write(JsonWriter &writer) const;
};

// A page of messages: history (oldest first) and thread replies {messages, hasMore[, hasMoreAfter]}, search
// results (newest first) {messages, hasMore}, pins {messages}.
struct HistoryPage
{
    QList<struct Message> messages;
    bool hasMore = false;
    std::optional<bool> hasMoreAfter; // `around` pages only

    static HistoryPage read(JsonReader &reader);
    void write(JsonWriter &writer) const;
};
using SearchResults = HistoryPage;

struct ChannelList
{
    QList<struct Channel> channels;
    static ChannelList read(JsonReader &reader);
    void write(JsonWriter &writer) const;
};

struct UserList
{
    QList<struct User> users;
    static UserList read(JsonReader &reader);
    void write(JsonWriter &writer) const;
};

struct MemberList
{
    QList<Member> members;
    static MemberList read(JsonReader &reader);
    void write(JsonWriter &writer) const;
};

// POST /channels/{id}/members {userIds}; answered {added: [userId]}.
struct AddMembers
{
    QList<Id> userIds;
    static AddMembers read(JsonReader &reader);
    void write(JsonWriter &writer) const;
};

// GET /api/v1/health: 200 {status: "ok", ...} when the server can take writes, 503 {status: "unavailable", ...}
// when it cannot (its store is not open or does not answer). For load balancers and monitoring; no token.
struct Health
{
    bool ok = false;
    QString version;
    qint64 uptimeMs = 0;
    qint64 connections = 0;
    QString storeEngine; // "sqlite"
    bool storeOk = false;
    QString storeError; // why the store is not ok; empty when it is

    static Health read(JsonReader &reader);
    void write(JsonWriter &writer) const;
};

} // namespace Natter::Wire
