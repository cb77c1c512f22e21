#pragma once

#include <QtGlobal>

class QNetworkReply;

namespace Natter::Client {

// What the app accepts from a server, whoever runs it (issue 15: the client under attack). A hostile or
// broken server must not be able to crash the app, freeze it or make it exhaust memory; each bound is far
// above what a real natter-server sends (its own limits are in common/protocollimits.h).
namespace ClientLimits {
    // One gateway frame. The largest a real server sends is `ready` (~0.5 KB per channel: 5,000 channels
    // ≈ 2.5 MB). QWebSocket refuses a larger frame from its header (1009), before reading its payload.
    inline constexpr qint64 MaxGatewayFrameBytes = 8 * 1024 * 1024;
    // One REST answer read into memory (JSON: history pages, channel lists, search).
    inline constexpr qint64 MaxReplyBytes = 8 * 1024 * 1024;
    // Channels held (list, cache, model). Past it, `ready` keeps the most recently active ones and
    // channel.added is ignored. A real user is in far fewer; a server cannot make the app hold 100,000.
    inline constexpr int MaxChannels = 5000;
    // An image downloaded to be shown (thumbnails are ≤ 320 px; full images are what was uploaded, ≤ 25 MiB).
    inline constexpr qint64 MaxImageBytes = 64 * 1024 * 1024;
    // An image is decoded only if its header claims at most this many pixels (and neither side over
    // MaxImageSide); a header claiming 50,000 × 50,000 is refused before any pixel memory is allocated.
    inline constexpr qint64 MaxImagePixels = 100'000'000;
    inline constexpr int MaxImageSide = 32768;
    // QImageReader's own allocation ceiling, for what a header does not tell (MB).
    inline constexpr int ImageAllocationLimitMb = 512;
    // Text shown keeps at most DisplayText::MaxCombiningMarks combining marks per letter (text/displaytext.h).

    // Aborts REPLY (finished() follows, with OperationCanceledError) as soon as it declares or delivers more
    // than MAXBYTES.
    void limitReplySize(QNetworkReply *reply, qint64 maxBytes);
} // namespace ClientLimits

} // namespace Natter::Client
