#pragma once

#include "transport/http/httpjson.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>

#include <optional>

namespace Natter::Server {

class AuthService;

// The authenticated caller of a REST route.
struct Caller
{
    qint64 id = 0;
    QByteArray tokenHash;
};

// Where a route accepts its token: the Authorization header, or also `?token=` (for <img src>, which cannot
// send headers).
enum class TokenFrom { Header, HeaderOrQuery };

// The one place that authenticates REST requests: the caller behind the request's bearer token, or nothing.
std::optional<Caller> authenticate(
    const QHttpServerRequest &request, AuthService &auth, TokenFrom from = TokenFrom::Header);

// Wraps a route handler so that it runs only for an authenticated caller; any other request is answered 401
// before it runs. PATHARGS are the route's <arg> types, given explicitly, e.g. authed<QString>(auth, ...):
// HANDLER is called as handler(const Caller &, const PathArgs &..., const QHttpServerRequest &) and returns
// a QHttpServerResponse.
template<class... PathArgs, class Handler>
auto authed(AuthService &auth, Handler handler, TokenFrom from = TokenFrom::Header)
{
    return [&auth, handler = std::move(handler), from](
               const PathArgs &...args, const QHttpServerRequest &request) -> QHttpServerResponse {
        const auto caller = authenticate(request, auth, from);
        if (!caller)
            return HttpJson::error(Wire::Error::unauthorized());
        return handler(*caller, args..., request);
    };
}

// authed() for handlers that answer later through the responder: called as handler(const Caller &,
// const PathArgs &..., const QHttpServerRequest &, QHttpServerResponder &&).
template<class... PathArgs, class Handler>
auto authedResponder(AuthService &auth, Handler handler, TokenFrom from = TokenFrom::Header)
{
    return [&auth, handler = std::move(handler), from](const PathArgs &...args,
               const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        const auto caller = authenticate(request, auth, from);
        if (!caller)
            return HttpJson::error(Wire::Error::unauthorized()).write(std::move(responder));
        handler(*caller, args..., request, std::move(responder));
    };
}

} // namespace Natter::Server
