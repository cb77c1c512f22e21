#pragma once

#include "enums.h"
#include "id.h"
#include "message.h"
#include "user.h"

#include <QList>
#include <QString>

#include <optional>

class JsonReader;
class JsonWriter;

// The bodies and answers of moderation and administration (docs/protocol.md, "Moderation"), and the paths a
// client calls for them. The server's route patterns are in restmoderation.h.
namespace Natter::Wire {

namespace Rest {
    QString memberMutePath(Id channel, Id user);
    QString invitesPath();
    QString invitePath(const QString &code);
    QString messageReportPath(Id message);
    QString reportsPath();
    QString reportResolvePath(Id report);
    QString adminAuditPath();
    QString adminUsersPath();
    QString adminUserPath(Id user);
    QString adminUserDeactivatePath(Id user);
    QString adminUserReactivatePath(Id user);
    QString adminUserResetPasswordPath(Id user);
    QString changePasswordPath();
    namespace Query {
        inline constexpr QLatin1StringView Status = "status"_L1; // reports: open, resolved, all
    }
} // namespace Rest

enum class ReportAction : quint8 { Dismiss, Delete, Mute, Deactivate };
template<> struct EnumNames<ReportAction>
{
    static constexpr std::pair<ReportAction, QLatin1StringView> Table[] = { { ReportAction::Dismiss, "dismiss"_L1 },
        { ReportAction::Delete, "delete"_L1 }, { ReportAction::Mute, "mute"_L1 },
        { ReportAction::Deactivate, "deactivate"_L1 } };
};

enum class ReportOutcome : quint8 { None, Dismissed, Deleted, Muted, Deactivated };
template<> struct EnumNames<ReportOutcome>
{
    static constexpr std::pair<ReportOutcome, QLatin1StringView> Table[]
        = { { ReportOutcome::Dismissed, "dismissed"_L1 }, { ReportOutcome::Deleted, "deleted"_L1 },
              { ReportOutcome::Muted, "muted"_L1 }, { ReportOutcome::Deactivated, "deactivated"_L1 } };
};

// POST /channels/{id}/members/{userId}/mute {durationSeconds, reason?}.
struct MuteRequest
{
    qint64 durationSeconds = 0;
    QString reason; // empty when not given

    static MuteRequest read(JsonReader &reader);
    void write(JsonWriter &writer) const;
};

// Its answer: {userId, mutedUntil}.
struct MuteState
{
    Id userId;
    qint64 mutedUntil = 0;

    static MuteState read(JsonReader &reader);
    void write(JsonWriter &writer) const;
};

// PATCH /channels/{id}/members/{userId} {role}.
struct MemberRoleChange
{
    Role role = Role::Member;

    static MemberRoleChange read(JsonReader &reader);
    void write(JsonWriter &writer) const;
};

// PATCH /admin/users/{id} {serverRole}.
struct ServerRoleChange
{
    ServerRole serverRole = ServerRole::Member;

    static ServerRoleChange read(JsonReader &reader);
    void write(JsonWriter &writer) const;
};

// The optional body of deactivate and reactivate: {reason?}.
struct ModerationNote
{
    QString reason;

    static ModerationNote read(JsonReader &reader);
    void write(JsonWriter &writer) const;
};

// The answer to POST /admin/users/{id}/reset-password.
struct PasswordReset
{
    Id userId;
    QString temporaryPassword;

    static PasswordReset read(JsonReader &reader);
    void write(JsonWriter &writer) const;
};

// POST /auth/password {username, password, newPassword}: after an administrator's reset (login answered 403
// password_change_required), or any user changing their own password.
struct ChangePassword
{
    QString username;
    QString password;
    QString newPassword;

    static ChangePassword read(JsonReader &reader);
    void write(JsonWriter &writer) const;
};

// The answer to POST /auth/password: the new session, {userId, token} (no user object, unlike login).
struct PasswordChanged
{
    Id userId;
    QString token;

    static PasswordChanged read(JsonReader &reader);
    void write(JsonWriter &writer) const;
};

// POST /invites {maxUses?, expiresInSeconds?}.
struct CreateInvite
{
    std::optional<qint64> maxUses;
    std::optional<qint64> expiresInSeconds;

    static CreateInvite read(JsonReader &reader);
    void write(JsonWriter &writer) const;
};

// An invite: {code, createdBy (null for the command line), createdAt, expiresAt, maxUses, uses}.
struct Invite
{
    QString code;
    Id createdBy;
    qint64 createdAt = 0;
    qint64 expiresAt = 0;
    qint64 maxUses = 1;
    qint64 uses = 0;

    static Invite read(JsonReader &reader);
    void write(JsonWriter &writer) const;
    friend bool operator==(const Invite &, const Invite &) = default;
};

// GET /invites: {invites}, the ones still usable, newest first.
struct InviteList
{
    QList<Invite> invites;

    static InviteList read(JsonReader &reader);
    void write(JsonWriter &writer) const;
};

// POST /messages/{id}/report {reason}.
struct ReportRequest
{
    QString reason;

    static ReportRequest read(JsonReader &reader);
    void write(JsonWriter &writer) const;
};

struct Report
{
    Id id;
    Id messageId;
    Id channelId;
    Id reporterId;
    QString reason;
    qint64 createdAt = 0;
    bool open = true; // status: "open" | "resolved"
    ReportOutcome outcome = ReportOutcome::None;
    Id resolvedBy;
    qint64 resolvedAt = 0;
    // GET /reports only: the reported message as history shows it (a tombstone once deleted), so that an
    // administrator who is not in the channel sees what was reported. Absent when it no longer exists.
    std::optional<Message> message;

    static Report read(JsonReader &reader);
    void write(JsonWriter &writer) const;
    friend bool operator==(const Report &, const Report &) = default;
};

// GET /reports: {reports, hasMore, open (the number of open reports)}.
struct ReportList
{
    QList<Report> reports;
    bool hasMore = false;
    qint64 open = 0;

    static ReportList read(JsonReader &reader);
    void write(JsonWriter &writer) const;
};

// POST /reports/{id}/resolve {action, reason?, durationSeconds?}.
struct ResolveReport
{
    ReportAction action = ReportAction::Dismiss;
    QString reason;
    std::optional<qint64> durationSeconds; // mute only

    static ResolveReport read(JsonReader &reader);
    void write(JsonWriter &writer) const;
};

struct AuditEntry
{
    Id id;
    qint64 at = 0;
    Id actorId; // invalid: the command line
    QString action; // audit.h
    QString targetType;
    Id targetId;
    Id channelId;
    QString reason;
    QString detail;

    static AuditEntry read(JsonReader &reader);
    void write(JsonWriter &writer) const;
    friend bool operator==(const AuditEntry &, const AuditEntry &) = default;
};

// GET /admin/audit: {entries, hasMore}, newest first.
struct AuditPage
{
    QList<AuditEntry> entries;
    bool hasMore = false;

    static AuditPage read(JsonReader &reader);
    void write(JsonWriter &writer) const;
};

} // namespace Natter::Wire
