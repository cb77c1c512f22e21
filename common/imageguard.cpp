#include "imageguard.h"

#include <QIODevice>
#include <QString>
#include <QtEndian>

namespace Natter::ImageGuard {

namespace {
constexpr char PngSignature[] = "\x89PNG\r\n\x1a\n";

// Every chunk (length, type, data, CRC) must lie inside the file, up to IEND; bytes after IEND are never
// read.
bool pngChunksFit(QIODevice *device)
{
    const qint64 size = device->size();
    qint64 pos = 8;
    while (pos < size) {
        if (size - pos < 12)
            return false; // a chunk header (or its CRC) cut short: libpng would still trust its length
        uchar head[8];
        if (!device->seek(pos) || device->read(reinterpret_cast<char *>(head), 8) != 8)
            return false;
        const quint32 length = qFromBigEndian<quint32>(head);
        if (qint64(length) > size - pos - 12)
            return false;
        if (QByteArrayView(reinterpret_cast<const char *>(head + 4), 4) == "IEND")
            return true;
        pos += 12 + qint64(length);
    }
    return false; // no IEND: libpng reads on past the end looking for one
}
} // namespace

QByteArray decoderFor(QIODevice *device)
{
    if (!device || !device->isOpen() || device->isSequential() || !device->seek(0))
        return {};
    const QByteArray head = device->peek(12);
    QByteArray format;
    if (head.startsWith(QByteArrayView(PngSignature, 8)))
        format = pngChunksFit(device) ? "png" : "";
    else if (head.startsWith("\xff\xd8\xff"))
        format = "jpeg";
    else if (head.startsWith("GIF87a") || head.startsWith("GIF89a"))
        format = "gif";
    else if (head.size() == 12 && head.startsWith("RIFF") && head.mid(8, 4) == "WEBP")
        format = "webp";
    else if (head.startsWith("BM"))
        format = "bmp";
    device->seek(0);
    return format;
}

QByteArray decoderForMime(const QString &mime)
{
    if (mime == u"image/png")
        return "png";
    if (mime == u"image/jpeg")
        return "jpeg";
    if (mime == u"image/gif")
        return "gif";
    if (mime == u"image/webp")
        return "webp";
    if (mime == u"image/bmp")
        return "bmp";
    return {};
}

} // namespace Natter::ImageGuard
