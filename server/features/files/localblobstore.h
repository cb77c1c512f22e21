#pragma once

#include "features/files/blobstore.h"

#include <QString>

namespace Natter::Server {

// Blobs as files in one directory, the layout natter-server has always written: DIR/<key>, staged files in
// DIR/tmp. A server that may share DIR with others (on NFS or similar, `--uploads-dir`) opens it with its
// instance name and stages in DIR/tmp/<instance> instead, so that starting one never deletes another's
// uploads in progress. Staging inside DIR keeps put() a rename on one file system: atomic, and no copy.
class LocalBlobStore : public BlobStore
{
public:
    explicit LocalBlobStore(const QString &dir);

    // DATA/uploads: where a server keeps its uploads unless --uploads-dir names another directory.
    static QString defaultDir(const QString &dataDir);
    QString dir() const { return m_dir; }

    bool open(const QString &instance, QString *error) override;
    QString stagingPath(const QString &name) const override;
    bool put(const QString &stagingPath, const QString &key, QString *error) override;
    Reader read(const QString &key) const override;
    bool exists(const QString &key) const override;
    bool remove(const QString &key) override;

    // Staged files of other instances are removed at open() once they are this old: no upload is inspected
    // for a day, so they belong to an instance that ended and will not come back under its name.
    static constexpr qint64 StaleStagingSeconds = 24 * 3600;

private:
    // DIR/KEY, or nothing for a key that is not valid (or names the staging directory).
    QString pathOf(const QString &key) const;

    QString m_dir;
    QString m_staging;
};

} // namespace Natter::Server
