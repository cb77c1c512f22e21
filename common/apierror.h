#pragma once

#include "errorcode.h"

#include <QJsonObject>
#include <QString>

// An error as the protocol reports it: code, a message for humans, and for rate limits how long to wait.
struct ApiError
{
    ErrorCode code = ErrorCode::Internal;
    QString message;
    qint64 retryAfterMs = 0;

    static ApiError badRequest(const QString &message) { return { ErrorCode::BadRequest, message }; }
    static ApiError unauthorized(const QString &message = QStringLiteral("missing or invalid token"))
    {
        return { ErrorCode::Unauthorized, message };
    }
    static ApiError forbidden(const QString &message) { return { ErrorCode::Forbidden, message }; }
    static ApiError notFound(const QString &message) { return { ErrorCode::NotFound, message }; }
    static ApiError conflict(const QString &message) { return { ErrorCode::Conflict, message }; }
    static ApiError internal(const QString &message = QStringLiteral("internal error"))
    {
        return { ErrorCode::Internal, message };
    }
    static ApiError rateLimited(qint64 retryAfterMs)
    {
        return { ErrorCode::RateLimited, QStringLiteral("too many requests, slow down"), retryAfterMs };
    }

    // {code, message[, retryAfterMs]}: the body of "error" in both REST and gateway answers.
    QJsonObject toJson() const;
};
