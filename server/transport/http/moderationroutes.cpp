#include "transport/http/moderationroutes.h"
#include "services/authservice.h"
#include "services/moderationservice.h"
#include "transport/http/authed.h"
#include "transport/http/connectionadmission.h"
#include "transport/http/httpjson.h"

#include <common/protocol/keys.h>
#include <common/protocol/rest.h>
#include <common/protocol/restmoderation.h>

#include <QHttpServer>
#include <QPointer>
#include <QTcpSocket>

#include <sodium.h>

namespace Natter::Server {

using Method = QHttpServerRequest::Method;
namespace Route = Wire::Rest::Route;
using namespace HttpJson;

namespace {
QHttpServerResponse answer(const Result<QJsonObject> &r, int status = 200)
{
    return r.ok() ? json(r.value(), status) : error(r.error());
}

// Answers later, once a password hash is ready; a client that hung up is not answered.
class Later
{
public:
    explicit Later(QHttpServerResponder &&responder)
        : m_socket(responder.socket())
        , m_responder(std::make_shared<QHttpServerResponder>(std::move(responder)))
    {
    }
    void resolve(const QHttpServerResponse &response) const
    {
        if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState)
            response.write(std::move(*m_responder));
    }

private:
    QPointer<QTcpSocket> m_socket;
    std::shared_ptr<QHttpServerResponder> m_responder;
};

QJsonObject bodyOrEmpty(const QHttpServerRequest &req, std::optional<Wire::Error> *problem)
{
    if (req.body().trimmed().isEmpty())
        return {};
    const auto b = HttpJson::body(req);
    if (!b.ok())
        *problem = b.error();
    return b.ok() ? b.value() : QJsonObject();
}
} // namespace

ModerationRoutes::ModerationRoutes(AuthService &auth, ModerationService &moderation)
    : m_auth(auth)
    , m_moderation(moderation)
{
}

