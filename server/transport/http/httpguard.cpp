#include "transport/http/httpguard.h"
#include "logging.h"
#include "metrics.h"
#include "transport/http/connectionadmission.h"
#include "transport/http/requesthead.h"
#include "transport/ws/wshandshake.h"

#include <QRandomGenerator>
#include <QTcpSocket>

#include <cctype>
#include <cstring>
#include <QTimer>

namespace Natter::Server {

HttpGuard::HttpGuard(QTcpSocket *socket, Limits limits, UploadHandler uploads, UpgradeHandler upgrades,
    ConnectionAdmission *admission)
    : QObject(socket)
    , m_socket(socket)
    , m_limits(limits)
    , m_uploads(std::move(uploads))
    , m_upgrades(std::move(upgrades))
    , m_admission(admission)
{
    if (auto *observable = dynamic_cast<ObservableSocket *>(socket))
        observable->observer = this;
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

HttpGuard::~HttpGuard()
{
    // Only ever destroyed with its socket (a child of it), whose writes can no longer reach this observer.
    // An upgrade handed to LiteWebSocket is answered on its own descriptor; anything else still waiting was
    // never answered (the connection closed first).
    while (!m_pending.isEmpty())
        logAnswered(m_takeOverUpgrade ? QByteArrayLiteral("101") : QByteArrayLiteral("-"));
}

namespace {
qint64 monotonicNs()
{
    static QElapsedTimer clock = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return clock.nsecsElapsed();
}

bool safeRequestId(const QByteArray &id)
{
    if (id.isEmpty() || id.size() > 64)
        return false;
    for (char c : id)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' || c == ':'))
            return false;
    return true;
}
} // namespace

void HttpGuard::noteRequest()
{
    Metrics::add(metrics().httpRequests);
    const qsizetype lineEnd = m_header.indexOf("\r\n");
    const QList<QByteArray> parts = m_header.left(lineEnd < 0 ? m_header.size() : lineEnd).split(' ');
    Pending p;
    p.method = parts.value(0).left(16);
    // Without the query: it may carry a token (?token= on the gateway) or other secrets.
    p.path = parts.value(1).split('?').value(0).left(256);
    p.startNs = monotonicNs();
    // A proxy's X-Request-Id is kept, so that its log and ours can be matched; otherwise one is made.
    const qsizetype at = m_header.toLower().indexOf("\r\nx-request-id:");
    if (at >= 0) {
        const qsizetype valueStart = at + 15;
        const qsizetype valueEnd = m_header.indexOf("\r\n", valueStart);
        const QByteArray id = m_header.mid(valueStart, valueEnd - valueStart).trimmed();
        if (safeRequestId(id))
            p.id = id;
    }
    if (p.id.isEmpty()) {
        const quint64 random = QRandomGenerator::global()->generate64();
        p.id = QByteArray::number(random, 16).rightJustified(16, '0');
    }
    m_pending.append(std::move(p));
}

void HttpGuard::logAnswered(const QByteArray &status)
{
    Pending p = m_pending.isEmpty() ? Pending { "-", "-", "-", monotonicNs() } : m_pending.takeFirst();
    qCInfo(lcHttp).noquote().nospace() << "request id=" << p.id << ' ' << p.method << ' ' << p.path
                                       << " status=" << status << " ms="
                                       << QString::number(double(monotonicNs() - p.startNs) / 1e6, 'f', 2);
}

void HttpGuard::responseBytes(const char *data, qint64 size)
{
    // Follows response framing: a head (status line, headers), then Content-Length bytes of body. A response
    // without a length is taken to end where the next one starts.
    while (size > 0) {
        if (m_responseBodyRemaining > 0) {
            const qint64 take = qMin(m_responseBodyRemaining, size);
            m_responseBodyRemaining -= take;
            data += take;
            size -= take;
            continue;
        }
        if (m_responseHead.isEmpty() && m_responseBodyRemaining < 0
            && (size < 7 || std::memcmp(data, "HTTP/1.", 7) != 0))
            return; // body of a response of unknown length, or WebSocket frames after an upgrade
        m_responseBodyRemaining = -1;
        const qsizetype before = m_responseHead.size();
        m_responseHead.append(data, qMin<qint64>(size, 16384));
        const qsizetype end = m_responseHead.indexOf("\r\n\r\n");
        if (end < 0) {
            if (m_responseHead.size() >= 16384)
                m_responseHead.clear();
            return;
        }
        const qint64 used = end + 4 - before;
        data += used;
        size -= used;
        const QByteArray head = std::exchange(m_responseHead, {}).left(end);
        const QByteArray status = head.mid(9, 3);
        logAnswered(status);
        const qsizetype cl = head.toLower().indexOf("\r\ncontent-length:");
        if (cl >= 0) {
            const qsizetype valueEnd = head.indexOf("\r\n", cl + 2);
            m_responseBodyRemaining = head.mid(cl + 17, valueEnd < 0 ? -1 : valueEnd - cl - 17).trimmed().toLongLong();
        }
        if (status == "101") {
            // From here on the connection speaks WebSocket.
            if (auto *observable = dynamic_cast<ObservableSocket *>(m_socket))
                observable->observer = nullptr;
            return;
        }
        if (m_responseBodyRemaining == 0)
            m_responseBodyRemaining = -1;
    }
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
    noteRequest();
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
    if (m_admission) {
        // Before anything is handed on: a page in a browser must not reach the gateway or the REST routes
        // unless its origin is listed. The origin is not echoed: it is the client's text.
        if (head.hasOrigin && !m_admission->originAllowed(head.origin)) {
            refuse(403, "Forbidden", "forbidden",
                "requests from this web origin are not allowed (the server's allowed-origins lists those "
                "that are)");
            return false;
        }
        m_admission->sawToken(m_socket, head.token);
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
    metrics().reject(status == 431 ? Metrics::Reject::HeaderTooLarge
            : status == 413        ? Metrics::Reject::BodyTooLarge
            : status == 411        ? Metrics::Reject::ChunkedBody
            : status == 403        ? Metrics::Reject::Forbidden
                                   : Metrics::Reject::BadRequest);
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
