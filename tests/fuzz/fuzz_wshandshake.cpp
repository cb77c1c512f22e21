// libFuzzer target: the WebSocket opening handshake check (server/transport/ws/wshandshake), on a request head
// as the lite transport and HttpGuard give it.
#include "transport/ws/wshandshake.h"

#include <cstdint>
#include <cstdlib>

using Natter::Server::WsHandshake;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    const QByteArray head = QByteArray::fromRawData(reinterpret_cast<const char *>(bytes), qsizetype(size));
    (void)WsHandshake::isGatewayUpgrade(head);
    const WsHandshake handshake = WsHandshake::parse(head);
    if (handshake.valid) {
        if (handshake.key.isEmpty() || !handshake.problem.isEmpty())
            abort();
        const QByteArray answer = handshake.switchingProtocols();
        // A header value that came from the client must never split the answer into more headers.
        if (!answer.startsWith("HTTP/1.1 101 ") || !answer.endsWith("\r\n\r\n") || answer.count("\r\n\r\n") != 1)
            abort();
        if (WsHandshake::acceptKey(handshake.key).size() != 28)
            abort();
    } else {
        if (handshake.problem.isEmpty())
            abort();
        const QByteArray refusal = handshake.refusal();
        const qsizetype headEnd = refusal.indexOf("\r\n\r\n");
        if (!refusal.startsWith("HTTP/1.1 400 ") || headEnd < 0)
            abort();
        const QByteArray body = refusal.mid(headEnd + 4);
        QByteArray length("Content-Length: ");
        length.append(QByteArray::number(body.size())).append("\r\n");
        if (!refusal.left(headEnd + 2).contains(length))
            abort();
    }
    return 0;
}
