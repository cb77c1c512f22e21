#include "transport/ws/qtgatewaysocket.h"

#include <common/protocollimits.h>

#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>

namespace Natter::Server {

QtGatewaySocket::QtGatewaySocket(std::unique_ptr<QWebSocket> socket, QObject *parent)
    : GatewaySocket(parent)
    , m_socket(std::move(socket))
{
    // Qt's defaults allow 2 GiB frames; the protocol allows 64 KiB, and Qt closes larger ones with 1009.
    m_socket->setMaxAllowedIncomingFrameSize(Limits::MaxFrameBytes);
    m_socket->setMaxAllowedIncomingMessageSize(Limits::MaxFrameBytes);
    m_socket->setReadBufferSize(Limits::MaxFrameBytes * 2);
    connect(m_socket.get(), &QWebSocket::textMessageReceived, this,
        [this](const QString &text) { Q_EMIT textReceived(text.toUtf8()); });
    connect(m_socket.get(), &QWebSocket::binaryMessageReceived, this, [this] { Q_EMIT binaryReceived(); });
    connect(m_socket.get(), &QWebSocket::pong, this, [this] { Q_EMIT activity(); });
    connect(m_socket.get(), &QWebSocket::disconnected, this, [this] { Q_EMIT disconnected(); });
}

QtGatewaySocket::~QtGatewaySocket()
{
    m_socket->disconnect(this);
}

void QtGatewaySocket::sendText(const QByteArray &utf8)
{
    m_socket->sendTextMessage(QString::fromUtf8(utf8));
}

void QtGatewaySocket::close(int code, const QString &reason)
{
    m_socket->close(QWebSocketProtocol::CloseCode(code), reason);
    QWebSocket *socket = m_socket.get();
    QTimer::singleShot(5000, this, [socket] { socket->abort(); });
}

qint64 QtGatewaySocket::bytesToWrite() const
{
    return m_socket->bytesToWrite();
}

QByteArray QtGatewaySocket::token() const
{
    const QByteArray header = m_socket->request().rawHeader("Authorization");
    if (header.startsWith("Bearer "))
        return header.mid(7).trimmed();
    return QUrlQuery(m_socket->request().url()).queryItemValue(u"token"_qs, QUrl::FullyDecoded).toLatin1();
}

} // namespace Natter::Server
