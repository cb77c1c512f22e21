#include "frameparser.h"

#include <cstring>

namespace Natter::Ws {

namespace {
    enum Opcode : quint8 {
        Continuation = 0x0,
        Text = 0x1,
        Binary = 0x2,
        Close = 0x8,
        Ping = 0x9,
        Pong = 0xA
    };

    quint64 readBigEndian(const uchar *p, int bytes)
    {
        quint64 v = 0;
        for (int i = 0; i < bytes; ++i)
            v = (v << 8) | p[i];
        return v;
    }

    // KEY is null for a server's frames, which carry none.
    void unmask(char *data, qsizetype size, const uchar *key)
    {
        if (!key)
            return;
        for (qsizetype i = 0; i < size; ++i)
            data[i] = char(uchar(data[i]) ^ key[i & 3]);
    }
} // namespace

FrameParser::FrameParser(qint64 maxMessageBytes, Role role)
    : m_max(maxMessageBytes)
    , m_role(role)
{
}

qsizetype FrameParser::parse(const char *data, qsizetype size, QList<Message> &out, int *failCode)
{
    *failCode = 0;
    qsizetype pos = 0;
    while (size - pos >= 2) {
        const auto *p = reinterpret_cast<const uchar *>(data + pos);
        const bool fin = p[0] & 0x80;
        const quint8 opcode = p[0] & 0x0F;
        const bool masked = p[1] & 0x80;
        const quint8 len7 = p[1] & 0x7F;
        if (p[0] & 0x70) { // no extension was negotiated, so reserved bits must be clear
            *failCode = 1002;
            return pos;
        }
        const bool control = opcode & 0x8;
        if (opcode != Continuation && opcode != Text && opcode != Binary && opcode != Close && opcode != Ping
            && opcode != Pong) {
            *failCode = 1002;
            return pos;
        }
        if (masked != (m_role == Role::Server) || (control && (!fin || len7 > 125))) {
            *failCode = 1002;
            return pos;
        }
        const int extra = len7 == 126 ? 2 : len7 == 127 ? 8 : 0;
        if (size - pos < 2 + extra)
            return pos;
        const quint64 length = extra ? readBigEndian(p + 2, extra) : len7;
        if ((extra == 8 && (length >> 63)) || (extra == 2 && length < 126)
            || (extra == 8 && length <= 0xFFFF)) {
            *failCode = 1002; // not the minimal length encoding, or the top bit set
            return pos;
        }
        // Refused from the header alone, so an oversized message is never buffered.
        if (!control) {
            const bool continuation = opcode == Continuation;
            if (continuation != m_collecting) {
                *failCode = 1002; // a continuation with nothing to continue, or a new message inside one
                return pos;
            }
            if (length + quint64(continuation ? m_fragments.size() : 0) > quint64(m_max)) {
                *failCode = 1009;
                return pos;
            }
        }
        const qsizetype headerBytes = 2 + extra + (masked ? 4 : 0);
        if (size - pos < headerBytes || quint64(size - pos - headerBytes) < length)
            return pos;
        const uchar *key = masked ? p + 2 + extra : nullptr;
        const char *payload = data + pos + headerBytes;
        pos += headerBytes + qsizetype(length);

        if (control) {
            QByteArray body(payload, qsizetype(length));
            unmask(body.data(), body.size(), key);
            if (opcode == Close) {
                if (body.size() == 1) {
                    *failCode = 1002;
                    return pos;
                }
                if (body.size() >= 2) {
                    const int code = (uchar(body[0]) << 8) | uchar(body[1]);
                    if (!isValidCloseCode(code)) {
                        *failCode = 1002;
                        return pos;
                    }
                    if (!isValidUtf8(body.constData() + 2, body.size() - 2)) {
                        *failCode = 1007;
                        return pos;
                    }
                }
                out.append({ Kind::Close, body });
                return pos; // nothing after a close counts
            }
            out.append({ opcode == Ping ? Kind::Ping : Kind::Pong, body });
            continue;
        }

        if (opcode != Continuation) {
            m_fragmentKind = opcode == Text ? Kind::Text : Kind::Binary;
            if (fin) {
                // The common case: a whole message in one frame, unmasked into its own exact-size array.
                QByteArray message(payload, qsizetype(length));
                unmask(message.data(), message.size(), key);
                if (m_fragmentKind == Kind::Text && !isValidUtf8(message.constData(), message.size())) {
                    *failCode = 1007;
                    return pos;
                }
                out.append({ m_fragmentKind, message });
                continue;
            }
            m_collecting = true;
        }
        const qsizetype before = m_fragments.size();
        m_fragments.append(payload, qsizetype(length));
        unmask(m_fragments.data() + before, qsizetype(length), key);
        if (m_fragmentKind == Kind::Text) {
            const qsizetype valid
                = validUtf8Prefix(m_fragments.constData() + m_utf8Checked, m_fragments.size() - m_utf8Checked);
            // The last fragment must also end on a code point's end.
            if (valid < 0 || (fin && m_utf8Checked + valid != m_fragments.size())) {
                *failCode = 1007;
                return pos;
            }
            m_utf8Checked += valid;
        }
        if (fin) {
            m_collecting = false;
            m_utf8Checked = 0;
            out.append({ m_fragmentKind, std::exchange(m_fragments, {}) });
        }
    }
    return pos;
}

bool isValidCloseCode(int code)
{
    return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1011) || (code >= 3000 && code <= 4999);
}

bool isValidUtf8(const char *data, qsizetype size)
{
    return validUtf8Prefix(data, size) == size;
}

qsizetype validUtf8Prefix(const char *data, qsizetype size)
{
    const auto *s = reinterpret_cast<const uchar *>(data);
    qsizetype i = 0;
    while (i < size) {
        // ASCII runs are the bulk of JSON: skip them eight bytes at a time.
        while (i + 8 <= size) {
            quint64 word;
            std::memcpy(&word, s + i, 8);
            if (word & 0x8080808080808080ULL)
                break;
            i += 8;
        }
        if (i >= size)
            break;
        const uchar c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int n;
        uchar lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            if (c == 0xE0)
                lo = 0xA0; // overlong
            else if (c == 0xED)
                hi = 0x9F; // surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            if (c == 0xF0)
                lo = 0x90;
            else if (c == 0xF4)
                hi = 0x8F; // above U+10FFFF
        } else {
            return -1;
        }
        const qsizetype available = qMin<qsizetype>(n, size - i - 1); // continuation bytes present
        if (available >= 1 && (s[i + 1] < lo || s[i + 1] > hi))
            return -1;
        for (int k = 2; k <= available; ++k)
            if ((s[i + k] & 0xC0) != 0x80)
                return -1;
        if (available < n)
            return i; // the valid start of a code point that the rest of the data must finish
        i += n + 1;
    }
    return i;
}

} // namespace Natter::Ws
