#include "transport/ws/wshandshake.h"

#include <QCryptographicHash>
#include <QList>

namespace Natter::Server {

namespace {
struct Head
{
    QByteArray method;
    QByteArray target;
    QByteArray version; // "HTTP/1.1"
    QList<std::pair<QByteArray, QByteArray>> headers; // names lower-cased

    QByteArray value(const QByteArray &name) const
    {
        for (const auto &[n, v] : headers)
            if (n == name)
                return v;
        return {};
    }
};

Head split(const QByteArray &head)
{
    Head h;
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> request = lines.value(0).trimmed().split(' ');
    h.method = request.value(0);
    h.target = request.value(1);
    h.version = request.value(2);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            h.headers.append({ line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed() });
    }
    return h;
}

// Connection and Upgrade are comma-separated token lists (RFC 7230), compared without case.
bool listHas(const QByteArray &value, const QByteArray &token)
{
    for (const QByteArray &item : value.split(','))
        if (item.trimmed().toLower() == token)
            return true;
    return false;
}

QByteArray queryToken(const QByteArray &target)
{
    const qsizetype q = target.indexOf('?');
    if (q < 0)
        return {};
    for (const QByteArray &pair : target.mid(q + 1).split('&')) {
        if (pair.startsWith("token="))
            return QByteArray::fromPercentEncoding(pair.mid(6).replace('+', ' '));
    }
    return {};
}
} // namespace

bool WsHandshake::isGatewayUpgrade(const QByteArray &head)
{
    const Head h = split(head);
    const QByteArray path
        = h.target.left(h.target.indexOf('?') < 0 ? h.target.size() : h.target.indexOf('?'));
    return h.method == "GET" && path == "/api/v1/ws" && listHas(h.value("upgrade"), "websocket");
}

WsHandshake WsHandshake::parse(const QByteArray &head)
{
    WsHandshake hs;
    const Head h = split(head);
    const QByteArray authorization = h.value("authorization");
    hs.token = authorization.startsWith("Bearer ") ? authorization.mid(7).trimmed() : queryToken(h.target);
    hs.key = h.value("sec-websocket-key");
    if (h.method != "GET")
        hs.problem = "a WebSocket upgrade must be a GET";
    else if (h.version != "HTTP/1.1")
        hs.problem = "a WebSocket upgrade needs HTTP/1.1";
    else if (!listHas(h.value("connection"), "upgrade"))
        hs.problem = "Connection: Upgrade is missing";
    else if (!listHas(h.value("upgrade"), "websocket"))
        hs.problem = "Upgrade: websocket is missing";
    else if (h.value("sec-websocket-version") != "13")
        hs.problem = "Sec-WebSocket-Version must be 13";
    else if (QByteArray::fromBase64(hs.key, QByteArray::AbortOnBase64DecodingErrors).size() != 16
        || hs.key.size() != 24)
        hs.problem = "Sec-WebSocket-Key must be 16 bytes in base64";
    hs.valid = hs.problem.isEmpty();
    return hs;
}

QByteArray WsHandshake::acceptKey(const QByteArray &key)
{
    return QCryptographicHash::hash(
        QByteArray(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"), QCryptographicHash::Sha1)
        .toBase64();
}

QByteArray WsHandshake::switchingProtocols() const
{
    return "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: "
           "Upgrade\r\nSec-WebSocket-Accept: "
        + acceptKey(key) + "\r\n\r\n";
}

QByteArray WsHandshake::refusal() const
{
    // RFC 6455 4.2.2: a server that refuses the version says which one it speaks. Every refused handshake
    // carries it; it costs nothing and tells a client with any other problem the same.
    return errorResponse(400, "Bad Request", "bad_request", problem, "Sec-WebSocket-Version: 13\r\n");
}

QByteArray WsHandshake::errorResponse(int status, const QByteArray &reason, const QByteArray &code,
    const QByteArray &message, const QByteArray &extraHeaders)
{
    const QByteArray body = "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}";
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n" + extraHeaders
        + "Content-Type: application/json\r\nConnection: close\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

} // namespace Natter::Server
