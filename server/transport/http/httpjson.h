#pragma once

#include <apierror.h>
#include <result.h>

#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonObject>

#include <optional>

namespace Natter::Server {

// The REST side of PROTOCOL.md: JSON bodies in and out, errors as {"error": {code, message}}.
namespace HttpJson {
QHttpServerResponse json(const QJsonObject &body, int status = 200);
QHttpServerResponse json(const QByteArray &serialised, int status = 200);
QHttpServerResponse error(const ApiError &error);
QHttpServerResponse noContent();
QHttpServerResponse fromResult(const Result<QJsonObject> &result, int status = 200);
QHttpServerResponse fromResult(const Result<QByteArray> &serialised, int status = 200);

// The request's JSON object body, or the error that explains why it is not one.
Result<QJsonObject> body(const QHttpServerRequest &request);
// The raw bearer token of the request (empty when there is none).
QByteArray bearerToken(const QHttpServerRequest &request);
// A path segment that must be an id; 0 when it is not.
qint64 pathId(const QString &segment);
} // namespace HttpJson

} // namespace Natter::Server
