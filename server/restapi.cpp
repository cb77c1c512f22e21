#include "restapi.h"
#include "authservice.h"
#include "channelservice.h"
#include "httpjson.h"
#include "messageeditor.h"
#include "messageservice.h"
#include "searchservice.h"
#include "userstore.h"
#include "views.h"

#include <protocollimits.h>
#include <snowflake.h>

#include <QHttpServer>
#include <QJsonArray>
#include <QPointer>
#include <QTcpSocket>

using Method = QHttpServerRequest::Method;
using namespace HttpJson;

namespace {
const ApiError Unauthorized = ApiError::unauthorized();

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
    http.route("/api/v1/auth/logout", Method::Post, [this](const QHttpServerRequest &req) {
        QByteArray tokenHash;
        if (!userOf(req, m_auth, &tokenHash))
            return error(Unauthorized);
        m_auth.logout(tokenHash);
        return noContent();
    });
    http.route("/api/v1/users/me", Method::Get, [this](const QHttpServerRequest &req) {
        const qint64 me = userOf(req, m_auth);
        return me ? json(m_views.user(me)) : error(Unauthorized);
    });
    http.route("/api/v1/users", Method::Get, [this](const QHttpServerRequest &req) {
        if (!userOf(req, m_auth))
            return error(Unauthorized);
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
    });
    http.route("/api/v1/users/<arg>", Method::Get, [this](const QString &id, const QHttpServerRequest &req) {
        if (!userOf(req, m_auth))
            return error(Unauthorized);
        const auto user = pathId(id) ? m_users.byId(pathId(id)) : std::nullopt;
        return user ? json(m_views.user(*user)) : error(ApiError::notFound(u"no such user"_qs));
    });
}

void RestApi::installChannels(QHttpServer &http)
{
    http.route("/api/v1/channels", Method::Get, [this](const QHttpServerRequest &req) {
        const qint64 me = userOf(req, m_auth);
        return me ? json({ { u"channels"_qs, m_channels.listFor(me) } }) : error(Unauthorized);
    });
    http.route("/api/v1/channels", Method::Post, [this](const QHttpServerRequest &req) {
        const qint64 me = userOf(req, m_auth);
        if (!me)
            return error(Unauthorized);
        const auto body = HttpJson::body(req);
        if (!body.ok())
            return error(body.error());
        const auto created = m_channels.create(me, body.value());
        if (!created.ok())
            return error(created.error());
        return json(created.value().channel, created.value().created ? 201 : 200);
    });
    http.route("/api/v1/channels/browse", Method::Get, [this](const QHttpServerRequest &req) {
        const qint64 me = userOf(req, m_auth);
        if (!me)
            return error(Unauthorized);
        const QString query = req.query().queryItemValue(u"query"_qs, QUrl::FullyDecoded);
        if (query.size() > Limits::MaxQueryChars)
            return error(ApiError::badRequest(u"query is too long"_qs));
        return json({ { u"channels"_qs, m_channels.browse(me, query) } });
    });
    http.route("/api/v1/channels/<arg>/join", Method::Post,
        [this](const QString &id, const QHttpServerRequest &req) {
            const qint64 me = userOf(req, m_auth);
            return me ? fromResult(m_channels.join(me, pathId(id))) : error(Unauthorized);
        });
    http.route(
        "/api/v1/channels/<arg>", Method::Get, [this](const QString &id, const QHttpServerRequest &req) {
            const qint64 me = userOf(req, m_auth);
            return me ? fromResult(m_channels.get(me, pathId(id))) : error(Unauthorized);
        });
    http.route("/api/v1/channels/<arg>/members", Method::Get,
        [this](const QString &id, const QHttpServerRequest &req) {
            const qint64 me = userOf(req, m_auth);
            return me ? fromResult(m_channels.members(me, pathId(id))) : error(Unauthorized);
        });
    http.route("/api/v1/channels/<arg>/members", Method::Post,
        [this](const QString &id, const QHttpServerRequest &req) {
            const qint64 me = userOf(req, m_auth);
            if (!me)
                return error(Unauthorized);
            const auto body = HttpJson::body(req);
            return body.ok() ? fromResult(m_channels.addMembers(me, pathId(id), body.value()))
                             : error(body.error());
        });
    http.route("/api/v1/channels/<arg>/members/<arg>", Method::Delete,
        [this](const QString &id, const QString &userId, const QHttpServerRequest &req) {
            const qint64 me = userOf(req, m_auth);
            if (!me)
                return error(Unauthorized);
            const auto removed = m_channels.removeMember(me, pathId(id), pathId(userId));
            return removed.ok() ? noContent() : error(removed.error());
        });
}

