#include "transport/http/restapi.h"
#include "services/authservice.h"
#include "services/channelservice.h"
#include "services/channelsettings.h"
#include "services/messageeditor.h"
#include "services/messageservice.h"
#include "services/pinservice.h"
#include "services/searchservice.h"
#include "services/views.h"
#include "store/userstore.h"
#include "transport/http/authed.h"
#include "transport/http/connectionadmission.h"
#include "transport/http/httpjson.h"

#include <common/protocol/frame.h>
#include <common/protocol/requests.h>
#include <common/protocol/keys.h>
#include <common/protocol/rest.h>
#include <common/jsonreader.h>
#include <common/jsonwriter.h>
#include <common/protocollimits.h>
#include <common/snowflake.h>

#include <QHttpServer>
#include <QPointer>
#include <QTcpSocket>

namespace Natter::Server {

using Method = QHttpServerRequest::Method;
namespace Route = Wire::Rest::Route;
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

Wire::AuthSession session(const Views &views, const AuthService::Session &s)
{
    return { views.user(s.user), s.token };
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
    http.route(Route::Register, Method::Post,
        [this](const QHttpServerRequest &req, QHttpServerResponder &&responder) {
            Deferred d(std::move(responder));
            const auto credentials = HttpJson::body<Wire::Credentials>(req);
            if (!credentials.ok())
                return d.resolve(error(credentials.error()));
            m_auth.registerUser(credentials.value(), ConnectionAdmission::clientKey(m_admission, req))
                .then(&m_auth, [this, d](const Result<AuthService::Session> &r) {
                    d.resolve(r.ok() ? wire(session(m_views, r.value()), 201) : error(r.error()));
                });
        });
    http.route(Route::Login, Method::Post,
        [this](const QHttpServerRequest &req, QHttpServerResponder &&responder) {
            Deferred d(std::move(responder));
            const auto credentials = HttpJson::body<Wire::Credentials>(req);
            if (!credentials.ok())
                return d.resolve(error(credentials.error()));
            m_auth.login(credentials.value(), ConnectionAdmission::clientKey(m_admission, req))
                .then(&m_auth, [this, d](const Result<AuthService::Session> &r) {
                    d.resolve(r.ok() ? wire(session(m_views, r.value())) : error(r.error()));
                });
        });
    http.route(Route::Logout, Method::Post,
        authed(m_auth, [this](const Caller &me, const QHttpServerRequest &) {
            m_auth.logout(me.tokenHash);
            return noContent();
        }));
    http.route(Route::Me, Method::Get,
        authed(m_auth, [this](const Caller &me, const QHttpServerRequest &) {
            Wire::User user = m_views.user(me.id);
            if (const auto record = m_users.byId(me.id))
                user.serverRole = Wire::fromName<Wire::ServerRole>(record->serverRole);
            return wire(user);
        }));
    http.route(Route::Users, Method::Get, authed(m_auth, [this](const Caller &, const QHttpServerRequest &req) {
        const QString query = req.query().queryItemValue(QString(Wire::Rest::Query::Query), QUrl::FullyDecoded);
        const QString limitText = req.query().queryItemValue(QString(Wire::Rest::Query::Limit));
        bool ok = true;
        const int limit = limitText.isEmpty() ? Limits::UserSearchDefaultLimit : limitText.toInt(&ok);
        if (!ok || limit < 1 || limit > Limits::UserSearchMaxLimit)
            return error(
                Wire::Error::badRequest(u"limit must be from 1 to %1"_qs.arg(Limits::UserSearchMaxLimit)));
        if (query.size() > Limits::MaxQueryChars)
            return error(Wire::Error::badRequest(u"query is too long"_qs));
        Wire::UserList users;
        for (const auto &u : m_users.search(query, limit))
            users.users.append(m_views.user(u));
        return wire(users);
    }));
    http.route(Route::User, Method::Get,
        authed<QString>(m_auth, [this](const Caller &, const QString &id, const QHttpServerRequest &) {
            const auto user = pathId(id) ? m_users.byId(pathId(id)) : std::nullopt;
            return user ? wire(m_views.user(*user)) : error(Wire::Error::notFound(u"no such user"_qs));
        }));
}

void RestApi::installChannels(QHttpServer &http)
{
    http.route(Route::Channels, Method::Get, authed(m_auth, [this](const Caller &me, const QHttpServerRequest &) {
        return wire(Wire::ChannelList { m_channels.listFor(me.id) });
    }));
    http.route(Route::Channels, Method::Post,
        authed(m_auth, [this](const Caller &me, const QHttpServerRequest &req) {
            const auto body = HttpJson::body(req);
            if (!body.ok())
                return error(body.error());
            const auto created = m_channels.create(me.id, body.value());
            if (!created.ok())
                return error(created.error());
            return wire(created.value().channel, created.value().created ? 201 : 200);
        }));
    http.route(Route::ChannelsBrowse, Method::Get,
        authed(m_auth, [this](const Caller &me, const QHttpServerRequest &req) {
            const QString query
                = req.query().queryItemValue(QString(Wire::Rest::Query::Query), QUrl::FullyDecoded);
            if (query.size() > Limits::MaxQueryChars)
                return error(Wire::Error::badRequest(u"query is too long"_qs));
            return wire(Wire::ChannelList { m_channels.browse(me.id, query) });
        }));
    http.route(Route::ChannelJoin, Method::Post,
        authed<QString>(m_auth, [this](const Caller &me, const QString &id, const QHttpServerRequest &) {
            return fromResult(m_channels.join(me.id, pathId(id)));
        }));
    http.route(Route::Channel, Method::Get,
        authed<QString>(m_auth, [this](const Caller &me, const QString &id, const QHttpServerRequest &) {
            return fromResult(m_channels.get(me.id, pathId(id)));
        }));
    http.route(Route::ChannelMembers, Method::Get,
        authed<QString>(m_auth, [this](const Caller &me, const QString &id, const QHttpServerRequest &) {
            return fromResult(m_channels.members(me.id, pathId(id)));
        }));
    http.route(Route::ChannelMembers, Method::Post,
        authed<QString>(m_auth, [this](const Caller &me, const QString &id, const QHttpServerRequest &req) {
            const auto request = HttpJson::body<Wire::AddMembers>(req);
            if (!request.ok())
                return error(request.error());
            const auto added = m_channels.addMembers(me.id, pathId(id), request.value());
            if (!added.ok())
                return error(added.error());
            // {added: [userId]}
            JsonWriter w;
            w.beginObject().key(Wire::Key::Added).beginArray();
            for (const Wire::Id userId : added.value())
                w.idString(userId.value());
            w.endArray().endObject();
            return json(w.take());
        }));
    http.route(Route::ChannelMember, Method::Delete,
        authed<QString, QString>(m_auth,
            [this](const Caller &me, const QString &id, const QString &userId, const QHttpServerRequest &) {
                const auto removed = m_channels.removeMember(me.id, pathId(id), pathId(userId));
                return removed.ok() ? noContent() : error(removed.error());
            }));
}

void RestApi::installMessages(QHttpServer &http)
{
    http.route(Route::ChannelMessages, Method::Get,
        authed<QString>(m_auth, [this](const Caller &me, const QString &id, const QHttpServerRequest &req) {
            return fromResult(m_messages.history(me.id, pathId(id), req.query()));
        }));
    http.route(Route::ChannelMessages, Method::Post,
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
                    return d.resolve(error(Wire::Error::badRequest(reader.error())));
                request.channelId = pathId(id);
                m_messages.send(me.id, request, [d](const Result<MessageService::Sent> &r) {
                    d.resolve(
                        r.ok() ? json(r.value().message, r.value().created ? 201 : 200) : error(r.error()));
                });
            }));
    http.route(Route::MessageReplies, Method::Get,
        authed<QString>(m_auth, [this](const Caller &me, const QString &id, const QHttpServerRequest &req) {
            return fromResult(m_messages.replies(me.id, pathId(id), req.query()));
        }));
}

