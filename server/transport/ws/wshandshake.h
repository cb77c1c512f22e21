#pragma once

#include <QByteArray>

namespace Natter::Server {

// The opening handshake of a WebSocket upgrade (RFC 6455 4.2), read from a complete HTTP request head.
struct WsHandshake
{
    bool valid = false;
    QByteArray problem; // why it is not valid, for the 400 answer
    QByteArray key; // Sec-WebSocket-Key
    QByteArray token; // Authorization: Bearer, else ?token= (URL-decoded); empty when neither

    static WsHandshake parse(const QByteArray &head);
    // True for `GET /api/v1/ws...` with an Upgrade header naming websocket: the requests the lite transport
    // takes.
    static bool isGatewayUpgrade(const QByteArray &head);

    static QByteArray acceptKey(const QByteArray &key);
    QByteArray switchingProtocols() const;
    // An HTTP error answer with the protocol's JSON error body; the connection closes after it.
    // EXTRAHEADERS are whole header lines, each ending in CRLF.
    static QByteArray errorResponse(int status, const QByteArray &reason, const QByteArray &code,
        const QByteArray &message, const QByteArray &extraHeaders = {});
    // The 400 answer to an invalid handshake (PROBLEM), with Sec-WebSocket-Version: 13.
    QByteArray refusal() const;
};

} // namespace Natter::Server