void RestApi::installMessages(QHttpServer &http)
{
    http.route("/api/v1/channels/<arg>/messages", Method::Get,
        [this](const QString &id, const QHttpServerRequest &req) {
            const qint64 me = userOf(req, m_auth);
            return me ? fromResult(m_messages.history(me, pathId(id), req.query())) : error(Unauthorized);
        });
    http.route("/api/v1/channels/<arg>/messages", Method::Post,
        [this](const QString &id, const QHttpServerRequest &req, QHttpServerResponder &&responder) {
            Deferred d(std::move(responder));
            const qint64 me = userOf(req, m_auth);
            if (!me)
                return d.resolve(error(Unauthorized));
            const auto body = HttpJson::body(req);
            if (!body.ok())
                return d.resolve(error(body.error()));
            m_messages.send(me, pathId(id), body.value(), [d](const Result<MessageService::Sent> &r) {
                d.resolve(r.ok() ? json(r.value().message, r.value().created ? 201 : 200) : error(r.error()));
            });
        });
    http.route("/api/v1/messages/<arg>/replies", Method::Get,
        [this](const QString &id, const QHttpServerRequest &req) {
            const qint64 me = userOf(req, m_auth);
            return me ? fromResult(m_messages.replies(me, pathId(id), req.query())) : error(Unauthorized);
        });
}

void RestApi::installMessageChanges(QHttpServer &http)
{
    http.route(
        "/api/v1/channels/<arg>", Method::Patch, [this](const QString &id, const QHttpServerRequest &req) {
            const qint64 me = userOf(req, m_auth);
            if (!me)
                return error(Unauthorized);
            const auto body = HttpJson::body(req);
            return body.ok() ? fromResult(m_editor.updateChannel(me, pathId(id), body.value()))
                             : error(body.error());
        });
    http.route(
        "/api/v1/channels/<arg>/pins", Method::Get, [this](const QString &id, const QHttpServerRequest &req) {
            const qint64 me = userOf(req, m_auth);
            return me ? fromResult(m_editor.pins(me, pathId(id))) : error(Unauthorized);
        });
    for (const bool pin : { true, false }) {
        http.route("/api/v1/messages/<arg>/pin", pin ? Method::Post : Method::Delete,
            [this, pin](const QString &id, const QHttpServerRequest &req) {
                const qint64 me = userOf(req, m_auth);
                return me ? fromResult(m_editor.pin(me, pathId(id), pin)) : error(Unauthorized);
            });
    }
    http.route(
        "/api/v1/messages/<arg>", Method::Patch, [this](const QString &id, const QHttpServerRequest &req) {
            const qint64 me = userOf(req, m_auth);
            if (!me)
                return error(Unauthorized);
            auto body = HttpJson::body(req);
            if (!body.ok())
                return error(body.error());
            body.value().insert(u"messageId"_qs, id);
            return fromResult(m_editor.edit(me, body.value()));
        });
    http.route(
        "/api/v1/messages/<arg>", Method::Delete, [this](const QString &id, const QHttpServerRequest &req) {
            const qint64 me = userOf(req, m_auth);
            if (!me)
                return error(Unauthorized);
            const auto removed = m_editor.remove(me, pathId(id));
            return removed.ok() ? noContent() : error(removed.error());
        });
    http.route("/api/v1/search", Method::Get, [this](const QHttpServerRequest &req) {
        const qint64 me = userOf(req, m_auth);
        return me ? fromResult(m_search.search(me, req.query())) : error(Unauthorized);
    });
}