void RestApi::installMessageChanges(QHttpServer &http)
{
    http.route(Route::Channel, Method::Patch,
        authed<QString>(m_auth, [this](const Caller &me, const QString &id, const QHttpServerRequest &req) {
            const auto settings = HttpJson::body<Wire::ChannelSettings>(req);
            return settings.ok() ? fromResult(m_settings.update(me.id, pathId(id), settings.value()))
                                 : error(settings.error());
        }));
    http.route(Route::ChannelPins, Method::Get,
        authed<QString>(m_auth, [this](const Caller &me, const QString &id, const QHttpServerRequest &) {
            return fromResult(m_pins.pins(me.id, pathId(id)));
        }));
    for (const bool pin : { true, false }) {
        http.route(Route::MessagePin, pin ? Method::Post : Method::Delete,
            authed<QString>(m_auth, [this, pin](const Caller &me, const QString &id, const QHttpServerRequest &) {
                const auto pinned = m_pins.pin(me.id, pathId(id), pin);
                return pinned.ok() ? fields(pinned.value()) : error(pinned.error());
            }));
    }
    http.route(Route::Message, Method::Patch,
        authed<QString>(m_auth, [this](const Caller &me, const QString &id, const QHttpServerRequest &req) {
            auto body = HttpJson::body(req);
            if (!body.ok())
                return error(body.error());
            // The path's id is read as the frame's messageId would be, with the same errors.
            body.value().insert(Wire::Key::MessageId, id);
            QString problem;
            const auto request = Wire::decodeFrame<Wire::EditMessage>(body.value(), &problem);
            return request ? fromResult(m_editor.edit(me.id, *request)) : error(Wire::Error::badRequest(problem));
        }));
    http.route(Route::Message, Method::Delete,
        authed<QString>(m_auth, [this](const Caller &me, const QString &id, const QHttpServerRequest &) {
            const auto removed = m_editor.remove(me.id, pathId(id));
            return removed.ok() ? noContent() : error(removed.error());
        }));
    http.route(Route::Search, Method::Get, authed(m_auth, [this](const Caller &me, const QHttpServerRequest &req) {
        return fromResult(m_search.search(me.id, req.query()));
    }));
}

} // namespace Natter::Server
