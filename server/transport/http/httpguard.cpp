#include "transport/http/httpguard.h"
#include "transport/http/requesthead.h"
#include "logging.h"
#include "transport/ws/wshandshake.h"

#include <QTcpSocket>
#include <QTimer>

namespace Natter::Server {

HttpGuard::HttpGuard(QTcpSocket *socket, Limits limits, UploadHandler uploads, UpgradeHandler upgrades)
    : QObject(socket)
    , m_socket(socket)
    , m_limits(limits)
    , m_uploads(std::move(uploads))
    , m_upgrades(std::move(upgrades))
{
    connect(socket, &QTcpSocket::readyRead, this, &HttpGuard::onReadyRead);
    // A client that owes us a request head or body and stops sending is dropped (slowloris); one that is
    // merely idle between requests, or reading a long download, is not.
    m_deadline.setSingleShot(true);
    m_deadline.setInterval(HeadTimeoutMs);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        if (m_done)
            return;
        qCInfo(lcHttp) << "dropping a connection that stopped sending its request:"
                       << m_socket->peerAddress().toString();
        m_done = true;
        m_socket->abort();
    });
}

void HttpGuard::onReadyRead()
{
    if (m_done)
        return;
    // QHttpServer reads everything available in its own readyRead slot, which runs after this one, so what
    // peek() shows here is exactly the bytes that arrived since the last call.
    const QByteArray fresh = m_socket->peek(m_socket->bytesAvailable());
    qsizetype pos = 0;
    while (pos < fresh.size() && !m_done) {
        if (m_bodyRemaining > 0) {
            const qint64 take = qMin<qint64>(m_bodyRemaining, fresh.size() - pos);
            m_bodyRemaining -= take;
            pos += take;
            if (m_bodyRemaining > 0)
                m_deadline.start();
            else
                m_deadline.stop();
            continue;
        }
        const qsizetype before = m_header.size();
        if (before == 0)
            m_deadline.start(); // a whole head must arrive in time, however slowly its bytes trickle in
        m_header.append(fresh.constData() + pos, fresh.size() - pos);
        const qsizetype end = m_header.indexOf("\r\n\r\n");
        // QHttpServer's parser also ends lines at a bare LF; framing must be read the same way it is, so a
        // head with a bare LF is refused rather than misread. Only the head is looked at: a body may hold
        // anything.
        const qsizetype headSize = end < 0 ? m_header.size() : end + 4;
        if (RequestHead::bareLineFeed(m_header, before - 1, headSize) >= 0) {
            refuse(400, "Bad Request", "bad_request", "request lines must end with CRLF");
            return;
        }
        if (end < 0) {
            pos = fresh.size();
            if (m_header.size() > m_limits.maxHeaderBytes)
                refuse(
                    431, "Request Header Fields Too Large", "bad_request", "request headers are too large");
            break;
        }
        pos += end + 4 - before;
        m_header.truncate(end + 4);
        m_deadline.stop();
        if (!inspectHeaders()) {
            if (m_takeOver)
                handOver(pos);
            break;
        }
        m_header.clear();
    }
}

