// libFuzzer target: the RFC 6455 frame parser (common/ws/frameparser), as a server (masked client frames) and
// as a client (unmasked server frames). The first byte picks the role and how the rest arrives: all at once or
// in pieces of a chosen size, the way a socket delivers it. Both deliveries must give the same messages and the
// same failure: a difference is a bug in the parser's incremental state.
#include <common/ws/frameparser.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>

using Natter::Ws::FrameParser;

namespace {
constexpr qint64 MaxMessage = 64 * 1024;

struct Outcome
{
    QList<FrameParser::Message> messages;
    int failCode = 0;
    qsizetype leftover = 0;
};

Outcome run(FrameParser::Role role, const char *data, qsizetype size, qsizetype piece)
{
    FrameParser parser(MaxMessage, role);
    Outcome out;
    QByteArray buffer;
    qsizetype pos = 0;
    bool stopped = false;
    while (pos < size && !stopped) {
        const qsizetype take = qMin(piece, size - pos);
        buffer.append(data + pos, take);
        pos += take;
        const qsizetype before = out.messages.size();
        const qsizetype used = parser.parse(buffer.constData(), buffer.size(), out.messages, &out.failCode);
        if (used < 0 || used > buffer.size())
            abort();
        buffer.remove(0, used);
        if (out.failCode != 0)
            stopped = true;
        for (qsizetype i = before; i < out.messages.size(); ++i) {
            const FrameParser::Message &m = out.messages.at(i);
            if (m.payload.size() > MaxMessage)
                abort(); // the limit must hold for every message, however it was fragmented
            if (m.kind == FrameParser::Kind::Text && !Natter::Ws::isValidUtf8(m.payload.constData(), m.payload.size()))
                abort();
            if ((m.kind == FrameParser::Kind::Ping || m.kind == FrameParser::Kind::Pong
                    || m.kind == FrameParser::Kind::Close)
                && m.payload.size() > 125)
                abort();
            if (m.kind == FrameParser::Kind::Close) {
                if (m.payload.size() == 1)
                    abort();
                if (m.payload.size() >= 2) {
                    const int code = (quint8(m.payload[0]) << 8) | quint8(m.payload[1]);
                    if (!Natter::Ws::isValidCloseCode(code))
                        abort();
                }
                stopped = true;
            }
        }
    }
    out.leftover = buffer.size();
    return out;
}

bool same(const Outcome &a, const Outcome &b)
{
    if (a.failCode != b.failCode || a.messages.size() != b.messages.size())
        return false;
    for (qsizetype i = 0; i < a.messages.size(); ++i) {
        if (a.messages[i].kind != b.messages[i].kind || a.messages[i].payload != b.messages[i].payload)
            return false;
    }
    return true;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    if (size < 1)
        return 0;
    const quint8 control = bytes[0];
    const auto role = (control & 0x80) ? FrameParser::Role::Client : FrameParser::Role::Server;
    const qsizetype piece = (control & 0x7f) + 1;
    const char *data = reinterpret_cast<const char *>(bytes + 1);
    const qsizetype n = qsizetype(size - 1);
    const Outcome whole = run(role, data, n, qMax<qsizetype>(n, 1));
    const Outcome pieces = run(role, data, n, piece);
    // A failure stops parsing, so what is left unread may differ; the messages and the verdict may not.
    if (!same(whole, pieces))
        abort();
    return 0;
}
