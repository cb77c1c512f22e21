// libFuzzer target: HttpGuard's reading of a request head (server/transport/http/requesthead), framed exactly
// as the guard frames a client's bytes (a head ends at the first CRLFCRLF; a bare LF before it is refused),
// followed by the handshake check the guard runs on a gateway upgrade.
#include "transport/http/requesthead.h"
#include "transport/ws/wshandshake.h"

#include <cstdint>
#include <cstdlib>

using Natter::Server::RequestHead;
using Natter::Server::WsHandshake;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    const QByteArray data(reinterpret_cast<const char *>(bytes), qsizetype(size));
    const qsizetype end = data.indexOf("\r\n\r\n");
    const qsizetype headSize = end < 0 ? data.size() : end + 4;
    const qsizetype bare = RequestHead::bareLineFeed(data, 0, headSize);
    if (bare >= headSize || (bare >= 0 && (data.at(bare) != '\n' || (bare > 0 && data.at(bare - 1) == '\r'))))
        abort();
    if (bare >= 0 || end < 0)
        return 0;
    const QByteArray head = data.left(end + 4);
    const RequestHead parsed = RequestHead::parse(head);
    if (parsed.problem == RequestHead::Problem::None && parsed.contentLength < 0)
        abort();
    if (!head.contains(parsed.requestLine))
        abort();
    if (parsed.upgrade && WsHandshake::isGatewayUpgrade(head)) {
        const WsHandshake handshake = WsHandshake::parse(head);
        if (handshake.valid != handshake.problem.isEmpty())
            abort();
    }
    return 0;
}