void ModerationRoutes::install(QHttpServer &http)
{
    http.route(Route::ChangePassword, Method::Post,
        [this](const QHttpServerRequest &req, QHttpServerResponder &&responder) {
            Later later(std::move(responder));
            const auto body = HttpJson::body(req);
            if (!body.ok())
                return later.resolve(error(body.error()));
            JsonReader r(body.value());
            const auto credentials = Wire::Credentials::read(r);
            const QString newPassword = r.string(Wire::Key::NewPassword, 1, 4096);
            if (!r.ok())
                return later.resolve(error(Wire::Error::badRequest(r.error())));
            m_auth.changePassword(credentials, newPassword, ConnectionAdmission::clientKey(m_admission, req))
                .then(&m_auth, [later](const Result<AuthService::Session> &s) {
                    if (!s.ok())
                        return later.resolve(error(s.error()));
                    later.resolve(json(QJsonObject { { Wire::Key::UserId, QString::number(s.value().user.id) },
                        { Wire::Key::Token, s.value().token } }));
                });
        });
    http.route(Route::ChannelMember, Method::Patch,
        authed<QString, QString>(m_auth,
            [this](const Caller &me, const QString &id, const QString &userId, const QHttpServerRequest &req) {
                const auto body = HttpJson::body(req);
                if (!body.ok())
                    return error(body.error());
                return fromResult(m_moderation.setMemberRole(me.id, pathId(id), pathId(userId), body.value()));
            }));
    http.route(Route::MemberMute, Method::Post,
        authed<QString, QString>(m_auth,
            [this](const Caller &me, const QString &id, const QString &userId, const QHttpServerRequest &req) {
                const auto body = HttpJson::body(req);
                if (!body.ok())
                    return error(body.error());
                return answer(m_moderation.mute(me.id, pathId(id), pathId(userId), body.value()));
            }));
    http.route(Route::MemberMute, Method::Delete,
        authed<QString, QString>(m_auth,
            [this](const Caller &me, const QString &id, const QString &userId, const QHttpServerRequest &) {
                const auto r = m_moderation.unmute(me.id, pathId(id), pathId(userId));
                return r.ok() ? noContent() : error(r.error());
            }));
    http.route(Route::Invites, Method::Post, authed(m_auth, [this](const Caller &me, const QHttpServerRequest &req) {
        std::optional<Wire::Error> problem;
        const QJsonObject body = bodyOrEmpty(req, &problem);
        return problem ? error(*problem) : answer(m_moderation.createInvite(me.id, body), 201);
    }));
    http.route(Route::Invites, Method::Get, authed(m_auth, [this](const Caller &me, const QHttpServerRequest &) {
        return answer(m_moderation.invites(me.id));
    }));
    http.route(Route::Invite, Method::Delete,
        authed<QString>(m_auth, [this](const Caller &me, const QString &code, const QHttpServerRequest &) {
            const auto r = m_moderation.revokeInvite(me.id, QUrl::fromPercentEncoding(code.toUtf8()));
            return r.ok() ? noContent() : error(r.error());
        }));
    http.route(Route::AdminUsers, Method::Get, authed(m_auth, [this](const Caller &me, const QHttpServerRequest &req) {
        return answer(m_moderation.users(me.id, req.query()));
    }));
    http.route(Route::MessageReport, Method::Post,
        authed<QString>(m_auth, [this](const Caller &me, const QString &id, const QHttpServerRequest &req) {
            const auto body = HttpJson::body(req);
            if (!body.ok())
                return error(body.error());
            return answer(m_moderation.report(me.id, pathId(id), body.value()), 201);
        }));
    http.route(Route::Reports, Method::Get, authed(m_auth, [this](const Caller &me, const QHttpServerRequest &req) {
        return answer(m_moderation.reports(me.id, req.query()));
    }));
    http.route(Route::ReportResolve, Method::Post,
        authed<QString>(m_auth, [this](const Caller &me, const QString &id, const QHttpServerRequest &req) {
            const auto body = HttpJson::body(req);
            if (!body.ok())
                return error(body.error());
            return answer(m_moderation.resolveReport(me.id, pathId(id), body.value()));
        }));
    http.route(Route::AdminAudit, Method::Get, authed(m_auth, [this](const Caller &me, const QHttpServerRequest &req) {
        return answer(m_moderation.auditLog(me.id, req.query()));
    }));
    http.route(Route::AdminUser, Method::Patch,
        authed<QString>(m_auth, [this](const Caller &me, const QString &id, const QHttpServerRequest &req) {
            const auto body = HttpJson::body(req);
            if (!body.ok())
                return error(body.error());
            JsonReader r(body.value());
            const QString role = r.string(Wire::Key::ServerRole, 1, 16);
            if (!r.ok())
                return error(Wire::Error::badRequest(r.error()));
            return fromResult(m_moderation.setServerRole(me.id, pathId(id), role));
        }));
    for (const bool deactivate : { true, false }) {
        http.route(deactivate ? Route::AdminUserDeactivate : Route::AdminUserReactivate, Method::Post,
            authed<QString>(m_auth,
                [this, deactivate](const Caller &me, const QString &id, const QHttpServerRequest &req) {
                    std::optional<Wire::Error> problem;
                    const QJsonObject body = bodyOrEmpty(req, &problem);
                    if (problem)
                        return error(*problem);
                    const QString reason = body.value(Wire::Key::Reason).toString();
                    return fromResult(deactivate ? m_moderation.deactivate(me.id, pathId(id), reason)
                                                 : m_moderation.reactivate(me.id, pathId(id), reason));
                }));
    }
    http.route(Route::AdminUserResetPassword, Method::Post,
        authedResponder<QString>(m_auth,
            [this](const Caller &me, const QString &id, const QHttpServerRequest &, QHttpServerResponder &&responder) {
                Later later(std::move(responder));
                m_moderation.resetPassword(me.id, pathId(id)).then(&m_moderation, [later](const Result<QJsonObject> &r) {
                    later.resolve(answer(r));
                });
            }));
    http.route(Route::AdminLocal, Method::Post,
        [this](const QHttpServerRequest &req, QHttpServerResponder &&responder) {
            Later later(std::move(responder));
            const QByteArray token = HttpJson::bearerToken(req);
            // Loopback only, and only with the data directory's secret (compared in constant time).
            if (!req.remoteAddress().isLoopback() || m_localToken.isEmpty() || token.size() != m_localToken.size()
                || sodium_memcmp(token.constData(), m_localToken.constData(), size_t(token.size())) != 0)
                return later.resolve(error(Wire::Error::unauthorized()));
            const auto body = HttpJson::body(req);
            if (!body.ok())
                return later.resolve(error(body.error()));
            m_moderation.runCommand(body.value()).then(&m_moderation, [later](const Result<QJsonObject> &r) {
                later.resolve(answer(r));
            });
        });
}

} // namespace Natter::Server
