#pragma once

#include <QJsonObject>
#include <QNetworkReply>
#include <QObject>
#include <QUrl>
#include <QUrlQuery>


#include <functional>

class QNetworkAccessManager;

namespace Natter::Client {

// The outcome of one REST call. networkError is set when no HTTP answer came at all (server unreachable,
// timeout).
struct ApiResult
{
    int status = 0;
    QJsonObject json;
    QString errorCode;
    QString errorMessage;
    bool networkError = false;

    bool ok() const { return !networkError && status >= 200 && status < 300; }
};

// Thin REST client over one QNetworkAccessManager. Callbacks run on the caller's thread and never after
// `context` is destroyed.
class ApiClient : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const ApiResult &)>;

    explicit ApiClient(QNetworkAccessManager *nam, QObject *parent = nullptr);

    void setBaseUrl(const QUrl &url) { m_baseUrl = url; }
    QUrl baseUrl() const { return m_baseUrl; }
    void setToken(const QString &token) { m_token = token; }
    QString token() const { return m_token; }
    // The gateway address that belongs to the REST base URL (http→ws, https→wss).
    QUrl gatewayUrl() const;

    void get(const QString &path, const QUrlQuery &query, QObject *context, Callback callback);
    // BODY is JSON written by the protocol library (Wire::encode); empty for a request without one.
    void post(const QString &path, const QByteArray &body, QObject *context, Callback callback);
    void del(const QString &path, QObject *context, Callback callback);
    void patch(const QString &path, const QByteArray &body, QObject *context, Callback callback);

    void login(const QString &username, const QString &password, QObject *context, Callback callback);
    void registerUser(const QString &username, const QString &password, const QString &displayName,
        QObject *context, Callback callback)
    {
        registerUser(username, password, displayName, {}, context, std::move(callback));
    }
    // INVITE: the code an invite-only server asks for (empty when none).
    void registerUser(const QString &username, const QString &password, const QString &displayName,
        const QString &invite, QObject *context, Callback callback);
    void logout(QObject *context, Callback callback);

private:
    void send(const QByteArray &verb, const QString &path, const QUrlQuery &query, const QByteArray &body,
        QObject *context, Callback callback);

    QNetworkAccessManager *m_nam;
    QUrl m_baseUrl;
    QString m_token;
};

// Accepts "host", "host:port" or a full URL; adds http:// and the default port 8787 when missing. An invite
// link (the address with `?invite=CODE`) gives the server's address too.
QUrl normalizeServerUrl(const QString &text);
// The invite code of an invite link pasted as the server's address; empty when there is none.
QString inviteFromAddress(const QString &text);

} // namespace Natter::Client
