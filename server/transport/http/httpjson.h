#pragma once

#include <common/protocol/codec.h>
#include <common/protocol/error.h>
#include <common/result.h>

#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonObject>

#include <optional>

namespace Natter::Server {

// The REST side of PROTOCOL.md: JSON bodies in and out, errors as {"error": {code, message}}.
namespace HttpJson {
QHttpServerResponse json(const QJsonObject &body, int status = 200);
QHttpServerResponse json(const QByteArray &serialised, int status = 200);
QHttpServerResponse error(const Wire::Error &error);
QHttpServerResponse noContent();
// ERROR as a whole HTTP/1.1 response that closes the connection (with Retry-After for rate_limited), for a
// socket that no QHttpServer responder belongs to (a refused upgrade or connection).
QByteArray rawError(const Wire::Error &error);
QHttpServerResponse fromResult(const Result<QByteArray> &serialised, int status = 200);

// A Wire object (anything with write(JsonWriter&)) as the answer.
template<class T> QHttpServerResponse wire(const T &value, int status = 200)
{
    return json(Wire::encode(value), status);
}
// The fields of a Wire frame (writeFields(), e.g. Wire::PinAck) as an answer object, without the envelope.
template<class F> QHttpServerResponse fields(const F &frame, int status = 200)
{
    JsonWriter w;
    w.beginObject();
    frame.writeFields(w);
    w.endObject();
    return json(w.take(), status);
}
template<class T> QHttpServerResponse fromResult(const Result<T> &result, int status = 200)
{
    return result.ok() ? wire(result.value(), status) : error(result.error());
}

// The request's JSON object body, or the error that explains why it is not one.
Result<QJsonObject> body(const QHttpServerRequest &request);
// The body read as T (a Wire body type: Credentials, ChannelSettings, AddMembers …); bad_request with T's
// reason when it does not have T's shape.
template<class T> Result<T> body(const QHttpServerRequest &request)
{
    const auto object = body(request);
    if (!object.ok())
        return object.error();
    QString problem;
    auto value = Wire::decode<T>(object.value(), &problem);
    if (!value)
        return Wire::Error::badRequest(problem);
    return std::move(*value);
}
// The raw bearer token of the request (empty when there is none).
QByteArray bearerToken(const QHttpServerRequest &request);
// A path segment that must be an id; 0 when it is not.
qint64 pathId(const QString &segment);
} // namespace HttpJson

} // namespace Natter::Server
