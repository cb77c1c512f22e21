#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>

#include <functional>

class QHttpServerRequest;
class QTcpSocket;

namespace Natter::Server {

// Who may hold a connection, and which browser origins may talk to the server (issue 15), shared by every
// HttpGuard of one server:
//  - at most maxUnauthenticatedPerAddress open HTTP connections per client address that have not yet shown a
//    valid token (an authenticated request, an upload or a gateway upgrade releases the connection's slot,
//    and so does closing it). Over the cap a new connection gets `429 rate_limited` and is closed at once, so
//    that one address cannot hold the server's sockets (and their timers and buffers) with idle connections.
//  - a request with an Origin header (a browser's) is refused 403 unless the origin is listed; requests
//    without one (the desktop app, curl, bots) are not affected.
//  - trusted proxies (e.g. nginx in front) are exempt from the cap, and their X-Forwarded-For names the
//    client for the per-address limits (LoginThrottle).
class ConnectionAdmission : public QObject
{
    Q_OBJECT
public:
    struct Config
    {
        int maxUnauthenticatedPerAddress = 0; // 0: no cap
        QList<QByteArray> allowedOrigins; // normalised (lower-case scheme://host[:port]); "*" allows all
        QList<QHostAddress> trustedProxies;
    };
    using Authenticator = std::function<bool(const QByteArray &token)>;

    explicit ConnectionAdmission(QObject *parent = nullptr);
    void setConfig(Config config) { m_config = std::move(config); }
    void setAuthenticator(Authenticator authenticate) { m_authenticate = std::move(authenticate); }

    // A new connection: false when its address is at its cap (the caller answers 429 and closes it);
    // otherwise it holds a slot until it authenticates or is destroyed.
    bool admit(QTcpSocket *socket);
    // TOKEN came in a request head on SOCKET: a valid one releases the socket's slot.
    void sawToken(QTcpSocket *socket, const QByteArray &token);
    bool originAllowed(const QByteArray &origin) const;
    int unauthenticated(const QByteArray &addressKey) const { return m_counts.value(addressKey); }

    // The client's address for the per-address limits: the peer, or for a trusted proxy the last entry of
    // X-Forwarded-For (the address the proxy saw).
    QHostAddress clientOf(const QHttpServerRequest &request) const;
    QByteArray clientKey(const QHttpServerRequest &request) const;
    bool isTrustedProxy(const QHostAddress &address) const;

    // clientKey() through ADMISSION, or the bare peer's key without one.
    static QByteArray clientKey(const ConnectionAdmission *admission, const QHttpServerRequest &request);

    // ORIGIN as the allowlist holds it, or empty when it is not a web origin (scheme://host[:port]).
    static QByteArray normaliseOrigin(const QByteArray &origin);

private:
    void release(QTcpSocket *socket);

    Config m_config;
    Authenticator m_authenticate;
    QHash<QByteArray, int> m_counts; // address key → connections holding a slot
    QHash<QTcpSocket *, QByteArray> m_holders;
};

} // namespace Natter::Server
