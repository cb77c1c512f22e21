#include "transport/http/guardedtcpserver.h"
#include "logging.h"
#include "metrics.h"
#include "transport/http/httpjson.h"
#include "transport/http/observedsocket.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#if QT_CONFIG(ssl)
#include <QSslSocket>
#endif

namespace Natter::Server {

GuardedTcpServer::GuardedTcpServer(HttpGuard::Limits limits, QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
{
}

bool GuardedTcpServer::isTls() const
{
#if QT_CONFIG(ssl)
    return m_tls.has_value();
#else
    return false;
#endif
}

void GuardedTcpServer::incomingConnection(qintptr descriptor)
{
    QTcpSocket *socket = nullptr;
#if QT_CONFIG(ssl)
    QSslSocket *tls = nullptr;
    if (m_tls) {
        tls = new ObservedSocket<QSslSocket>(this);
        tls->setSslConfiguration(*m_tls);
        socket = tls;
    } else
#endif
        socket = new ObservedSocket<QTcpSocket>(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    // Both transports write whole frames and coalesce them per event-loop pass; Nagle would hold the next
    // pass's frames until the client's delayed ACK (40 ms on Linux), which was all of the fan-out's p99
    // (docs/benchmarks.md). The gateway's duplicated descriptor shares the option.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (!m_admission.admit(socket)) {
#if QT_CONFIG(ssl)
        if (tls) {
            // An answer would have to wait for a TLS handshake, which is the work the cap saves.
            metrics().reject(Metrics::Reject::RateLimited);
            socket->abort();
            socket->deleteLater();
            return;
        }
#endif
        refuseOverCap(socket);
        return;
    }
    new HttpGuard(socket, m_limits, m_uploads, m_upgrades, &m_admission);
#if QT_CONFIG(ssl)
    if (tls) {
        // A client that never finishes its handshake (or speaks plain HTTP to the TLS port) is dropped.
        connect(tls, &QSslSocket::sslErrors, tls, [tls](const QList<QSslError> &errors) {
            qCInfo(lcHttp) << "TLS handshake failed with" << tls->peerAddress().toString() << errors;
        });
        QTimer::singleShot(HandshakeTimeoutMs, tls, [tls] {
            if (!tls->isEncrypted()) {
                metrics().reject(Metrics::Reject::TlsHandshake);
                qCInfo(lcHttp) << "TLS handshake timed out:" << tls->peerAddress().toString();
                tls->abort();
            }
        });
        connect(tls, &QAbstractSocket::errorOccurred, tls, [tls](QAbstractSocket::SocketError error) {
            if (!tls->isEncrypted() && error != QAbstractSocket::RemoteHostClosedError) {
                metrics().reject(Metrics::Reject::TlsHandshake);
                qCInfo(lcHttp) << "TLS handshake failed with" << tls->peerAddress().toString() << ":"
                               << tls->errorString();
            }
        });
        tls->startServerEncryption();
    }
#endif
    addPendingConnection(socket);
}

void GuardedTcpServer::refuseOverCap(QTcpSocket *socket)
{
    metrics().reject(Metrics::Reject::RateLimited);
    qCInfo(lcHttp) << "refused a connection: too many unauthenticated connections from"
                   << socket->peerAddress().toString();
    // Answered before any request is read (HTTP/1.1 allows a server to answer and close at any time), so that
    // a client sees why; nothing from it is read.
    socket->setReadBufferSize(4096);
    socket->write(HttpJson::rawError(Wire::Error::rateLimited(RetryAfterOverCapMs)));
    socket->disconnectFromHost();
    connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
    QTimer::singleShot(5000, socket, [socket] { socket->deleteLater(); });
}

} // namespace Natter::Server
