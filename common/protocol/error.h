#pragma once

#include "enums.h"

#include <QJsonObject>
#include <QString>

class JsonReader;
class JsonWriter;

namespace Natter::Wire {

// An error as the protocol reports it: {code, message[, retryAfterMs]}, the body of "error" in REST answers
// and in gateway `error` frames.
struct Error
{
    ErrorCode code = ErrorCode::Internal;
    QString message;
    qint64 retryAfterMs = 0; // rate_limited only

    static Error badRequest(const QString &message) { return { ErrorCode::BadRequest, message }; }
    static Error unauthorized(const QString &message = QStringLiteral("missing or invalid token"))
    {
        return { ErrorCode::Unauthorized, message };
    }
    static Error forbidden(const QString &message) { return { ErrorCode::Forbidden, message }; }
    static Error notFound(const QString &message) { return { ErrorCode::NotFound, message }; }
    static Error conflict(const QString &message) { return { ErrorCode::Conflict, message }; }
    static Error internal(const QString &message = QStringLiteral("internal error"))
    {
        return { ErrorCode::Internal, message };
    }
    static Error rateLimited(qint64 retryAfterMs)
    {
        return { ErrorCode::RateLimited, QStringLiteral("too many requests, slow down"), retryAfterMs };
    }

    // The server is too busy to take this request now (e.g. its password hashing queue is full): rate_limited
    // too, so that clients wait RETRYAFTERMS and try again exactly as they do when they are throttled.
    static Error busy(qint64 retryAfterMs)
    {
        return { ErrorCode::RateLimited, QStringLiteral("the server is busy, try again shortly"),
            retryAfterMs };
    }

    static Error read(JsonReader &reader);
    void write(JsonWriter &writer) const;
    QJsonObject toJson() const;
    friend bool operator==(const Error &, const Error &) = default;
};

} // namespace Natter::Wire
