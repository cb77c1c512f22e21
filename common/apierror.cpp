#include "apierror.h"

QJsonObject ApiError::toJson() const
{
    QJsonObject error { { QStringLiteral("code"), errorCodeName(code) },
        { QStringLiteral("message"), message } };
    if (code == ErrorCode::RateLimited)
        error.insert(QStringLiteral("retryAfterMs"), retryAfterMs);
    return error;
}
