#include "gateway/connection.h"
#include "transport/ws/gatewaysocket.h"
#include "logging.h"
#include "metrics.h"

#include <common/protocol/enums.h>
#include <common/isotime.h>

#include <sodium.h>

namespace Natter::Server {

Connection::Connection(std::unique_ptr<GatewaySocket> socket, qint64 userId, QByteArray tokenHash,
    qint64 maxOutboundBytes, QObject *parent)
    : QObject(parent)
    , m_socket(std::move(socket))
    , m_userId(userId)
    , m_tokenHash(std::move(tokenHash))
    , m_maxOutbound(maxOutboundBytes)
    , m_lastActivityMs(nowMs())
{
    // 128 random bits, kept as two words rather than a string: idle connections are the server's bulk.
    randombytes_buf(m_session, sizeof m_session);
    m_socket->setParent(this);
    connect(m_socket.get(), &GatewaySocket::textReceived, this, [this](const QByteArray &text) {
        m_lastActivityMs = nowMs();
        if (!m_closing)
            Q_EMIT frameReceived(this, text);
    });
    connect(m_socket.get(), &GatewaySocket::binaryReceived, this, [this] {
        m_lastActivityMs = nowMs();
        close(Wire::CloseCode::PolicyViolation, QStringLiteral("binary frames are not part of the protocol"));
    });
    connect(m_socket.get(), &GatewaySocket::activity, this, [this] { m_lastActivityMs = nowMs(); });
    connect(m_socket.get(), &GatewaySocket::disconnected, this, [this] {
        m_closing = true;
        Q_EMIT closed(this);
    });
}

Connection::~Connection()
{
    if (m_socket)
        m_socket->disconnect(this);
}

QString Connection::sessionId() const
{
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(m_session), sizeof m_session).toHex());
}

qint64 Connection::bytesQueued() const
{
    return m_socket ? m_socket->bytesToWrite() : 0;
}

void Connection::send(const QByteArray &frame)
{
    if (m_closing)
        return;
    if (m_socket->bytesToWrite() > m_maxOutbound) {
        qCInfo(lcGateway) << "closing slow connection of user" << m_userId << "with"
                          << m_socket->bytesToWrite() << "bytes unsent";
        metrics().reject(Metrics::Reject::SlowConsumer);
        close(Wire::CloseCode::TooSlow, QStringLiteral("too slow: resync"));
        return;
    }
    m_socket->sendText(frame);
}

void Connection::close(int code, const QString &reason)
{
    if (m_closing)
        return;
    m_closing = true;
    m_closeCode = quint16(code);
    m_socket->close(code, reason);
}

} // namespace Natter::Server
