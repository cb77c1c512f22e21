#include "net/apiclient.h"
#include "logging.h"

#include <protocollimits.h>

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkRequest>

namespace Natter::Client {

ApiClient::ApiClient(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
{
}

QUrl ApiClient::gatewayUrl() const
{
    QUrl url = m_baseUrl;
    url.setScheme(m_baseUrl.scheme() == u"https" ? u"wss"_qs : u"ws"_qs);
    url.setPath(u"/api/v1/ws"_qs);
    url.setQuery(QString());
    return url;
}

void ApiClient::get(const QString &path, const QUrlQuery &query, QObject *context, Callback callback)
{
    send("GET", path, query, {}, context, std::move(callback));
}

void ApiClient::post(const QString &path, const QJsonObject &body, QObject *context, Callback callback)
{
    send("POST", path, {}, QJsonDocument(body).toJson(QJsonDocument::Compact), context, std::move(callback));
}

void ApiClient::del(const QString &path, QObject *context, Callback callback)
{
    send("DELETE", path, {}, {}, context, std::move(callback));
}

void ApiClient::login(const QString &username, const QString &password, QObject *context, Callback callback)
{
    post(u"/api/v1/auth/login"_qs, { { u"username"_qs, username }, { u"password"_qs, password } }, context,
        std::move(callback));
}

void ApiClient::registerUser(const QString &username, const QString &password, const QString &displayName,
    QObject *context, Callback callback)
{
    QJsonObject body { { u"username"_qs, username }, { u"password"_qs, password } };
    if (!displayName.isEmpty()) body.insert(u"displayName", displayName);
    post(u"/api/v1/auth/register"_qs, body, context, std::move(callback));
}

void ApiClient::logout(QObject *context, Callback callback)
{
    post(u"/api/v1/auth/logout"_qs, {}, context, std::move(callback));
}

void ApiClient::send(const QByteArray &verb, const QString &path, const QUrlQuery &query,
    const QByteArray &body, QObject *context, Callback callback)
{
    QUrl url = m_baseUrl;
    url.setPath(path);
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setTransferTimeout(15000);
    if (!body.isEmpty() || verb == "POST")
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!m_token.isEmpty()) request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    QNetworkReply *reply = m_nam->sendCustomRequest(request, verb, body);
    qCDebug(lcApi) << verb << url.toString();
    connect(
        reply, &QNetworkReply::finished, context ? context : this, [reply, callback = std::move(callback)] {
            reply->deleteLater();
            ApiResult result;
            result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QByteArray data = reply->readAll();
            if (result.status == 0) {
                result.networkError = true;
                result.errorMessage = reply->errorString();
            } else {
                result.json = QJsonDocument::fromJson(data).object();
                const QJsonObject error = result.json.value(u"error").toObject();
                result.errorCode = error.value(u"code").toString();
                result.errorMessage = error.value(u"message").toString();
            }
            if (!result.ok())
                qCInfo(lcApi) << "request failed" << reply->url().path() << result.status
                              << result.errorMessage;
            callback(result);
        });
}

QUrl normalizeServerUrl(const QString &text)
{
    QString t = text.trimmed();
    if (t.isEmpty()) return {};
    if (!t.contains(u"://")) t.prepend(u"http://"_qs);
    QUrl url = QUrl::fromUserInput(t);
    if (!url.isValid() || url.host().isEmpty()) return {};
    if (url.port() < 0 && url.scheme() == u"http") url.setPort(Limits::DefaultPort);
    url.setPath(QString());
    return url;
}

} // namespace Natter::Client
