#include "transport/http/httpjson.h"
#include "metrics.h"
#include "transport/http/authed.h"
#include "services/authservice.h"

#include <common/protocol/keys.h>
#include <common/protocol/rest.h>
#include <common/jsonreader.h>
#include <common/jsonwriter.h>
#include <common/snowflake.h>

#include <QJsonDocument>

namespace Natter::Server {

namespace HttpJson {

QHttpServerResponse json(const QJsonObject &body, int status)
{
    return QHttpServerResponse(QByteArrayLiteral("application/json"),
        QJsonDocument(body).toJson(QJsonDocument::Compact), QHttpServerResponse::StatusCode(status));
}

QHttpServerResponse json(const QByteArray &serialised, int status)
{
    return QHttpServerResponse(
        QByteArrayLiteral("application/json"), serialised, QHttpServerResponse::StatusCode(status));
}

QHttpServerResponse error(const Wire::Error &e)
{
    metrics().reject(e.code);
    JsonWriter w;
    e.write(w.beginObject().key(Wire::Key::Error));
    w.endObject();
    QHttpServerResponse response = json(w.take(), Wire::httpStatus(e.code));
    if (e.code == Wire::ErrorCode::RateLimited)
        response.setHeader("Retry-After", QByteArray::number(qMax<qint64>(1, (e.retryAfterMs + 999) / 1000)));
    if (e.code == Wire::ErrorCode::Unauthorized)
        response.setHeader("WWW-Authenticate", "Bearer");
    return response;
}

QByteArray rawError(const Wire::Error &e)
{
    JsonWriter w;
    e.write(w.beginObject().key(Wire::Key::Error));
    w.endObject();
    const QByteArray body = w.take();
    const int status = Wire::httpStatus(e.code);
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' '
        + (status == 429 ? QByteArrayLiteral("Too Many Requests") : QByteArrayLiteral("Error")) + "\r\n";
    if (e.code == Wire::ErrorCode::RateLimited)
        head += "Retry-After: " + QByteArray::number(qMax<qint64>(1, (e.retryAfterMs + 999) / 1000)) + "\r\n";
    return head + "Content-Type: application/json\r\nConnection: close\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

QHttpServerResponse noContent()
{
    return QHttpServerResponse(QHttpServerResponse::StatusCode::NoContent);
}

QHttpServerResponse fromResult(const Result<QByteArray> &serialised, int status)
{
    return serialised.ok() ? json(serialised.value(), status) : error(serialised.error());
}

Result<QJsonObject> body(const QHttpServerRequest &request)
{
    const QByteArray type = request.value("Content-Type").split(';').first().trimmed().toLower();
    if (!type.isEmpty() && type != "application/json")
        return Wire::Error { Wire::ErrorCode::UnsupportedMediaType, u"send the body as application/json"_qs };
    QString problem;
    const auto object = JsonReader::parseObject(request.body(), &problem);
    if (!object)
        return Wire::Error::badRequest(problem);
    return *object;
}

QByteArray bearerToken(const QHttpServerRequest &request)
{
    const QByteArray header = request.value("Authorization");
    if (!header.startsWith("Bearer "))
        return {};
    return header.mid(7).trimmed();
}

qint64 pathId(const QString &segment)
{
    return idFromString(segment);
}

} // namespace HttpJson

std::optional<Caller> authenticate(const QHttpServerRequest &request, AuthService &auth, TokenFrom from)
{
    QByteArray token = HttpJson::bearerToken(request);
    if (token.isEmpty() && from == TokenFrom::HeaderOrQuery)
        token = request.query().queryItemValue(QString(Wire::Rest::Query::Token), QUrl::FullyDecoded).toLatin1();
    Caller caller;
    caller.id = auth.authenticate(token, &caller.tokenHash);
    if (!caller.id)
        return std::nullopt;
    return caller;
}

} // namespace Natter::Server
