#pragma once

#include "store/moderationstore.h"
#include "store/records.h"

#include <common/protocol/channel.h>
#include <common/protocol/error.h>
#include <common/result.h>

#include <QFuture>
#include <QJsonObject>
#include <QObject>
#include <QUrlQuery>

class SnowflakeGenerator;

namespace Natter::Server {

class AuthService;
class ChannelService;
class ChannelStore;
class Database;
class Hub;
class MessageEditor;
class MessageStore;
class UserStore;
class Views;

// Moderation and administration (issue 16): channel roles and mutes, the server administrator's actions on
// accounts, invites, reports and the audit log. Every action goes through ChannelService::authorize() (channel
// actions) or serverAdminRefusal() (server actions) and is written to the audit log once, in the same
// transaction as the change. ACTORID 0 is the server's own command line (natter-server admin).
class ModerationService : public QObject
{
    Q_OBJECT
public:
    struct Deps
    {
        Database &db;
        ModerationStore &store;
        UserStore &users;
        ChannelStore &channelStore;
        MessageStore &messages;
        ChannelService &channels;
        MessageEditor &editor;
        AuthService &auth;
        Hub &hub;
        Views &views;
        SnowflakeGenerator &ids;
    };
    explicit ModerationService(Deps deps, QObject *parent = nullptr);

    // nullopt when ACTORID is a server administrator (or 0, the command line), else 403.
    std::optional<Wire::Error> serverAdminRefusal(qint64 actorId);

    // Channels.
    Result<Wire::Member> setMemberRole(qint64 actorId, qint64 channelId, qint64 targetId, const QJsonObject &body);
    Result<QJsonObject> mute(qint64 actorId, qint64 channelId, qint64 targetId, const QJsonObject &body);
    Result<bool> unmute(qint64 actorId, qint64 channelId, qint64 targetId);

    // Accounts (server administrators).
    Result<Wire::User> deactivate(qint64 actorId, qint64 userId, const QString &reason);
    Result<Wire::User> reactivate(qint64 actorId, qint64 userId, const QString &reason);
    Result<Wire::User> setServerRole(qint64 actorId, qint64 userId, const QString &role);
    // A temporary password (the answer's temporaryPassword); the user must choose a new one at next login.
    QFuture<Result<QJsonObject>> resetPassword(qint64 actorId, qint64 userId);
    QFuture<Result<QJsonObject>> createUser(qint64 actorId, const QJsonObject &body);

    // Every account with its server role and state, for the administration window: {users}; QUERY narrows
    // by username or display name (prefix), LIMIT 1-1000 (default 500).
    Result<QJsonObject> users(qint64 actorId, const QUrlQuery &query);

    // Invites: {maxUses?, expiresInSeconds?}.
    Result<QJsonObject> createInvite(qint64 actorId, const QJsonObject &body);
    // The invites still usable: {invites}. A revoked invite is deleted (and audited).
    Result<QJsonObject> invites(qint64 actorId);
    Result<bool> revokeInvite(qint64 actorId, const QString &code);

    // Reports.
    Result<QJsonObject> report(qint64 userId, qint64 messageId, const QJsonObject &body);
    Result<QJsonObject> reports(qint64 actorId, const QUrlQuery &query);
    Result<QJsonObject> resolveReport(qint64 actorId, qint64 reportId, const QJsonObject &body);

    Result<QJsonObject> auditLog(qint64 actorId, const QUrlQuery &query);

    // `natter-server admin` through a running server: {command, ...} -> the answer.
    QFuture<Result<QJsonObject>> runCommand(const QJsonObject &command);

    static QJsonObject toJson(const ModerationStore::AuditEntry &e);
    static QJsonObject toJson(const ModerationStore::Invite &i);

private:
    bool audit(qint64 actorId, const QString &action, const QString &targetType, qint64 targetId,
        qint64 channelId = 0, const QString &reason = {}, const QString &detail = {});
    Result<Wire::User> setDeactivated(qint64 actorId, qint64 userId, bool deactivated, const QString &reason);
    void announceReportCount();
    // member.updated to the channel's members: TARGETID's role or mute changed (docs/protocol.md).
    void announceMember(qint64 channelId, qint64 targetId);
    Wire::Error rollback();

    Deps d;
};

} // namespace Natter::Server
