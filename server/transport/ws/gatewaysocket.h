#pragma once

#include <QByteArray>
#include <QObject>

namespace Natter::Server {

// One upgraded WebSocket as the gateway needs it: text frames in and out, close, and how much is still
// unsent. The frames it is given are already UTF-8 JSON, shared by every recipient, so a transport can frame
// them once.
class GatewaySocket : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual void sendText(const QByteArray &utf8) = 0;
    // Starts the closing handshake; the transport gives up on a peer that does not answer.
    virtual void close(int code, const QString &reason) = 0;
    virtual qint64 bytesToWrite() const = 0;

Q_SIGNALS:
    void textReceived(const QByteArray &utf8);
    void binaryReceived();
    // Any sign of life that is not a frame for the gateway (a pong, say).
    void activity();
    void disconnected();
};

} // namespace Natter::Server
