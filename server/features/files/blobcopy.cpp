#include "features/files/blobcopy.h"
#include "features/files/blobstore.h"

#include <QFile>

namespace Natter::Server {

bool copyBlobs(const QStringList &keys, const BlobStore &from, BlobStore &to, qint64 *files, QString *error,
    qint64 *missing)
{
    if (!to.open(QString(), error))
        return false;
    for (const QString &key : keys) {
        BlobStore::Reader blob = from.read(key);
        if (!blob.device) {
            if (!from.exists(key)) {
                if (missing)
                    ++*missing;
                continue;
            }
            *error = u"cannot read the upload file "_qs + key;
            return false;
        }
        const QString staged = to.stagingPath(key);
        QFile out(staged);
        bool ok = out.open(QIODevice::WriteOnly | QIODevice::Truncate);
        for (qint64 copied = 0; ok && copied < blob.size;) {
            QByteArray chunk = blob.device->read(qMin<qint64>(1 << 20, blob.size - copied));
            if (chunk.isEmpty() && blob.device->waitForReadyRead(30000)) // a stream that has nothing yet
                chunk = blob.device->read(qMin<qint64>(1 << 20, blob.size - copied));
            ok = !chunk.isEmpty() && out.write(chunk) == chunk.size();
            copied += chunk.size();
        }
        out.close();
        if (!ok || out.error() != QFileDevice::NoError || !to.put(staged, key, error)) {
            QFile::remove(staged);
            if (error->isEmpty())
                *error = u"cannot copy the upload file %1: %2"_qs.arg(key, out.errorString());
            return false;
        }
        ++*files;
    }
    return true;
}

} // namespace Natter::Server