bool HttpGuard::inspectHeaders()
{
    if (m_header.size() > m_limits.maxHeaderBytes) {
        refuse(431, "Request Header Fields Too Large", "bad_request", "request headers are too large");
        return false;
    }
    const RequestHead head = RequestHead::parse(m_header);
    if (head.problem == RequestHead::Problem::BadContentLength) {
        refuse(400, "Bad Request", "bad_request", "invalid or repeated Content-Length");
        return false;
    }
    if (head.problem == RequestHead::Problem::Chunked) {
        refuse(411, "Length Required", "bad_request", "chunked request bodies are not accepted; send Content-Length");
        return false;
    }
    const QByteArray &requestLine = head.requestLine;
    const QByteArray &target = head.target;
    const qint64 contentLength = head.contentLength;
    bool upgrade = head.upgrade;
    const bool connectionUpgrade = head.connectionUpgrade;
    // The upload handler enforces the upload limit itself (also answering 413 before reading the body).
    if (m_uploads && requestLine.startsWith("POST ") && target.split('?').value(0) == "/api/v1/uploads") {
        m_takeOver = true;
        return false;
    }
    // Uploads went to their own handler above; everything else here is a JSON-sized request.
    const qint64 limit = m_uploads             ? m_limits.maxBodyBytes
        : target.startsWith("/api/v1/uploads") ? m_limits.maxUploadBytes
                                               : m_limits.maxBodyBytes;
    if (contentLength > limit) {
        refuse(413, "Payload Too Large", "payload_too_large",
            "the request body is larger than " + QByteArray::number(limit) + " bytes");
        return false;
    }
    // QHttpServer's parser treats a request as an upgrade only with both headers; without Connection: upgrade
    // it is an ordinary request, and is guarded as one. (A gateway upgrade goes to the lite handshake either
    // way, which answers a missing Connection with 400.)
    const bool gatewayUpgrade = upgrade && WsHandshake::isGatewayUpgrade(m_header);
    if (gatewayUpgrade && !m_upgrades) {
        // Qt's transport: QHttpServer upgrades only a request it reads as one, and leaves anything else on
        // the path unanswered, so the handshake is checked here, exactly as the lite transport checks it.
        const WsHandshake handshake = WsHandshake::parse(m_header);
        if (!handshake.valid) {
            refuse(400, "Bad Request", "bad_request", handshake.problem, "Sec-WebSocket-Version: 13\r\n");
            return false;
        }
    }
    upgrade = upgrade && (connectionUpgrade || (gatewayUpgrade && m_upgrades));
    if (gatewayUpgrade && m_upgrades) {
        m_takeOver = true;
        m_takeOverUpgrade = true;
        return false;
    }
    if (upgrade && !gatewayUpgrade) {
        // Only the gateway upgrades; anything else claiming to would leave the connection unguarded.
        refuse(400, "Bad Request", "bad_request", "only /api/v1/ws can be upgraded, to websocket");
        return false;
    }
    if (upgrade) {
        // From here on the connection speaks WebSocket, which has limits of its own.
        m_done = true;
        disconnect(m_socket, nullptr, this, nullptr);
        return false;
    }
    m_bodyRemaining = contentLength;
    if (m_bodyRemaining > 0)
        m_deadline.start(); // restarted by every chunk of the body that arrives
    return true;
}

void HttpGuard::handOver(qsizetype headEnd)
{
    m_done = true;
    m_deadline.stop();
    disconnect(m_socket, &QTcpSocket::readyRead, nullptr, nullptr);
    // QHttpServer keeps a transaction open over a request it has only partly seen; what it read of this head
    // is in m_header already. Unread now: this chunk up to the end of the head (a pipelined request before it
    // is dropped with it, as the connection closes after the upload), then the body.
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    m_socket->skip(headEnd);
    const QByteArray header = std::exchange(m_header, {});
    (m_takeOverUpgrade ? m_upgrades : m_uploads)(m_socket, header);
}

void HttpGuard::refuse(int status, const QByteArray &reason, const QByteArray &code, const QByteArray &message,
    const QByteArray &extraHeaders)
{
    m_done = true;
    m_deadline.stop();
    qCInfo(lcHttp) << "refused request from" << m_socket->peerAddress().toString() << status << message;
    const QByteArray body = "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}";
    // Nobody else may read this connection any more: QHttpServer would buffer the body we refuse.
    disconnect(m_socket, &QTcpSocket::readyRead, nullptr, nullptr);
    m_socket->setReadBufferSize(4096);
    m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n" + extraHeaders
        + "Content-Type: application/json\r\nConnection: close\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    m_socket->disconnectFromHost();
    QTcpSocket *socket = m_socket;
    QTimer::singleShot(5000, socket, [socket] { socket->abort(); });
}

} // namespace Natter::Server
