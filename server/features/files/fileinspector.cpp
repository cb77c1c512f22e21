#include "features/files/fileinspector.h"

#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QMimeDatabase>
#include <QtEndian>

#include <cstring>

namespace Natter::Server::FileInspector {

namespace {
// libpng allocates a chunk's declared length before it reads the chunk (Qt reads the text chunks after the image
// data, in png_read_end): a 274-byte upload declaring a 2 GB chunk made the thumbnailer allocate 2 GB
// (fuzz_upload, tests/fuzz/regressions/fuzz_upload/). A PNG with a chunk longer than what is left of the file is
// not decoded; its size, read from the header, is still reported.
bool pngChunksFit(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const qint64 size = file.size();
    char signature[8];
    if (file.read(signature, 8) != 8 || std::memcmp(signature, "\x89PNG\r\n\x1a\n", 8) != 0)
        return true; // not a PNG
    qint64 pos = 8;
    while (size - pos >= 12) { // length, type, data, CRC
        uchar head[8];
        if (!file.seek(pos) || file.read(reinterpret_cast<char *>(head), 8) != 8)
            return false;
        const quint32 length = qFromBigEndian<quint32>(head);
        if (qint64(length) > size - pos - 12)
            return false;
        if (std::memcmp(head + 4, "IEND", 4) == 0)
            return true;
        pos += 12 + qint64(length);
    }
    return true;
}
} // namespace

bool isInlineImage(const QString &mime)
{
    return mime == u"image/png" || mime == u"image/jpeg" || mime == u"image/gif" || mime == u"image/webp";
}

Inspection inspect(const QString &path, const QString &name, const QString &thumbnailPath)
{
    Inspection out;
    QMimeDatabase mimes;
    const QMimeType byContent = mimes.mimeTypeForFile(path, QMimeDatabase::MatchContent);
    out.mime = byContent.name();
    // The bytes decide. Only where they say nothing specific does the name refine it (a CSV is text/plain by
    // its bytes), and a name can never make a file an inline image.
    if (out.mime == u"application/octet-stream" || out.mime == u"text/plain") {
        const QMimeType byName = mimes.mimeTypeForFile(name, QMimeDatabase::MatchExtension);
        const bool refines = byName.isValid() && !byName.isDefault() && !isInlineImage(byName.name())
            && (out.mime == u"application/octet-stream" || byName.inherits(u"text/plain"_qs));
        if (refines)
            out.mime = byName.name();
    }
    if (!out.mime.startsWith(u"image/"))
        return out;

    QImageReader reader(path);
    reader.setDecideFormatFromContent(true);
    reader.setAutoTransform(true);
    QSize size = reader.size();
    if (!size.isValid())
        return out;
    if (reader.transformation() & QImageIOHandler::TransformationRotate90)
        size.transpose();
    out.width = size.width();
    out.height = size.height();
    if (qint64(size.width()) * size.height() > MaxThumbnailSourcePixels)
        return out;
    if (out.mime == u"image/png" && !pngChunksFit(path))
        return out;
    const QSize target = size.scaled(ThumbnailEdge, ThumbnailEdge, Qt::KeepAspectRatio).boundedTo(size);
    QImage image = reader.read();
    if (image.isNull())
        return out;
    if (image.size() != target)
        image = image.scaled(target, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    // PNG keeps transparency; everything opaque is smaller as JPEG.
    const bool alpha = image.hasAlphaChannel();
    if (image.save(thumbnailPath, alpha ? "PNG" : "JPEG", alpha ? -1 : 85))
        out.thumbnailSuffix = alpha ? u"png"_qs : u"jpg"_qs;
    return out;
}

} // namespace Natter::Server::FileInspector
