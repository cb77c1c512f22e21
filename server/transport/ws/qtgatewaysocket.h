#pragma once

#include "transport/ws/gatewaysocket.h"

#include <memory>

class QWebSocket;

namespace Natter::Server {

// GatewaySocket over Qt's QWebSocket, as QHttpServer hands it over after the upgrade.
class QtGatewaySocket : public GatewaySocket
{
    Q_OBJECT
public:
    explicit QtGatewaySocket(std::unique_ptr<QWebSocket> socket, QObject *parent = nullptr);
    ~QtGatewaySocket() override;

    void sendText(const QByteArray &utf8) override;
    void close(int code, const QString &reason) override;
    qint64 bytesToWrite() const override;

    // The bearer token of the upgrade request: the Authorization header, else ?token=.
    QByteArray token() const;

private:
    std::unique_ptr<QWebSocket> m_socket;
};

} // namespace Natter::Server
