// libFuzzer target: what the server makes of an uploaded file's bytes (server/features/files/fileinspector):
// the type from the content (QMimeDatabase), and for the images common/imageguard lets a decoder read, the size
// and a thumbnail (QImageReader). The name comes from the first byte (a few extensions that try to change the
// verdict). A declared image type must not turn into an inline image by name, and a size the reader reports must
// be what the thumbnail bound checks.
#include "features/files/fileinspector.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QTemporaryDir>

#include <cstdint>
#include <cstdlib>

using namespace Natter::Server;

namespace {
QTemporaryDir *dir = nullptr;
}

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv); // image plugins are found through it
    // Qt's own default (256 MB) is above what a fuzzing process may hold; the server's pool runs with Qt's
    // default, and the size check comes before any decode.
    QImageReader::setAllocationLimit(128);
    dir = new QTemporaryDir(QDir::tempPath() + u"/natter-fuzz-upload-XXXXXX"_qs);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    if (size < 1)
        return 0;
    static const char *names[] = { "file.bin", "photo.png", "photo.jpg", "notes.txt", "data.csv", "page.html",
        "image.svg", "x" };
    const QString name = QString::fromLatin1(names[bytes[0] % 8]);
    const QString path = dir->filePath(u"upload"_qs);
    const QString thumb = dir->filePath(u"upload.thumb"_qs);
    {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            abort();
        f.write(reinterpret_cast<const char *>(bytes + 1), qint64(size - 1));
    }
    QFile::remove(thumb);
    const FileInspector::Inspection found = FileInspector::inspect(path, name, thumb);
    if (found.mime.isEmpty())
        abort();
    if (found.width < 0 || found.height < 0)
        abort();
    if (!found.thumbnailSuffix.isEmpty()) {
        if (!found.mime.startsWith(u"image/"))
            abort();
        if (qint64(found.width) * found.height > FileInspector::MaxThumbnailSourcePixels)
            abort();
        QImageReader thumbnail(thumb);
        const QSize t = thumbnail.size();
        if (!t.isValid() || t.width() > FileInspector::ThumbnailEdge || t.height() > FileInspector::ThumbnailEdge)
            abort();
    }
    return 0;
}
