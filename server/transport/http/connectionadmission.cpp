#include "transport/http/connectionadmission.h"
#include "logging.h"
#include "services/loginthrottle.h"

#include <QHttpServerRequest>
#include <QTcpSocket>
#include <QUrl>

namespace Natter::Server {

ConnectionAdmission::ConnectionAdmission(QObject *parent)
    : QObject(parent)
{
}

bool ConnectionAdmission::isTrustedProxy(const QHostAddress &address) const
{
    // Tolerant: a dual-stack socket reports an IPv4 proxy as ::ffff:a.b.c.d.
    for (const QHostAddress &proxy : m_config.trustedProxies)
        if (proxy.isEqual(address, QHostAddress::TolerantConversion))
            return true;
    return false;
}

bool ConnectionAdmission::admit(QTcpSocket *socket)
{
    const int cap = m_config.maxUnauthenticatedPerAddress;
    if (cap <= 0 || isTrustedProxy(socket->peerAddress()))
        return true;
    const QByteArray key = LoginThrottle::addressKey(socket->peerAddress());
    int &count = m_counts[key];
    if (count >= cap) {
        if (count == 0)
            m_counts.remove(key);
        return false;
    }
    ++count;
    m_holders.insert(socket, key);
    // This object outlives no socket it watches: the connection goes with it (context object).
    connect(socket, &QObject::destroyed, this, [this, socket] { release(socket); });
    return true;
}

void ConnectionAdmission::release(QTcpSocket *socket)
{
    const auto it = m_holders.find(socket);
    if (it == m_holders.end())
        return;
    const QByteArray key = it.value();
    m_holders.erase(it);
    if (--m_counts[key] <= 0)
        m_counts.remove(key);
}

void ConnectionAdmission::sawToken(QTcpSocket *socket, const QByteArray &token)
{
    if (token.isEmpty() || !m_holders.contains(socket) || !m_authenticate || !m_authenticate(token))
        return;
    release(socket);
}

QByteArray ConnectionAdmission::normaliseOrigin(const QByteArray &origin)
{
    if (origin == "*")
        return origin;
    const QUrl url(QString::fromLatin1(origin), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"http" && url.scheme() != u"https")
        || !(url.path().isEmpty() || url.path() == u"/") || url.hasQuery() || url.hasFragment()
        || !url.userInfo().isEmpty())
        return {};
    QByteArray out = url.scheme().toLatin1() + "://" + url.host(QUrl::FullyEncoded).toLatin1();
    if (url.port() >= 0)
        out += ':' + QByteArray::number(url.port());
    return out;
}

bool ConnectionAdmission::originAllowed(const QByteArray &origin) const
{
    if (m_config.allowedOrigins.contains("*"))
        return true;
    const QByteArray normal = normaliseOrigin(origin);
    return !normal.isEmpty() && normal != "*" && m_config.allowedOrigins.contains(normal);
}

QHostAddress ConnectionAdmission::clientOf(const QHttpServerRequest &request) const
{
    const QHostAddress peer = request.remoteAddress();
    if (!isTrustedProxy(peer))
        return peer;
    const QByteArray forwarded = request.value("X-Forwarded-For");
    const QHostAddress client(QString::fromLatin1(forwarded.split(',').constLast().trimmed()));
    return client.isNull() ? peer : client;
}

QByteArray ConnectionAdmission::clientKey(const QHttpServerRequest &request) const
{
    return LoginThrottle::addressKey(clientOf(request));
}

QByteArray ConnectionAdmission::clientKey(
    const ConnectionAdmission *admission, const QHttpServerRequest &request)
{
    return admission ? admission->clientKey(request) : LoginThrottle::addressKey(request.remoteAddress());
}

} // namespace Natter::Server
