#include "moderation.h"
#include "codec.h"
#include "keys.h"
#include "rest.h"
#include "restmoderation.h"
#include "../protocollimits.h"

#include <QUrl>

namespace Natter::Wire {
using namespace Qt::StringLiterals;

namespace {
    constexpr qint64 MaxDurationSeconds = 366LL * 24 * 3600;
    constexpr int MaxReasonChars = 1000;

    QString withArgs(const char *pattern, const QStringList &args)
    {
        QString p = QString::fromLatin1(pattern);
        for (const QString &arg : args) {
            const qsizetype at = p.indexOf(u"<arg>");
            if (at < 0)
                break;
            p.replace(at, 5, arg);
        }
        return p;
    }

    template<class E> void writeEnum(JsonWriter &w, E value)
    {
        const QLatin1StringView name = toName(value);
        if (name.isEmpty())
            w.null();
        else
            w.value(name);
    }
} // namespace

namespace Rest {
    QString memberMutePath(Id channel, Id user)
    {
        return withArgs(Route::MemberMute, { channel.toString(), user.toString() });
    }
    QString invitesPath()
    {
        return QString::fromLatin1(Route::Invites);
    }
    QString invitePath(const QString &code)
    {
        return withArgs(Route::Invite, { QString::fromLatin1(QUrl::toPercentEncoding(code)) });
    }
    QString messageReportPath(Id message)
    {
        return withArgs(Route::MessageReport, { message.toString() });
    }
    QString reportsPath()
    {
        return QString::fromLatin1(Route::Reports);
    }
    QString reportResolvePath(Id report)
    {
        return withArgs(Route::ReportResolve, { report.toString() });
    }
    QString adminAuditPath()
    {
        return QString::fromLatin1(Route::AdminAudit);
    }
    QString adminUsersPath()
    {
        return QString::fromLatin1(Route::AdminUsers);
    }
    QString adminUserPath(Id user)
    {
        return withArgs(Route::AdminUser, { user.toString() });
    }
    QString adminUserDeactivatePath(Id user)
    {
        return withArgs(Route::AdminUserDeactivate, { user.toString() });
    }
    QString adminUserReactivatePath(Id user)
    {
        return withArgs(Route::AdminUserReactivate, { user.toString() });
    }
    QString adminUserResetPasswordPath(Id user)
    {
        return withArgs(Route::AdminUserResetPassword, { user.toString() });
    }
    QString changePasswordPath()
    {
        return QString::fromLatin1(Route::ChangePassword);
    }
} // namespace Rest

MuteRequest MuteRequest::read(JsonReader &r)
{
    MuteRequest m;
    m.durationSeconds = r.integer(Key::DurationSeconds, 1, MaxDurationSeconds);
    m.reason = r.optionalString(Key::Reason, 0, 500).value_or(QString());
    return m;
}

void MuteRequest::write(JsonWriter &w) const
{
    w.beginObject();
    w.key(Key::DurationSeconds).value(durationSeconds);
    if (!reason.isEmpty())
        w.key(Key::Reason).value(reason);
    w.endObject();
}

MuteState MuteState::read(JsonReader &r)
{
    MuteState m;
    m.userId = r.id(Key::UserId);
    m.mutedUntil = r.time(Key::MutedUntil);
    return m;
}

void MuteState::write(JsonWriter &w) const
{
    w.beginObject();
    w.key(Key::UserId).idString(userId.value());
    writeTime(w.key(Key::MutedUntil), mutedUntil);
    w.endObject();
}

MemberRoleChange MemberRoleChange::read(JsonReader &r)
{
    return { readEnum(r, Key::Role, Role::Member, true) };
}

void MemberRoleChange::write(JsonWriter &w) const
{
    w.beginObject();
    writeEnum(w.key(Key::Role), role);
    w.endObject();
}

ServerRoleChange ServerRoleChange::read(JsonReader &r)
{
    return { readEnum(r, Key::ServerRole, ServerRole::Member, true) };
}

void ServerRoleChange::write(JsonWriter &w) const
{
    w.beginObject();
    writeEnum(w.key(Key::ServerRole), serverRole);
    w.endObject();
}

ModerationNote ModerationNote::read(JsonReader &r)
{
    return { r.optionalString(Key::Reason, 0, 500).value_or(QString()) };
}

void ModerationNote::write(JsonWriter &w) const
{
    w.beginObject();
    if (!reason.isEmpty())
        w.key(Key::Reason).value(reason);
    w.endObject();
}

PasswordReset PasswordReset::read(JsonReader &r)
{
    PasswordReset p;
    p.userId = r.id(Key::UserId);
    p.temporaryPassword = r.string(Key::TemporaryPassword, 1, 256);
    return p;
}

void PasswordReset::write(JsonWriter &w) const
{
    w.beginObject();
    w.key(Key::UserId).idString(userId.value());
    w.key(Key::TemporaryPassword).value(temporaryPassword);
    w.endObject();
}

ChangePassword ChangePassword::read(JsonReader &r)
{
    // Bounded loosely, as Credentials: the account rules give the precise reasons.
    ChangePassword c;
    c.username = r.string(Key::Username, 1, Limits::MaxUsernameChars * 4);
    c.password = r.string(Key::Password, 1, Limits::MaxPasswordChars * 4);
    c.newPassword = r.string(Key::NewPassword, 1, Limits::MaxPasswordChars * 4);
    return c;
}

void ChangePassword::write(JsonWriter &w) const
{
    w.beginObject();
    w.key(Key::Username).value(username);
    w.key(Key::Password).value(password);
    w.key(Key::NewPassword).value(newPassword);
    w.endObject();
}

PasswordChanged PasswordChanged::read(JsonReader &r)
{
    PasswordChanged p;
    p.userId = r.id(Key::UserId);
    p.token = r.string(Key::Token, 1, 1024);
    return p;
}

void PasswordChanged::write(JsonWriter &w) const
{
    w.beginObject();
    w.key(Key::UserId).idString(userId.value());
    w.key(Key::Token).value(token);
    w.endObject();
}

CreateInvite CreateInvite::read(JsonReader &r)
{
    CreateInvite c;
    c.maxUses = r.optionalInteger(Key::MaxUses, 1, 100000);
    c.expiresInSeconds = r.optionalInteger(Key::ExpiresInSeconds, 1, MaxDurationSeconds);
    return c;
}

void CreateInvite::write(JsonWriter &w) const
{
    w.beginObject();
    if (maxUses)
        w.key(Key::MaxUses).value(*maxUses);
    if (expiresInSeconds)
        w.key(Key::ExpiresInSeconds).value(*expiresInSeconds);
    w.endObject();
}

Invite Invite::read(JsonReader &r)
{
    Invite i;
    i.code = r.string(Key::Code, 1, 256);
    i.createdBy = r.optionalId(Key::CreatedBy).value_or(0);
    i.createdAt = r.time(Key::CreatedAt);
    i.expiresAt = r.time(Key::ExpiresAt);
    i.maxUses = r.integer(Key::MaxUses, 1, 100000);
    i.uses = r.integer(Key::Uses, 0, 100000);
    return i;
}

void Invite::write(JsonWriter &w) const
{
    w.beginObject();
    w.key(Key::Code).value(code);
    writeId(w.key(Key::CreatedBy), createdBy.value());
    writeTime(w.key(Key::CreatedAt), createdAt);
    writeTime(w.key(Key::ExpiresAt), expiresAt);
    w.key(Key::MaxUses).value(maxUses);
    w.key(Key::Uses).value(uses);
    w.endObject();
}

InviteList InviteList::read(JsonReader &r)
{
    return { readList<Invite>(r, Key::Invites, MaxWireListItems) };
}

void InviteList::write(JsonWriter &w) const
{
    w.beginObject();
    writeList(w.key(Key::Invites), invites);
    w.endObject();
}

ReportRequest ReportRequest::read(JsonReader &r)
{
    return { r.string(Key::Reason, 1, MaxReasonChars) };
}

void ReportRequest::write(JsonWriter &w) const
{
    w.beginObject();
    w.key(Key::Reason).value(reason);
    w.endObject();
}

Report Report::read(JsonReader &r)
{
    Report x;
    x.id = r.id(Key::Id);
    x.messageId = r.id(Key::MessageId);
    x.channelId = r.id(Key::ChannelId);
    x.reporterId = r.id(Key::ReporterId);
    x.reason = r.string(Key::Reason, 0, MaxReasonChars);
    x.createdAt = r.time(Key::CreatedAt);
    x.open = r.choice(Key::Status, { u"open"_s, u"resolved"_s }, u"open"_s) == u"open";
    x.outcome = readEnum(r, Key::Outcome, ReportOutcome::None, false);
    x.resolvedBy = r.optionalId(Key::ResolvedBy).value_or(0);
    x.resolvedAt = r.optionalTime(Key::ResolvedAt);
    x.message = readOptionalObject<Message>(r, Key::Message);
    return x;
}

void Report::write(JsonWriter &w) const
{
    w.beginObject();
    w.key(Key::Id).idString(id.value());
    w.key(Key::MessageId).idString(messageId.value());
    w.key(Key::ChannelId).idString(channelId.value());
    w.key(Key::ReporterId).idString(reporterId.value());
    w.key(Key::Reason).value(reason);
    writeTime(w.key(Key::CreatedAt), createdAt);
    w.key(Key::Status).value(open ? "open"_L1 : "resolved"_L1);
    writeEnum(w.key(Key::Outcome), outcome);
    writeId(w.key(Key::ResolvedBy), resolvedBy.value());
    writeTime(w.key(Key::ResolvedAt), resolvedAt);
    if (message)
        message->write(w.key(Key::Message));
    w.endObject();
}

ReportList ReportList::read(JsonReader &r)
{
    ReportList l;
    l.reports = readList<Report>(r, Key::Reports, MaxWireListItems);
    l.hasMore = r.boolean(Key::HasMore);
    l.open = r.integer(Key::Open, 0, std::numeric_limits<qint64>::max() / 2);
    return l;
}

void ReportList::write(JsonWriter &w) const
{
    w.beginObject();
    writeList(w.key(Key::Reports), reports);
    w.key(Key::HasMore).value(hasMore);
    w.key(Key::Open).value(open);
    w.endObject();
}

ResolveReport ResolveReport::read(JsonReader &r)
{
    ResolveReport x;
    x.action = readEnum(r, Key::Action, ReportAction::Dismiss, true);
    x.reason = r.optionalString(Key::Reason, 0, 500).value_or(QString());
    x.durationSeconds = r.optionalInteger(Key::DurationSeconds, 1, MaxDurationSeconds);
    return x;
}

void ResolveReport::write(JsonWriter &w) const
{
    w.beginObject();
    writeEnum(w.key(Key::Action), action);
    if (!reason.isEmpty())
        w.key(Key::Reason).value(reason);
    if (durationSeconds)
        w.key(Key::DurationSeconds).value(*durationSeconds);
    w.endObject();
}

AuditEntry AuditEntry::read(JsonReader &r)
{
    AuditEntry e;
    e.id = r.id(Key::Id);
    e.at = r.time(Key::At);
    e.actorId = r.optionalId(Key::ActorId).value_or(0);
    e.action = r.string(Key::Action, 1, 64);
    e.targetType = r.string(Key::TargetType, 1, 32);
    e.targetId = r.optionalId(Key::TargetId).value_or(0);
    e.channelId = r.optionalId(Key::ChannelId).value_or(0);
    e.reason = r.string(Key::Reason, 0, MaxReasonChars);
    e.detail = r.string(Key::Detail, 0, MaxWireChars);
    return e;
}

void AuditEntry::write(JsonWriter &w) const
{
    w.beginObject();
    w.key(Key::Id).idString(id.value());
    writeTime(w.key(Key::At), at);
    writeId(w.key(Key::ActorId), actorId.value());
    w.key(Key::Action).value(action);
    w.key(Key::TargetType).value(targetType);
    writeId(w.key(Key::TargetId), targetId.value());
    writeId(w.key(Key::ChannelId), channelId.value());
    w.key(Key::Reason).value(reason);
    w.key(Key::Detail).value(detail);
    w.endObject();
}

AuditPage AuditPage::read(JsonReader &r)
{
    AuditPage p;
    p.entries = readList<AuditEntry>(r, Key::Entries, MaxWireListItems);
    p.hasMore = r.boolean(Key::HasMore);
    return p;
}

void AuditPage::write(JsonWriter &w) const
{
    w.beginObject();
    writeList(w.key(Key::Entries), entries);
    w.key(Key::HasMore).value(hasMore);
    w.endObject();
}

} // namespace Natter::Wire
