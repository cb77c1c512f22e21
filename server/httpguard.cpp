#include "httpguard.h"
#include "logging.h"
#include "wshandshake.h"

#include <QTcpSocket>
#include <QTimer>

HttpGuard::HttpGuard(QTcpSocket *socket, Limits limits, UploadHandler uploads, UpgradeHandler upgrades)
    : QObject(socket)
    , m_socket(socket)
    , m_limits(limits)
    , m_uploads(std::move(uploads))
    , m_upgrades(std::move(upgrades))
{
    connect(socket, &QTcpSocket::readyRead, this, &HttpGuard::onReadyRead);
}

void HttpGuard::onReadyRead()
{
    if (m_done) return;
    // QHttpServer reads everything available in its own readyRead slot, which runs after this one, so what
    // peek() shows here is exactly the bytes that arrived since the last call.
    const QByteArray fresh = m_socket->peek(m_socket->bytesAvailable());
    qsizetype pos = 0;
    while (pos < fresh.size() && !m_done) {
        if (m_bodyRemaining > 0) {
            const qint64 take = qMin<qint64>(m_bodyRemaining, fresh.size() - pos);
            m_bodyRemaining -= take;
            pos += take;
            continue;
        }
        const qsizetype before = m_header.size();
        m_header.append(fresh.constData() + pos, fresh.size() - pos);
        const qsizetype end = m_header.indexOf("\r\n\r\n");
        if (end < 0) {
            pos = fresh.size();
            if (m_header.size() > m_limits.maxHeaderBytes)
                refuse(
                    431, "Request Header Fields Too Large", "bad_request", "request headers are too large");
            break;
        }
        pos += end + 4 - before;
        m_header.truncate(end + 4);
        if (!inspectHeaders()) {
            if (m_takeOver) handOver(pos);
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
    const QList<QByteArray> lines = m_header.split('\n');
    const QByteArray requestLine = lines.value(0).trimmed();
    const QByteArray target = requestLine.split(' ').value(1);
    qint64 contentLength = 0;
    bool upgrade = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            bool ok = false;
            contentLength = value.toLongLong(&ok);
            if (!ok || contentLength < 0) {
                refuse(400, "Bad Request", "bad_request", "invalid Content-Length");
                return false;
            }
        } else if (name == "transfer-encoding" && value.toLower() != "identity") {
            refuse(411, "Length Required", "bad_request",
                "chunked request bodies are not accepted; send Content-Length");
            return false;
        } else if (name == "upgrade") {
            upgrade = true;
        }
    }
    // The upload handler enforces the upload limit itself (also answering 413 before reading the body).
    if (m_uploads && requestLine.startsWith("POST ") && target.split('?').value(0) == "/api/v1/uploads") {
        m_takeOver = true;
        return false;
    }
    const bool upload = target.startsWith("/api/v1/uploads");
    const qint64 limit = upload ? m_limits.maxUploadBytes : m_limits.maxBodyBytes;
    if (contentLength > limit) {
        refuse(413, "Payload Too Large", "payload_too_large",
            "the request body is larger than " + QByteArray::number(limit) + " bytes");
        return false;
    }
    if (upgrade && m_upgrades && WsHandshake::isGatewayUpgrade(m_header)) {
        m_takeOver = true;
        m_takeOverUpgrade = true;
        return false;
    }
    if (upgrade) {
        // From here on the connection speaks WebSocket, which has limits of its own.
        m_done = true;
        disconnect(m_socket, nullptr, this, nullptr);
        return false;
    }
    m_bodyRemaining = contentLength;
    return true;
}

void HttpGuard::handOver(qsizetype headEnd)
{
    m_done = true;
    disconnect(m_socket, &QTcpSocket::readyRead, nullptr, nullptr);
    // QHttpServer keeps a transaction open over a request it has only partly seen; what it read of this head
    // is in m_header already. Unread now: this chunk up to the end of the head (a pipelined request before it
    // is dropped with it, as the connection closes after the upload), then the body.
    if (m_socket->isTransactionStarted()) m_socket->commitTransaction();
    m_socket->skip(headEnd);
    const QByteArray header = std::exchange(m_header, {});
    (m_takeOverUpgrade ? m_upgrades : m_uploads)(m_socket, header);
}

void HttpGuard::refuse(
    int status, const QByteArray &reason, const QByteArray &code, const QByteArray &message)
{
    m_done = true;
    qCInfo(lcHttp) << "refused request from" << m_socket->peerAddress().toString() << status << message;
    const QByteArray body = "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}";
    // Nobody else may read this connection any more: QHttpServer would buffer the body we refuse.
    disconnect(m_socket, &QTcpSocket::readyRead, nullptr, nullptr);
    m_socket->setReadBufferSize(4096);
    m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
        + "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    m_socket->disconnectFromHost();
    QTcpSocket *socket = m_socket;
    QTimer::singleShot(5000, socket, [socket] { socket->abort(); });
}
