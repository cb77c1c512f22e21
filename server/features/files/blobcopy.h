#pragma once

#include <QStringList>

namespace Natter::Server {

class BlobStore;

// Copies the blobs named KEYS from FROM into TO (opened here, as a store of its own), for backup and restore;
// counts the files copied. A key FROM no longer has is skipped (counted in MISSING when given): an upload
// deleted after the database snapshot named it, which the server treats as a missing file anyway.
bool copyBlobs(const QStringList &keys, const BlobStore &from, BlobStore &to, qint64 *files, QString *error,
    qint64 *missing = nullptr);

} // namespace Natter::Server
