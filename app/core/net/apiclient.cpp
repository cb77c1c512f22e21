#include "net/apiclient.h"
#include "logging.h"
#include "net/clientlimits.h"

#include <common/protocol/codec.h>
#include <common/protocol/error.h>
#include <common/protocol/keys.h>
#include <common/protocol/rest.h>
#include <common/protocollimits.h>

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
    url.setPath(Wire::Rest::gatewayPath());
    url.setQuery(QString());
    return url;
}

void ApiClient::get(const QString &path, const QUrlQuery &query, QObject *context, Callback callback)
{
    send("GET", path, query, {}, context, std::move(callback));
}

void ApiClient::post(const QString &path, const QByteArray &body, QObject *context, Callback callback)
{
    send("POST", path, {}, body, context, std::move(callback));
}

void ApiClient::del(const QString &path, QObject *context, Callback callback)
{
    send("DELETE", path, {}, {}, context, std::move(callback));
}

void ApiClient::patch(const QString &path, const QByteArray &body, QObject *context, Callback callback)
{
    send("PATCH", path, {}, body, context, std::move(callback));
}

void ApiClient::login(const QString &username, const QString &password, QObject *context, Callback callback)
{
    post(Wire::Rest::loginPath(), Wire::encode(Wire::Credentials { username, password, {} }), context,
        std::move(callback));
}

void ApiClient::registerUser(const QString &username, const QString &password, const QString &displayName,
    const QString &invite, QObject *context, Callback callback)
{
    post(Wire::Rest::registerPath(), Wire::encode(Wire::Credentials { username, password, displayName, invite }),
        context, std::move(callback));
}

void ApiClient::logout(QObject *context, Callback callback)
{
    post(Wire::Rest::logoutPath(), {}, context, std::move(callback));
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
    ClientLimits::limitReplySize(reply, ClientLimits::MaxReplyBytes);
    qCDebug(lcApi) << verb << url.toString();
    connect(
        reply, &QNetworkReply::finished, context ? context : this, [reply, callback = std::move(callback)] {
            reply->deleteLater();
            ApiResult result;
            result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QByteArray data = reply->readAll();
            // Cancelled: too large (ClientLimits) or too slow (the transfer timeout); what arrived is
            // partial.
            if (result.status == 0 || reply->error() == QNetworkReply::OperationCanceledError) {
                result.networkError = true;
                result.errorMessage = reply->errorString();
            } else {
                result.json = QJsonDocument::fromJson(data).object();
                if (const auto error
                    = Wire::decode<Wire::Error>(result.json.value(Wire::Key::Error).toObject())) {
                    result.errorCode = Wire::toName(error->code);
                    result.errorMessage = error->message;
                }
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
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

QString inviteFromAddress(const QString &text)
{
    const qsizetype at = text.indexOf(u'?');
    return at < 0 ? QString() : QUrlQuery(text.mid(at + 1)).queryItemValue(u"invite"_qs, QUrl::FullyDecoded).trimmed();
}

} // namespace Natter::Client
