#pragma once

#include <QByteArray>

namespace Natter::Server {

// What HttpGuard reads out of a complete HTTP/1.1 request head (up to and including the blank line): the
// framing (Content-Length, Transfer-Encoding) and whether it asks for an upgrade. A pure function, so that the
// fuzz target (tests/fuzz/fuzz_httphead) drives exactly what the guard runs on a client's bytes.
struct RequestHead
{
    enum class Problem : quint8 {
        None,
        BadContentLength, // not a non-negative integer, or given twice
        Chunked, // a Transfer-Encoding other than identity
    };

    QByteArray requestLine; // trimmed
    QByteArray target; // the request line's second word
    qint64 contentLength = 0; // 0 when absent; valid only without a problem
    bool upgrade = false; // an Upgrade header is present
    bool connectionUpgrade = false; // Connection names upgrade
    bool hasOrigin = false; // an Origin header is present (browsers send one; the app and CLI tools do not)
    QByteArray origin; // its value; empty when it was given twice (never allowed then)
    QByteArray token; // Authorization: Bearer, else ?token= (percent-decoded); empty when neither
    Problem problem = Problem::None; // the first one, in header order; reading stops there

    static RequestHead parse(const QByteArray &head);

    // The index of the first LF in BYTES[FROM, TO) that does not follow a CR, or -1. QHttpServer's parser
    // also ends lines at a bare LF, so the guard refuses those heads rather than read framing differently.
    static qsizetype bareLineFeed(const QByteArray &bytes, qsizetype from, qsizetype to);
};

} // namespace Natter::Server
