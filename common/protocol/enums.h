#pragma once

#include <QLatin1StringView>
#include <QStringList>
#include <QStringView>

#include <optional>
#include <utility>

namespace Natter::Wire {
using namespace Qt::StringLiterals;

// The closed vocabularies of the wire, each an enum with one name table. toName() and fromName<E>() work for
// every enum that has an EnumNames specialisation below.
template<class E> struct EnumNames;

enum class ChannelType : quint8 { Group, Direct };
template<> struct EnumNames<ChannelType>
{
    static constexpr std::pair<ChannelType, QLatin1StringView> Table[]
        = { { ChannelType::Group, "group"_L1 }, { ChannelType::Direct, "direct"_L1 } };
};

enum class Visibility : quint8 { Public, Private };
template<> struct EnumNames<Visibility>
{
    static constexpr std::pair<Visibility, QLatin1StringView> Table[]
        = { { Visibility::Public, "public"_L1 }, { Visibility::Private, "private"_L1 } };
};

// A member's role in a channel. None is the caller's view of a channel they are not in (`role: null`).
enum class Role : quint8 { None, Owner, Admin, Member };
template<> struct EnumNames<Role>
{
    static constexpr std::pair<Role, QLatin1StringView> Table[]
        = { { Role::Owner, "owner"_L1 }, { Role::Admin, "admin"_L1 }, { Role::Member, "member"_L1 } };
};

// A user's role on the server (not in a channel): administrators moderate the whole server.
enum class ServerRole : quint8 { Member, Admin };
template<> struct EnumNames<ServerRole>
{
    static constexpr std::pair<ServerRole, QLatin1StringView> Table[]
        = { { ServerRole::Member, "member"_L1 }, { ServerRole::Admin, "admin"_L1 } };
};

// Who may pin in a channel.
enum class PinPolicy : quint8 { Members, Admins };
template<> struct EnumNames<PinPolicy>
{
    static constexpr std::pair<PinPolicy, QLatin1StringView> Table[]
        = { { PinPolicy::Members, "members"_L1 }, { PinPolicy::Admins, "admins"_L1 } };
};

// The error codes of PROTOCOL.md; each travels with one HTTP status (httpStatus()).
enum class ErrorCode : quint8 {
    BadRequest,
    Unauthorized,
    Forbidden,
    NotFound,
    Conflict,
    PayloadTooLarge,
    UnsupportedMediaType,
    RateLimited,
    Internal,
    PasswordChangeRequired, // 403: login with a password an administrator reset (docs/protocol.md, Moderation)
};
template<> struct EnumNames<ErrorCode>
{
    static constexpr std::pair<ErrorCode, QLatin1StringView> Table[] = {
        { ErrorCode::BadRequest, "bad_request"_L1 },
        { ErrorCode::Unauthorized, "unauthorized"_L1 },
        { ErrorCode::Forbidden, "forbidden"_L1 },
        { ErrorCode::NotFound, "not_found"_L1 },
        { ErrorCode::Conflict, "conflict"_L1 },
        { ErrorCode::PayloadTooLarge, "payload_too_large"_L1 },
        { ErrorCode::UnsupportedMediaType, "unsupported_media_type"_L1 },
        { ErrorCode::RateLimited, "rate_limited"_L1 },
        { ErrorCode::Internal, "internal"_L1 },
        { ErrorCode::PasswordChangeRequired, "password_change_required"_L1 },
    };
};
int httpStatus(ErrorCode code);

// Gateway close codes (PROTOCOL.md "Close codes") and the standard ones Natter uses.
namespace CloseCode {
    inline constexpr int GoingAway = 1001; // heartbeat timeout, server shutting down
    inline constexpr int ProtocolError = 1002;
    inline constexpr int InvalidPayload = 1007; // text that is not UTF-8
    inline constexpr int TooBig = 1009;
    inline constexpr int Unauthorized = 4001;
    inline constexpr int TokenRevoked = 4002;
    inline constexpr int PolicyViolation = 4008;
    inline constexpr int TooSlow = 4009;
    // The token is no good: a client must not reconnect with it.
    constexpr bool isAuthFailure(int code)
    {
        return code == Unauthorized || code == TokenRevoked;
    }
} // namespace CloseCode

template<class E> constexpr QLatin1StringView toName(E value)
{
    for (const auto &[v, name] : EnumNames<E>::Table)
        if (v == value)
            return name;
    return {};
}

template<class E> std::optional<E> fromName(QStringView name)
{
    for (const auto &[v, n] : EnumNames<E>::Table)
        if (name == n)
            return v;
    return std::nullopt;
}

// The names of E, in table order: for "must be one of" errors.
template<class E> QStringList allNames()
{
    QStringList names;
    for (const auto &entry : EnumNames<E>::Table)
        names.append(QString(entry.second));
    return names;
}

} // namespace Natter::Wire
