#include "services/moderationservice.h"
#include "gateway/hub.h"
#include "logging.h"
#include "services/authservice.h"
#include "services/channelservice.h"
#include "services/messageeditor.h"
#include "services/views.h"
#include "store/channelstore.h"
#include "store/database.h"
#include "store/messagestore.h"
#include "store/userstore.h"

#include <common/isotime.h>
#include <common/jsonreader.h>
#include <common/protocol/audit.h>
#include <common/protocol/events.h>
#include <common/protocol/frame.h>
#include <common/protocol/keys.h>
#include <common/protocol/rest.h>
#include <common/snowflake.h>

#include <QJsonArray>
#include <QJsonDocument>

#include <sodium.h>

namespace Natter::Server {

namespace Key = Wire::Key;

namespace {
    QString randomCode(int bytes)
    {
        QByteArray raw(bytes, Qt::Uninitialized);
        randombytes_buf(raw.data(), size_t(raw.size()));
        return QString::fromLatin1(
            raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    }

    QString idString(qint64 id)
    {
        return QString::number(id);
    }

    constexpr qint64 MaxDurationSeconds = 366LL * 24 * 3600;
} // namespace

ModerationService::ModerationService(Deps deps, QObject *parent)
    : QObject(parent)
    , d(deps)
{
    connect(&d.hub, &Hub::mutesChangedElsewhere, this, [this] { d.store.forgetMutes(); });
}

std::optional<Wire::Error> ModerationService::serverAdminRefusal(qint64 actorId)
{
    if (actorId == 0)
        return std::nullopt; // the command line, run by whoever can read the data directory
    const auto actor = d.users.byId(actorId);
    if (actor && actor->isServerAdmin() && !actor->deactivatedAt)
        return std::nullopt;
    return Wire::Error::forbidden(u"only a server administrator may do this"_qs);
}

Wire::Error ModerationService::rollback()
{
    d.db.rollback();
    return Wire::Error::internal(u"the change could not be stored"_qs);
}

bool ModerationService::audit(qint64 actorId, const QString &action, const QString &targetType,
    qint64 targetId, qint64 channelId, const QString &reason, const QString &detail)
{
    return d.store.audit({ 0, nowMs(), actorId, action, targetType, targetId, channelId, reason, detail });
}

Result<Wire::Member> ModerationService::setMemberRole(
    qint64 actorId, qint64 channelId, qint64 targetId, const QJsonObject &body)
{
    JsonReader r(body);
    const QString role = r.choice(Key::Role, Wire::allNames<Wire::Role>(), QString());
    if (r.ok() && role.isEmpty())
        r.fail(u"missing field 'role'"_qs);
    if (!r.ok())
        return Wire::Error::badRequest(r.error());
    const auto allowed = d.channels.authorize(actorId, channelId, ChannelAction::SetRole, targetId, role);
    if (!allowed.ok())
        return allowed.error();
    const auto target = d.channelStore.member(channelId, targetId);
    if (target->role != role) {
        if (!d.db.begin())
            return Wire::Error::internal();
        if (!d.store.setMemberRole(channelId, targetId, role)
            || !audit(actorId, QString(Wire::Audit::MemberRole), QString(Wire::Audit::Target::User), targetId,
                channelId, {}, u"%1 -> %2"_qs.arg(target->role, role))
            || !d.db.commit()) {
            d.channelStore.invalidate(channelId);
            return rollback();
        }
        d.channelStore.invalidate(channelId);
        announceMember(channelId, targetId);
    }
    return d.views.member(*d.channelStore.member(channelId, targetId));
}

Result<QJsonObject> ModerationService::mute(
    qint64 actorId, qint64 channelId, qint64 targetId, const QJsonObject &body)
{
    JsonReader r(body);
    const qint64 seconds = r.integer(Key::DurationSeconds, 1, MaxDurationSeconds);
    const QString reason = r.optionalString(Key::Reason, 0, 500).value_or(QString());
    if (!r.ok())
        return Wire::Error::badRequest(r.error());
    const auto allowed = d.channels.authorize(actorId, channelId, ChannelAction::Mute, targetId);
    if (!allowed.ok())
        return allowed.error();
    const qint64 until = nowMs() + seconds * 1000;
    if (!d.db.begin())
        return Wire::Error::internal();
    if (!d.store.setMute(channelId, targetId, until, actorId)
        || !audit(actorId, QString(Wire::Audit::MemberMute), QString(Wire::Audit::Target::User), targetId,
            channelId, reason, u"until %1"_qs.arg(isoTime(until)))
        || !d.db.commit())
        return rollback();
    d.hub.mutesChanged();
    announceMember(channelId, targetId);
    return QJsonObject { { Key::UserId, idString(targetId) }, { Key::MutedUntil, isoTime(until) } };
}

Result<bool> ModerationService::unmute(qint64 actorId, qint64 channelId, qint64 targetId)
{
    const auto allowed = d.channels.authorize(actorId, channelId, ChannelAction::Mute, targetId);
    if (!allowed.ok())
        return allowed.error();
    if (!d.db.begin())
        return Wire::Error::internal();
    if (!d.store.clearMute(channelId, targetId)
        || !audit(actorId, QString(Wire::Audit::MemberUnmute), QString(Wire::Audit::Target::User), targetId,
            channelId)
        || !d.db.commit())
        return rollback();
    d.hub.mutesChanged();
    announceMember(channelId, targetId);
    return true;
}

Result<Wire::User> ModerationService::setDeactivated(
    qint64 actorId, qint64 userId, bool deactivated, const QString &reason)
{
    if (const auto refusal = serverAdminRefusal(actorId))
        return *refusal;
    const auto user = userId ? d.users.byId(userId) : std::nullopt;
    if (!user)
        return Wire::Error::notFound(u"no such user"_qs);
    if (deactivated && userId == actorId)
        return Wire::Error::forbidden(u"you cannot deactivate yourself"_qs);
    if (bool(user->deactivatedAt) != deactivated) {
        if (!d.db.begin())
            return Wire::Error::internal();
        if (!d.store.setDeactivated(userId, deactivated ? nowMs() : 0)
            || !audit(actorId,
                deactivated ? QString(Wire::Audit::UserDeactivate) : QString(Wire::Audit::UserReactivate),
                QString(Wire::Audit::Target::User), userId, 0, reason)
            || !d.db.commit())
            return rollback();
        d.users.forget(userId);
        d.hub.userChanged(userId);
        if (deactivated)
            d.auth.revokeSessions(userId); // tokens deleted, open connections closed with 4002
        qCInfo(lcServer) << "user" << userId << (deactivated ? "deactivated" : "reactivated") << "by"
                         << actorId;
    }
    return d.views.user(userId);
}

Result<Wire::User> ModerationService::deactivate(qint64 actorId, qint64 userId, const QString &reason)
{
    return setDeactivated(actorId, userId, true, reason);
}

Result<Wire::User> ModerationService::reactivate(qint64 actorId, qint64 userId, const QString &reason)
{
    return setDeactivated(actorId, userId, false, reason);
}

Result<Wire::User> ModerationService::setServerRole(qint64 actorId, qint64 userId, const QString &role)
{
    if (const auto refusal = serverAdminRefusal(actorId))
        return *refusal;
    if (!Wire::fromName<Wire::ServerRole>(role))
        return Wire::Error::badRequest(u"serverRole must be one of: admin, member"_qs);
    const auto user = userId ? d.users.byId(userId) : std::nullopt;
    if (!user)
        return Wire::Error::notFound(u"no such user"_qs);
    if (user->serverRole != role) {
        if (role == u"member" && user->isServerAdmin() && d.store.serverAdminCount() <= 1)
            return Wire::Error::conflict(u"a server keeps at least one administrator"_qs);
        if (!d.db.begin())
            return Wire::Error::internal();
        if (!d.store.setServerRole(userId, role)
            || !audit(actorId, QString(Wire::Audit::UserRole), QString(Wire::Audit::Target::User), userId, 0,
                {}, u"%1 -> %2"_qs.arg(user->serverRole, role))
            || !d.db.commit())
            return rollback();
        d.users.forget(userId);
        d.hub.userChanged(userId);
    }
    Wire::User out = d.views.user(userId);
    out.serverRole = Wire::fromName<Wire::ServerRole>(role);
    return out;
}

QFuture<Result<QJsonObject>> ModerationService::resetPassword(qint64 actorId, qint64 userId)
{
    using R = Result<QJsonObject>;
    if (const auto refusal = serverAdminRefusal(actorId))
        return QtFuture::makeReadyFuture(R(*refusal));
    if (!userId || !d.users.byId(userId))
        return QtFuture::makeReadyFuture(R(Wire::Error::notFound(u"no such user"_qs)));
    const QString temporary = randomCode(12);
    return d.auth.hashPassword(temporary).then(
        this, [this, actorId, userId, temporary](const QString &hash) -> R {
            if (hash.isEmpty())
                return Wire::Error::internal(u"could not hash the password"_qs);
            if (!d.db.begin())
                return Wire::Error::internal();
            if (!d.store.setPassword(userId, hash, true)
                || !audit(actorId, QString(Wire::Audit::UserResetPassword),
                    QString(Wire::Audit::Target::User), userId)
                || !d.db.commit())
                return rollback();
            d.users.forget(userId);
            d.hub.userChanged(userId);
            d.auth.revokeSessions(userId);
            return QJsonObject { { Key::UserId, idString(userId) }, { Key::TemporaryPassword, temporary } };
        });
}

QFuture<Result<QJsonObject>> ModerationService::createUser(qint64 actorId, const QJsonObject &body)
{
    using R = Result<QJsonObject>;
    if (const auto refusal = serverAdminRefusal(actorId))
        return QtFuture::makeReadyFuture(R(*refusal));
    JsonReader r(body);
    const auto credentials = Wire::Credentials::read(r);
    if (!r.ok())
        return QtFuture::makeReadyFuture(R(Wire::Error::badRequest(r.error())));
    return d.auth.createUser(credentials)
        .then(this, [this, actorId](const Result<AuthService::Session> &s) -> R {
            if (!s.ok())
                return s.error();
            const qint64 id = s.value().user.id;
            // The session the registration started is not the administrator's to keep.
            d.auth.revokeSessions(id);
            audit(actorId, QString(Wire::Audit::UserCreate), QString(Wire::Audit::Target::User), id, 0, {},
                s.value().user.username);
            const auto user = d.users.byId(id);
            return QJsonObject { { Key::Id, idString(id) }, { Key::Username, user->username },
                { Key::ServerRole, user->serverRole } };
        });
}

QJsonObject ModerationService::toJson(const ModerationStore::Invite &i)
{
    return { { Key::Code, i.code }, { Key::CreatedBy, i.createdBy ? QJsonValue(idString(i.createdBy)) : QJsonValue() },
        { Key::CreatedAt, isoTime(i.createdAt) }, { Key::ExpiresAt, isoTime(i.expiresAt) },
        { Key::MaxUses, i.maxUses }, { Key::Uses, i.uses } };
}

Result<QJsonObject> ModerationService::createInvite(qint64 actorId, const QJsonObject &body)
{
    if (const auto refusal = serverAdminRefusal(actorId))
        return *refusal;
    JsonReader r(body);
    const int maxUses = int(r.optionalInteger(Key::MaxUses, 1, 100000).value_or(1));
    const qint64 expires
        = r.optionalInteger(Key::ExpiresInSeconds, 1, MaxDurationSeconds).value_or(7 * 24 * 3600);
    if (!r.ok())
        return Wire::Error::badRequest(r.error());
    ModerationStore::Invite invite { randomCode(18), actorId, nowMs(), nowMs() + expires * 1000, maxUses, 0 };
    if (!d.db.begin())
        return Wire::Error::internal();
    if (!d.store.addInvite(invite)
        || !audit(actorId, QString(Wire::Audit::InviteCreate), QString(Wire::Audit::Target::Invite), 0, 0, {},
            u"uses %1, expires %2"_qs.arg(maxUses).arg(isoTime(invite.expiresAt)))
        || !d.db.commit())
        return rollback();
    return toJson(invite);
}

Result<QJsonObject> ModerationService::users(qint64 actorId, const QUrlQuery &query)
{
    if (const auto refusal = serverAdminRefusal(actorId))
        return *refusal;
    bool ok = true;
    const QString limitText = query.queryItemValue(Wire::Rest::Query::Limit);
    const int limit = limitText.isEmpty() ? 500 : limitText.toInt(&ok);
    if (!ok || limit < 1 || limit > 1000)
        return Wire::Error::badRequest(u"limit must be from 1 to 1000"_qs);
    QList<Wire::User> list;
    for (const UserRecord &u : d.users.search(query.queryItemValue(Wire::Rest::Query::Query).trimmed(), limit)) {
        Wire::User out = d.views.user(u);
        out.serverRole = Wire::fromName<Wire::ServerRole>(u.serverRole).value_or(Wire::ServerRole::Member);
        list.append(out);
    }
    return Wire::toJsonObject(Wire::UserList { list });
}

Result<QJsonObject> ModerationService::invites(qint64 actorId)
{
    if (const auto refusal = serverAdminRefusal(actorId))
        return *refusal;
    QJsonArray list;
    for (const auto &i : d.store.usableInvites(nowMs()))
        list.append(toJson(i));
    return QJsonObject { { Key::Invites, list } };
}

Result<bool> ModerationService::revokeInvite(qint64 actorId, const QString &code)
{
    if (const auto refusal = serverAdminRefusal(actorId))
        return *refusal;
    if (!d.store.invite(code))
        return Wire::Error::notFound(u"no such invite"_qs);
    if (!d.db.begin())
        return Wire::Error::internal();
    if (!d.store.deleteInvite(code)
        || !audit(actorId, QString(Wire::Audit::InviteRevoke), QString(Wire::Audit::Target::Invite), 0, 0, {},
            code.left(6) + u"…"_qs)
        || !d.db.commit())
        return rollback();
    return true;
}

namespace {
    QJsonObject reportJson(const ModerationStore::Report &r)
    {
        return { { Key::Id, QString::number(r.id) }, { Key::MessageId, QString::number(r.messageId) },
            { Key::ChannelId, QString::number(r.channelId) },
            { Key::ReporterId, QString::number(r.reporterId) }, { Key::Reason, r.reason },
            { Key::CreatedAt, isoTime(r.createdAt) }, { Key::Status, r.status },
            { Key::Outcome, r.outcome.isEmpty() ? QJsonValue() : QJsonValue(r.outcome) },
            { Key::ResolvedBy, r.resolvedBy ? QJsonValue(QString::number(r.resolvedBy)) : QJsonValue() },
            { Key::ResolvedAt, r.resolvedAt ? QJsonValue(isoTime(r.resolvedAt)) : QJsonValue() } };
    }
} // namespace

Result<QJsonObject> ModerationService::report(qint64 userId, qint64 messageId, const QJsonObject &body)
{
    JsonReader r(body);
    const QString reason = r.string(Key::Reason, 1, 1000).trimmed();
    if (!r.ok())
        return Wire::Error::badRequest(r.error());
    const auto message = messageId ? d.messages.byId(messageId) : std::nullopt;
    if (!message)
        return Wire::Error::notFound(u"no such message"_qs);
    // Reporting is reading: whoever may see the message may report it (a hidden channel answers 404).
    const auto allowed = d.channels.authorize(userId, message->channelId, ChannelAction::Read);
    if (!allowed.ok())
        return allowed.error().code == Wire::ErrorCode::NotFound
            ? Wire::Error::notFound(u"no such message"_qs)
            : allowed.error();
    if (message->deletedAt)
        return Wire::Error::notFound(u"that message was deleted"_qs);
    ModerationStore::Report report { d.ids.next(), messageId, message->channelId, userId, reason, nowMs(),
        u"open"_qs, {}, 0, 0 };
    if (!d.db.begin())
        return Wire::Error::internal();
    if (!d.store.addReport(report)
        || !audit(userId, QString(Wire::Audit::ReportCreate), QString(Wire::Audit::Target::Message),
            messageId, message->channelId, reason, u"report %1"_qs.arg(report.id))
        || !d.db.commit())
        return rollback();
    announceReportCount();
    return reportJson(report);
}

void ModerationService::announceMember(qint64 channelId, qint64 targetId)
{
    const auto member = d.channelStore.member(channelId, targetId);
    if (!member || !member->isValid())
        return;
    Wire::MemberUpdated event;
    event.channelId = channelId;
    event.userId = targetId;
    event.role = Wire::fromName<Wire::Role>(member->role).value_or(Wire::Role::Member);
    event.mutedUntil = d.store.mutedUntil(channelId, targetId, nowMs());
    d.hub.publishToChannel(channelId, Wire::encodeFrame(event));
}

void ModerationService::announceReportCount()
{
    const QByteArray frame = Wire::encodeFrame(Wire::ReportsCount { d.store.openReportCount() });
    for (const qint64 admin : d.store.serverAdminIds())
        d.hub.sendToUser(admin, frame);
}

Result<QJsonObject> ModerationService::reports(qint64 actorId, const QUrlQuery &query)
{
    if (const auto refusal = serverAdminRefusal(actorId))
        return *refusal;
    const QString status
        = query.queryItemValue(u"status"_qs).isEmpty() ? u"open"_qs : query.queryItemValue(u"status"_qs);
    if (status != u"open" && status != u"resolved" && status != u"all")
        return Wire::Error::badRequest(u"status must be one of: open, resolved, all"_qs);
    bool ok = true;
    const QString limitText = query.queryItemValue(u"limit"_qs);
    const int limit = limitText.isEmpty() ? 50 : limitText.toInt(&ok);
    if (!ok || limit < 1 || limit > 100)
        return Wire::Error::badRequest(u"limit must be from 1 to 100"_qs);
    const qint64 before = query.queryItemValue(u"before"_qs).toLongLong();
    QJsonArray list;
    const auto rows = d.store.reports(status == u"all" ? QString() : status, before, limit + 1);
    for (qsizetype i = 0; i < rows.size() && i < limit; ++i) {
        QJsonObject report = reportJson(rows.at(i));
        // The message as history shows it: administrators act on reports from channels they are not in.
        if (const auto message = d.messages.byId(rows.at(i).messageId))
            report.insert(Key::Message, QJsonDocument::fromJson(d.views.messageJson(*message)).object());
        list.append(report);
    }
    return QJsonObject { { Key::Reports, list }, { Key::HasMore, rows.size() > limit },
        { Key::Open, d.store.openReportCount() } };
}

Result<QJsonObject> ModerationService::resolveReport(qint64 actorId, qint64 reportId, const QJsonObject &body)
{
    if (const auto refusal = serverAdminRefusal(actorId))
        return *refusal;
    JsonReader r(body);
    const QString action
        = r.choice(Key::Action, { u"dismiss"_qs, u"delete"_qs, u"mute"_qs, u"deactivate"_qs }, QString());
    const QString reason = r.optionalString(Key::Reason, 0, 500).value_or(QString());
    const qint64 seconds = r.optionalInteger(Key::DurationSeconds, 1, MaxDurationSeconds).value_or(3600);
    if (r.ok() && action.isEmpty())
        r.fail(u"missing field 'action'"_qs);
    if (!r.ok())
        return Wire::Error::badRequest(r.error());
    const auto report = reportId ? d.store.report(reportId) : std::nullopt;
    if (!report)
        return Wire::Error::notFound(u"no such report"_qs);
    if (report->status != u"open")
        return Wire::Error::conflict(u"this report has already been resolved"_qs);
    const auto message = d.messages.byId(report->messageId);
    const qint64 authorId = message ? message->authorId : 0;
    QString outcome = u"dismissed"_qs;
    if (action == u"delete") {
        if (message && !message->deletedAt) {
            const auto removed = d.editor.remove(actorId, report->messageId, true, reason);
            if (!removed.ok())
                return removed.error();
        }
        outcome = u"deleted"_qs;
    } else if (action == u"mute") {
        const qint64 until = nowMs() + seconds * 1000;
        if (!d.db.begin())
            return Wire::Error::internal();
        if (!d.store.setMute(report->channelId, authorId, until, actorId)
            || !audit(actorId, QString(Wire::Audit::MemberMute), QString(Wire::Audit::Target::User), authorId,
                report->channelId, reason, u"until %1"_qs.arg(isoTime(until)))
            || !d.db.commit())
            return rollback();
        d.hub.mutesChanged();
        announceMember(report->channelId, authorId);
        outcome = u"muted"_qs;
    } else if (action == u"deactivate") {
        const auto done = setDeactivated(actorId, authorId, true, reason);
        if (!done.ok())
            return done.error();
        outcome = u"deactivated"_qs;
    }
    if (!d.db.begin())
        return Wire::Error::internal();
    if (!d.store.resolveReport(reportId, outcome, actorId, nowMs())
        || !audit(actorId, QString(Wire::Audit::ReportResolve), QString(Wire::Audit::Target::Report),
            reportId, report->channelId, reason, outcome)
        || !d.db.commit())
        return rollback();
    d.hub.sendToUser(
        report->reporterId, Wire::encodeFrame(Wire::ReportResolved { reportId, report->messageId, outcome }));
    announceReportCount();
    return reportJson(*d.store.report(reportId));
}

QJsonObject ModerationService::toJson(const ModerationStore::AuditEntry &e)
{
    return { { Key::Id, QString::number(e.id) }, { Key::At, isoTime(e.at) },
        { Key::ActorId, e.actorId ? QJsonValue(QString::number(e.actorId)) : QJsonValue() },
        { Key::Action, e.action }, { Key::TargetType, e.targetType },
        { Key::TargetId, e.targetId ? QJsonValue(QString::number(e.targetId)) : QJsonValue() },
        { Key::ChannelId, e.channelId ? QJsonValue(QString::number(e.channelId)) : QJsonValue() },
        { Key::Reason, e.reason }, { Key::Detail, e.detail } };
}

Result<QJsonObject> ModerationService::auditLog(qint64 actorId, const QUrlQuery &query)
{
    if (const auto refusal = serverAdminRefusal(actorId))
        return *refusal;
    bool ok = true;
    const QString limitText = query.queryItemValue(u"limit"_qs);
    const int limit = limitText.isEmpty() ? 100 : limitText.toInt(&ok);
    if (!ok || limit < 1 || limit > 1000)
        return Wire::Error::badRequest(u"limit must be from 1 to 1000"_qs);
    const qint64 before = query.queryItemValue(u"before"_qs).toLongLong();
    const auto rows = d.store.auditLog(before, limit + 1);
    QJsonArray list;
    for (qsizetype i = 0; i < rows.size() && i < limit; ++i)
        list.append(toJson(rows.at(i)));
    return QJsonObject { { Key::Entries, list }, { Key::HasMore, rows.size() > limit } };
}

QFuture<Result<QJsonObject>> ModerationService::runCommand(const QJsonObject &c)
{
    using R = Result<QJsonObject>;
    const auto ready = [](R r) { return QtFuture::makeReadyFuture(std::move(r)); };
    const QString command = c.value(u"command").toString();
    const QString username = c.value(Key::Username).toString();
    const auto userJson = [](const Result<Wire::User> &u) -> R {
        if (!u.ok())
            return u.error();
        QJsonObject o { { Key::Id, QString::number(u.value().id.value()) },
            { Key::Username, u.value().username }, { Key::Deactivated, u.value().deactivated } };
        if (u.value().serverRole)
            o.insert(Key::ServerRole, QString(Wire::toName(*u.value().serverRole)));
        return o;
    };
    if (command == u"create-user")
        return createUser(0, c);
    if (command == u"invite")
        return ready(createInvite(0, c));
    if (command == u"audit") {
        QUrlQuery q;
        if (c.contains(u"limit"))
            q.addQueryItem(u"limit"_qs, QString::number(c.value(u"limit").toInt()));
        return ready(auditLog(0, q));
    }
    const auto id = d.store.userIdByName(username);
    if (!id)
        return ready(Wire::Error::notFound(u"no such user: %1"_qs.arg(username)));
    const QString reason = c.value(Key::Reason).toString();
    if (command == u"reset-password")
        return resetPassword(0, *id);
    if (command == u"set-role")
        return ready(userJson(setServerRole(0, *id, c.value(Key::Role).toString())));
    if (command == u"deactivate")
        return ready(userJson(deactivate(0, *id, reason)));
    if (command == u"reactivate")
        return ready(userJson(reactivate(0, *id, reason)));
    return ready(Wire::Error::badRequest(u"unknown command '%1'"_qs.arg(command)));
}

} // namespace Natter::Server
