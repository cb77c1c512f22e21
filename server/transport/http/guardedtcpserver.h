#pragma once

#include "transport/http/httpguard.h"

#include <QTcpServer>

namespace Natter::Server {

// A QTcpServer that puts an HttpGuard on every accepted socket before QHttpServer sees it.
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    GuardedTcpServer(HttpGuard::Limits limits, QObject *parent = nullptr);
    // Where `POST /api/v1/uploads` connections go (see HttpGuard); without one QHttpServer gets them.
    void setUploadHandler(HttpGuard::UploadHandler handler) { m_uploads = std::move(handler); }
    // Where `GET /api/v1/ws` upgrades go (see HttpGuard); without one QHttpServer upgrades them.
    void setUpgradeHandler(HttpGuard::UpgradeHandler handler) { m_upgrades = std::move(handler); }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    HttpGuard::Limits m_limits;
    HttpGuard::UploadHandler m_uploads;
    HttpGuard::UpgradeHandler m_upgrades;
};

} // namespace Natter::Server
