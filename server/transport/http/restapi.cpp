#include "transport/http/restapi.h"
#include "transport/http/authed.h"
#include "services/authservice.h"
#include "services/channelservice.h"
#include "transport/http/httpjson.h"
#include "services/channelsettings.h"
#include "services/messageeditor.h"
#include "services/pinservice.h"
#include "services/messageservice.h"
#include "services/searchservice.h"
#include "store/userstore.h"
#include "services/views.h"

#include <common/protocol/frame.h>
#include <common/protocol/requests.h>
#include <jsonreader.h>
#include <protocollimits.h>
#include <snowflake.h>

#include <QHttpServer>
#include <QJsonArray>
#include <QPointer>
#include <QTcpSocket>

namespace Natter::Server {

using Method = QHttpServerRequest::Method;
using namespace HttpJson;

namespace {
// Holds a request's responder until an asynchronous answer (a password hash, a group commit) is ready.
// Qt 6.4's QFuture-returning handlers crash when the future completes from a continuation, so this is done by
// hand. A client that hung up meanwhile is simply not answered.
class Deferred
{
public:
    explicit Deferred(QHttpServerResponder &&responder)
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

QJsonObject sessionJson(const Views &views, const AuthService::Session &session)
{
    return { { u"user"_qs, views.user(session.user) }, { u"token"_qs, session.token } };
}
} // namespace

RestApi::RestApi(Services s)
    : m_auth(s.auth)
    , m_channels(s.channels)
    , m_messages(s.messages)
    , m_editor(s.editor)
    , m_pins(s.pins)
    , m_settings(s.settings)
    , m_search(s.search)
    , m_users(s.users)
    , m_views(s.views)
{
}

void RestApi::install(QHttpServer &http)
{
    installAccounts(http);
    installChannels(http);
    installMessages(http);
    installMessageChanges(http);
}

void RestApi::installAccounts(QHttpServer &http)
{
    http.route("/api/v1/auth/register", Method::Post,
        [this](const QHttpServerRequest &req, QHttpServerResponder &&responder) {
            Deferred d(std::move(responder));
            const auto body = HttpJson::body(req);
            if (!body.ok())
                return d.resolve(error(body.error()));
            m_auth.registerUser(body.value()).then(&m_auth, [this, d](const Result<AuthService::Session> &r) {
                d.resolve(r.ok() ? json(sessionJson(m_views, r.value()), 201) : error(r.error()));
            });
        });
    http.route("/api/v1/auth/login", Method::Post,
        [this](const QHttpServerRequest &req, QHttpServerResponder &&responder) {
            Deferred d(std::move(responder));
            const auto body = HttpJson::body(req);
            if (!body.ok())
                return d.resolve(error(body.error()));
            m_auth.login(body.value()).then(&m_auth, [this, d](const Result<AuthService::Session> &r) {
                d.resolve(r.ok() ? json(sessionJson(m_views, r.value())) : error(r.error()));
            });
        });
    http.route("/api/v1/auth/logout", Method::Post,
        authed(m_auth, [this](const Caller &me, const QHttpServerRequest &) {
            m_auth.logout(me.tokenHash);
            return noContent();
        }));
    http.route("/api/v1/users/me", Method::Get,
        authed(m_auth, [this](const Caller &me, const QHttpServerRequest &) { return json(m_views.user(me.id)); }));
    http.route("/api/v1/users", Method::Get, authed(m_auth, [this](const Caller &, const QHttpServerRequest &req) {
        const QString query = req.query().queryItemValue(u"query"_qs, QUrl::FullyDecoded);
        const QString limitText = req.query().queryItemValue(u"limit"_qs);
        bool ok = true;
        const int limit = limitText.isEmpty() ? Limits::UserSearchDefaultLimit : limitText.toInt(&ok);
        if (!ok || limit < 1 || limit > Limits::UserSearchMaxLimit)
            return error(
                ApiError::badRequest(u"limit must be from 1 to %1"_qs.arg(Limits::UserSearchMaxLimit)));
        if (query.size() > Limits::MaxQueryChars)
            return error(ApiError::badRequest(u"query is too long"_qs));
        QJsonArray users;
        for (const auto &u : m_users.search(query, limit))
            users.append(m_views.user(u));
        return json({ { u"users"_qs, users } });
    }));
    http.route("/api/v1/users/<arg>", Method::Get,
        authed<QString>(m_auth, [this](const Caller &, const QString &id, const QHttpServerRequest &) {
            const auto user = pathId(id) ? m_users.byId(pathId(id)) : std::nullopt;
            return user ? json(m_views.user(*user)) : error(ApiError::notFound(u"no such user"_qs));
        }));
}

void RestApi::installChannels(QHttpServer &http)
{
    http.route("/api/v1/channels", Method::Get, authed(m_auth, [this](const Caller &me, const QHttpServerRequest &) {
        return json({ { u"channels"_qs, m_channels.listFor(me.id) } });
    }));
    http.route("/api/v1/channels", Method::Post,
        authed(m_auth, [this](const Caller &me, const QHttpServerRequest &req) {
            const auto body = HttpJson::body(req);
            if (!body.ok())
                return error(body.error());
            const auto created = m_channels.create(me.id, body.value());
            if (!created.ok())
                return error(created.error());
            return json(created.value().channel, created.value().created ? 201 : 200);
        }));
    http.route("/api/v1/channels/browse", Method::Get,
        authed(m_auth, [this](const Caller &me, const QHttpServerRequest &req) {
            const QString query = req.query().queryItemValue(u"query"_qs, QUrl::FullyDecoded);
            if (query.size() > Limits::MaxQueryChars)
                return error(ApiError::badRequest(u"query is too long"_qs));
            return json({ { u"channels"_qs, m_channels.browse(me.id, query) } });
        }));
    http.route("/api/v1/channels/<arg>/join", Method::Post,
        authed<QString>(m_auth, [this](const Caller &me, const QString &id, const QHttpServerRequest &) {
            return fromResult(m_channels.join(me.id, pathId(id)));
        }));
    http.route("/api/v1/channels/<arg>", Method::Get,
        authed<QString>(m_auth, [this](const Caller &me, const QString &id, const QHttpServerRequest &) {
            return fromResult(m_channels.get(me.id, pathId(id)));
        }));
    http.route("/api/v1/channels/<arg>/members", Method::Get,
        authed<QString>(m_auth, [this](const Caller &me, const QString &id, const QHttpServerRequest &) {
            return fromResult(m_channels.members(me.id, pathId(id)));
        }));
    http.route("/api/v1/channels/<arg>/members", Method::Post,
        authed<QString>(m_auth, [this](const Caller &me, const QString &id, const QHttpServerRequest &req) {
            const auto body = HttpJson::body(req);
            return body.ok() ? fromResult(m_channels.addMembers(me.id, pathId(id), body.value()))
                             : error(body.error());
        }));
    http.route("/api/v1/channels/<arg>/members/<arg>", Method::Delete,
        authed<QString, QString>(m_auth,
            [this](const Caller &me, const QString &id, const QString &userId, const QHttpServerRequest &) {
                const auto removed = m_channels.removeMember(me.id, pathId(id), pathId(userId));
                return removed.ok() ? noContent() : error(removed.error());
            }));
}

void RestApi::installMessages(QHttpServer &http)
{
    http.route("/api/v1/channels/<arg>/messages", Method::Get,
        authed<QString>(m_auth, [this](const Caller &me, const QString &id, const QHttpServerRequest &req) {
            return fromResult(m_messages.history(me.id, pathId(id), req.query()));
        }));
    http.route("/api/v1/channels/<arg>/messages", Method::Post,
        authedResponder<QString>(m_auth,
            [this](const Caller &me, const QString &id, const QHttpServerRequest &req,
                QHttpServerResponder &&responder) {
                Deferred d(std::move(responder));
                const auto body = HttpJson::body(req);
                if (!body.ok())
                    return d.resolve(error(body.error()));
                JsonReader reader(body.value());
                auto request = Wire::SendMessage::readBody(reader);
                if (!reader.ok())
                    return d.resolve(error(ApiError::badRequest(reader.error())));
                request.channelId = pathId(id);
                m_messages.send(me.id, request, [d](const Result<MessageService::Sent> &r) {
                    d.resolve(
                        r.ok() ? json(r.value().message, r.value().created ? 201 : 200) : error(r.error()));
                });
            }));
    http.route("/api/v1/messages/<arg>/replies", Method::Get,
        authed<QString>(m_auth, [this](const Caller &me, const QString &id, const QHttpServerRequest &req) {
            return fromResult(m_messages.replies(me.id, pathId(id), req.query()));
        }));
}

void RestApi::installMessageChanges(QHttpServer &http)
{
    http.route("/api/v1/channels/<arg>", Method::Patch,
        authed<QString>(m_auth, [this](const Caller &me, const QString &id, const QHttpServerRequest &req) {
            const auto body = HttpJson::body(req);
            return body.ok() ? fromResult(m_settings.update(me.id, pathId(id), body.value()))
                             : error(body.error());
        }));
    http.route("/api/v1/channels/<arg>/pins", Method::Get,
        authed<QString>(m_auth, [this](const Caller &me, const QString &id, const QHttpServerRequest &) {
            return fromResult(m_pins.pins(me.id, pathId(id)));
        }));
    for (const bool pin : { true, false }) {
        http.route("/api/v1/messages/<arg>/pin", pin ? Method::Post : Method::Delete,
            authed<QString>(m_auth, [this, pin](const Caller &me, const QString &id, const QHttpServerRequest &) {
                return fromResult(m_pins.pin(me.id, pathId(id), pin));
            }));
    }
    http.route("/api/v1/messages/<arg>", Method::Patch,
        authed<QString>(m_auth, [this](const Caller &me, const QString &id, const QHttpServerRequest &req) {
            auto body = HttpJson::body(req);
            if (!body.ok())
                return error(body.error());
            // The path's id is read as the frame's messageId would be, with the same errors.
            body.value().insert(Wire::Key::MessageId, id);
            QString problem;
            const auto request = Wire::decodeFrame<Wire::EditMessage>(body.value(), &problem);
            return request ? fromResult(m_editor.edit(me.id, *request)) : error(ApiError::badRequest(problem));
        }));
    http.route("/api/v1/messages/<arg>", Method::Delete,
        authed<QString>(m_auth, [this](const Caller &me, const QString &id, const QHttpServerRequest &) {
            const auto removed = m_editor.remove(me.id, pathId(id));
            return removed.ok() ? noContent() : error(removed.error());
        }));
    http.route("/api/v1/search", Method::Get, authed(m_auth, [this](const Caller &me, const QHttpServerRequest &req) {
        return fromResult(m_search.search(me.id, req.query()));
    }));
}

} // namespace Natter::Server
