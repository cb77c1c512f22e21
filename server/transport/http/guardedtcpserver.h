#pragma once

#include "transport/http/connectionadmission.h"
#include "transport/http/httpguard.h"

#include <QTcpServer>

#include <optional>

#if QT_CONFIG(ssl)
#include <QSslConfiguration>
#endif

namespace Natter::Server {

// A QTcpServer that puts an HttpGuard on every accepted socket before QHttpServer sees it. With a TLS
// configuration the sockets are QSslSockets that start the server handshake at once: QHttpServer, the guard,
// uploads and Qt's WebSocket upgrade all read and write the decrypted stream through the same QTcpSocket API.
// (QSslServer would do the handshake too, but it makes its sockets itself, so the guard could not be put on
// them first.)
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    GuardedTcpServer(HttpGuard::Limits limits, QObject *parent = nullptr);
    // Where `POST /api/v1/uploads` connections go (see HttpGuard); without one QHttpServer gets them.
    void setUploadHandler(HttpGuard::UploadHandler handler) { m_uploads = std::move(handler); }
    // Where `GET /api/v1/ws` upgrades go (see HttpGuard); without one QHttpServer upgrades them.
    void setUpgradeHandler(HttpGuard::UpgradeHandler handler) { m_upgrades = std::move(handler); }
#if QT_CONFIG(ssl)
    // Serve https/wss: every connection must complete a TLS handshake within HandshakeTimeoutMs.
    void setTls(const QSslConfiguration &configuration) { m_tls = configuration; }
#endif
    bool isTls() const;
    // The per-address cap on unauthenticated connections and the Origin allowlist (issue 15).
    ConnectionAdmission &admission()
    {
        return m_admission;
    }
    static constexpr int HandshakeTimeoutMs = 10000;
    static constexpr int RetryAfterOverCapMs = 1000;

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void refuseOverCap(QTcpSocket *socket);

    HttpGuard::Limits m_limits;
    HttpGuard::UploadHandler m_uploads;
    HttpGuard::UpgradeHandler m_upgrades;
    ConnectionAdmission m_admission;
#if QT_CONFIG(ssl)
    std::optional<QSslConfiguration> m_tls;
#endif
};

} // namespace Natter::Server
