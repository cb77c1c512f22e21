#include "framewriter.h"

#include <cstring>

namespace Natter::Ws {

namespace {
    int lengthBytes(qsizetype size)
    {
        return size < 126 ? 0 : size <= 0xFFFF ? 2 : 8;
    }

    // The opcode and length bytes of a frame's header (2, 4 or 10 bytes); returns how many it wrote.
    int writeHeader(uchar *p, quint8 opcode, qsizetype size, bool masked)
    {
        const int extra = lengthBytes(size);
        p[0] = 0x80 | opcode;
        p[1] = (masked ? 0x80 : 0) | (extra == 0 ? uchar(size) : extra == 2 ? 126 : 127);
        quint64 v = quint64(size);
        for (int i = extra; i > 0; --i, v >>= 8)
            p[1 + i] = uchar(v & 0xFF);
        return 2 + extra;
    }
} // namespace

QByteArray frame(quint8 opcode, const char *payload, qsizetype size)
{
    QByteArray out(2 + lengthBytes(size) + size, Qt::Uninitialized);
    auto *p = reinterpret_cast<uchar *>(out.data());
    const int header = writeHeader(p, opcode, size, false);
    if (size)
        std::memcpy(p + header, payload, size_t(size));
    return out;
}

QByteArray maskedFrame(quint8 opcode, const char *payload, qsizetype size, quint32 maskKey)
{
    QByteArray out(2 + lengthBytes(size) + 4 + size, Qt::Uninitialized);
    auto *p = reinterpret_cast<uchar *>(out.data());
    const int header = writeHeader(p, opcode, size, true);
    uchar key[4];
    std::memcpy(key, &maskKey, 4);
    std::memcpy(p + header, key, 4);
    uchar *body = p + header + 4;
    for (qsizetype i = 0; i < size; ++i)
        body[i] = uchar(payload[i]) ^ key[i & 3];
    return out;
}

QByteArray closeFrame(int code, const QByteArray &reasonUtf8)
{
    QByteArray body;
    if (code) {
        body.reserve(2 + qMin<qsizetype>(reasonUtf8.size(), 123));
        body.append(char(code >> 8)).append(char(code & 0xFF));
        // A control frame carries at most 125 bytes; cut the reason on a character boundary.
        qsizetype n = qMin<qsizetype>(reasonUtf8.size(), 123);
        while (n > 0 && n < reasonUtf8.size() && (uchar(reasonUtf8[n]) & 0xC0) == 0x80)
            --n;
        body.append(reasonUtf8.constData(), n);
    }
    return frame(0x8, body.constData(), body.size());
}

namespace {
    // The last frame built by sharedTextFrame(). Holding the payload keeps its data pointer from being reused
    // by another array while cached.
    struct FrameCache
    {
        QByteArray payload;
        QByteArray frame;
    };
    thread_local FrameCache t_cache;
} // namespace

const QByteArray &sharedTextFrame(const QByteArray &utf8)
{
    if (t_cache.payload.constData() != utf8.constData() || t_cache.payload.size() != utf8.size()
        || t_cache.payload.isNull()) {
        t_cache.payload = utf8;
        t_cache.frame = textFrame(utf8);
    }
    return t_cache.frame;
}

} // namespace Natter::Ws
