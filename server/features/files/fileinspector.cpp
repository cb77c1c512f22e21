#include "features/files/fileinspector.h"

#include <common/imageguard.h>

#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QMimeDatabase>

namespace Natter::Server::FileInspector {

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

    // The decoder is the one the bytes' signature names, and it must be the one for the type they were
    // detected as; anything else (ICO, XPM, a PNG whose chunks overrun the file) is kept as a plain file.
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return out;
    const QByteArray format = ImageGuard::decoderFor(&file);
    if (format.isEmpty() || format != ImageGuard::decoderForMime(out.mime))
        return out;
    QImageReader reader(&file, format);
    reader.setDecideFormatFromContent(false);
    reader.setAutoDetectImageFormat(false); // no other plugin tries, should the named one fail to load
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
