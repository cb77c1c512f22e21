#pragma once

#include <QString>

namespace Natter::Server {

// What an upload's bytes say it is. Pure functions on a file (they run on FileService's pool), kept apart from
// FileService so that the fuzz targets (tests/fuzz) can drive them without a database or a socket.
namespace FileInspector {
inline constexpr int ThumbnailEdge = 320;
// Larger images get their size read but no thumbnail: decoding them would cost too much memory.
inline constexpr qint64 MaxThumbnailSourcePixels = 40'000'000;

struct Inspection
{
    QString mime;
    int width = 0;
    int height = 0;
    QString thumbnailSuffix; // "png" or "jpg" when a thumbnail was written
};

// The only types served inline; everything else is a download (PROTOCOL.md, "Files").
bool isInlineImage(const QString &mime);

// Detects the type of the file at PATH from its bytes (NAME only refines a generic answer and never makes a
// file an inline image) and, for images, reads the size and writes a thumbnail to THUMBNAILPATH.
Inspection inspect(const QString &path, const QString &name, const QString &thumbnailPath);
} // namespace FileInspector

} // namespace Natter::Server
