#include "connection.h"
#include "logging.h"

#include <errorcode.h>
#include <isotime.h>
#include <protocollimits.h>

#include <QTimer>
#include <QUuid>
#include <QWebSocket>

Connection::Connection(std::unique_ptr<QWebSocket> socket, qint64 userId, QByteArray tokenHash,
                       qint64 maxOutboundBytes, QObject *parent)
    : QObject(parent)
    , m_socket(std::move(socket))
    , m_userId(userId)
    , m_tokenHash(std::move(tokenHash))
    , m_sessionId(QUuid::createUuid().toString(QUuid::Id128))
    , m_maxOutbound(maxOutboundBytes)
    , m_lastActivityMs(nowMs())
{
    connect(m_socket.get(), &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        m_lastActivityMs = nowMs();
        if (!m_closing)
            Q_EMIT frameReceived(this, text);
    });
    connect(m_socket.get(), &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &) {
        m_lastActivityMs = nowMs();
        close(CloseCode::PolicyViolation, QStringLiteral("binary frames are not part of the protocol"));
    });
    connect(m_socket.get(), &QWebSocket::pong, this, [this] { m_lastActivityMs = nowMs(); });
    connect(m_socket.get(), &QWebSocket::disconnected, this, [this] {
        m_closing = true;
        Q_EMIT closed(this);
    });
}

Connection::~Connection()
{
    if (m_socket)
        m_socket->disconnect(this);
}

void Connection::send(const QString &frame)
{
    if (m_closing)
        return;
    if (m_socket->bytesToWrite() > m_maxOutbound) {
        qCInfo(lcGateway) << "closing slow connection of user" << m_userId << "with"
                          << m_socket->bytesToWrite() << "bytes unsent";
        close(CloseCode::TooSlow, QStringLiteral("too slow: resync"));
        return;
    }
    m_socket->sendTextMessage(frame);
}

void Connection::close(int code, const QString &reason)
{
    if (m_closing)
        return;
    m_closing = true;
    m_socket->close(QWebSocketProtocol::CloseCode(code), reason);
    // A peer that never answers the close handshake must not keep the socket forever.
    QWebSocket *socket = m_socket.get();
    QTimer::singleShot(5000, this, [socket] { socket->abort(); });
}
