#include "session/moderation.h"
#include "logging.h"
#include "net/apiclient.h"

#include <common/protocol/codec.h>
#include <common/protocol/rest.h>

#include <QUrlQuery>

namespace Natter::Client {

Q_LOGGING_CATEGORY(lcModeration, "natter.client.moderation", QtWarningMsg)

namespace {
QString failure(const ApiResult &result)
{
    if (result.networkError) return Moderation::tr("The server cannot be reached right now.");
    if (result.status == 403 && !result.errorMessage.isEmpty())
        return Moderation::tr("Not allowed: %1").arg(result.errorMessage);
    if (!result.errorMessage.isEmpty()) return result.errorMessage;
    return Moderation::tr("The server refused (%1).").arg(result.status);
}

template<class T> std::optional<T> answerAs(const ApiResult &result, QString *error)
{
    if (!result.ok()) {
        *error = failure(result);
        return std::nullopt;
    }
    QString problem;
    std::optional<T> value = Wire::decode<T>(result.json, &problem);
    if (!value) {
        qCWarning(lcModeration) << "unexpected answer:" << problem;
        *error = Moderation::tr("The server sent an answer Natter does not understand.");
    }
    return value;
}

// Calls DONE with T decoded from the answer (or a default T and the sentence).
template<class T, class R = T>
ApiClient::Callback decoded(Moderation::Answer<R> done, std::type_identity_t<std::function<R(const T &)>> pick)
{
    return [done, pick](const ApiResult &result) {
        QString error;
        const std::optional<T> value = answerAs<T>(result, &error);
        done(value ? pick(*value) : R(), error);
    };
}

ApiClient::Callback plain(Moderation::Done done)
{
    return [done](const ApiResult &result) { done(result.ok() ? QString() : failure(result)); };
}
}

Moderation::Moderation(ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_api(api)
{
}

void Moderation::refresh()
{
    m_api->get(Wire::Rest::mePath(), {}, this, [this](const ApiResult &result) {
        QString error;
        const auto me = answerAs<Wire::User>(result, &error);
        if (!me) return;
        const bool admin = me->serverRole == Wire::ServerRole::Admin;
        if (admin != m_serverAdmin) {
            m_serverAdmin = admin;
            emit serverRoleChanged(admin);
        }
        if (!admin) {
            applyReportsCount(0);
            return;
        }
        QUrlQuery q;
        q.addQueryItem(Wire::Rest::Query::Limit, u"1"_qs);
        m_api->get(Wire::Rest::reportsPath(), q, this, [this](const ApiResult &r) {
            QString e;
            if (const auto list = answerAs<Wire::ReportList>(r, &e)) applyReportsCount(list->open);
        });
    });
}

void Moderation::report(Wire::Id messageId, const QString &reason, Done done)
{
    m_api->post(Wire::Rest::messageReportPath(messageId), Wire::encode(Wire::ReportRequest { reason.trimmed() }),
        this, plain(done));
}

void Moderation::setMemberRole(Wire::Id channel, Wire::Id user, Wire::Role role, Done done)
{
    m_api->patch(Wire::Rest::channelMemberPath(channel, user), Wire::encode(Wire::MemberRoleChange { role }), this,
        plain(done));
}

void Moderation::mute(Wire::Id channel, Wire::Id user, qint64 seconds, const QString &reason, Answer<qint64> done)
{
    m_api->post(Wire::Rest::memberMutePath(channel, user), Wire::encode(Wire::MuteRequest { seconds, reason }), this,
        decoded<Wire::MuteState, qint64>(done, [](const Wire::MuteState &s) { return s.mutedUntil; }));
}

void Moderation::unmute(Wire::Id channel, Wire::Id user, Done done)
{
    m_api->del(Wire::Rest::memberMutePath(channel, user), this, plain(done));
}

void Moderation::setReadOnly(Wire::Id channel, bool readOnly, Done done)
{
    Wire::ChannelSettings settings;
    settings.readOnly = readOnly;
    m_api->patch(Wire::Rest::channelPath(channel), Wire::encode(settings), this, plain(done));
}

void Moderation::users(const QString &query, Answer<QList<Wire::User>> done)
{
    QUrlQuery q;
    if (!query.trimmed().isEmpty()) q.addQueryItem(Wire::Rest::Query::Query, query.trimmed());
    m_api->get(Wire::Rest::adminUsersPath(), q, this,
        decoded<Wire::UserList, QList<Wire::User>>(done, [](const Wire::UserList &l) { return l.users; }));
}

void Moderation::setDeactivated(Wire::Id user, bool deactivated, const QString &reason, Answer<Wire::User> done)
{
    m_api->post(deactivated ? Wire::Rest::adminUserDeactivatePath(user) : Wire::Rest::adminUserReactivatePath(user),
        Wire::encode(Wire::ModerationNote { reason }), this,
        decoded<Wire::User>(done, [](const Wire::User &u) { return u; }));
}

void Moderation::setServerRole(Wire::Id user, Wire::ServerRole role, Answer<Wire::User> done)
{
    m_api->patch(Wire::Rest::adminUserPath(user), Wire::encode(Wire::ServerRoleChange { role }), this,
        decoded<Wire::User>(done, [](const Wire::User &u) { return u; }));
}

void Moderation::resetPassword(Wire::Id user, Answer<QString> done)
{
    m_api->post(Wire::Rest::adminUserResetPasswordPath(user), {}, this,
        decoded<Wire::PasswordReset, QString>(done, [](const Wire::PasswordReset &r) { return r.temporaryPassword; }));
}

void Moderation::createInvite(int maxUses, qint64 expiresInSeconds, Answer<Wire::Invite> done)
{
    m_api->post(Wire::Rest::invitesPath(), Wire::encode(Wire::CreateInvite { maxUses, expiresInSeconds }), this,
        decoded<Wire::Invite>(done, [](const Wire::Invite &i) { return i; }));
}

void Moderation::invites(Answer<QList<Wire::Invite>> done)
{
    m_api->get(Wire::Rest::invitesPath(), {}, this,
        decoded<Wire::InviteList, QList<Wire::Invite>>(done, [](const Wire::InviteList &l) { return l.invites; }));
}

void Moderation::revokeInvite(const QString &code, Done done)
{
    m_api->del(Wire::Rest::invitePath(code), this, plain(done));
}

void Moderation::reports(bool openOnly, Wire::Id before, Answer<Wire::ReportList> done)
{
    QUrlQuery q;
    q.addQueryItem(Wire::Rest::Query::Status, openOnly ? u"open"_qs : u"all"_qs);
    if (before.isValid()) q.addQueryItem(Wire::Rest::Query::Before, before.toString());
    m_api->get(Wire::Rest::reportsPath(), q, this, decoded<Wire::ReportList>(done, [this](const Wire::ReportList &l) {
        if (l.open != m_openReports) applyReportsCount(l.open);
        return l;
    }));
}

void Moderation::resolveReport(Wire::Id report, Wire::ReportAction action, const QString &reason, qint64 muteSeconds,
    Answer<Wire::Report> done)
{
    Wire::ResolveReport body { action, reason, std::nullopt };
    if (action == Wire::ReportAction::Mute && muteSeconds > 0) body.durationSeconds = muteSeconds;
    m_api->post(Wire::Rest::reportResolvePath(report), Wire::encode(body), this,
        decoded<Wire::Report>(done, [](const Wire::Report &r) { return r; }));
}

void Moderation::audit(Wire::Id before, int limit, Answer<Wire::AuditPage> done)
{
    QUrlQuery q;
    q.addQueryItem(Wire::Rest::Query::Limit, QString::number(limit));
    if (before.isValid()) q.addQueryItem(Wire::Rest::Query::Before, before.toString());
    m_api->get(Wire::Rest::adminAuditPath(), q, this, decoded<Wire::AuditPage>(done, [](const Wire::AuditPage &p) { return p; }));
}

QUrl Moderation::inviteLink(const QUrl &server, const QString &code)
{
    QUrl link = server;
    link.setPath(u"/"_qs);
    QUrlQuery q;
    q.addQueryItem(u"invite"_qs, code);
    link.setQuery(q);
    return link;
}

void Moderation::applyReportsCount(qint64 open)
{
    if (open == m_openReports) return;
    m_openReports = open;
    emit openReportsChanged(open);
}

QString Moderation::outcomeSentence(const QString &outcome)
{
    if (outcome == u"deleted") return tr("Thank you: the message you reported was deleted.");
    if (outcome == u"muted") return tr("Thank you: the author of the message you reported was muted in that channel.");
    if (outcome == u"deactivated") return tr("Thank you: the account of the author you reported was deactivated.");
    return tr("Your report was reviewed; no action was taken.");
}

void Moderation::applyReportResolved(const Wire::ReportResolved &event)
{
    emit reportResolved(event.reportId, event.messageId, outcomeSentence(event.outcome));
}

void Moderation::applyMemberUpdated(const Wire::MemberUpdated &event)
{
    emit memberUpdated(event.channelId, event.userId, event.role, event.mutedUntil);
}

} // namespace Natter::Client
