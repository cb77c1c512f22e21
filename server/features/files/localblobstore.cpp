#include "features/files/localblobstore.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace Natter::Server {

namespace {
    const QString StagingDirName = u"tmp"_qs;

    QString systemError()
    {
        return QString::fromLocal8Bit(std::strerror(errno));
    }

    bool syncDescriptor(int fd)
    {
        int rc;
        do
            rc = ::fsync(fd);
        while (rc != 0 && errno == EINTR);
        return rc == 0;
    }

    // fsync of the directory itself: what makes a rename into it (or a file created in it) survive a power
    // cut.
    bool syncDirectory(const QString &dir)
    {
        const int fd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd < 0)
            return false;
        const bool ok = syncDescriptor(fd);
        ::close(fd);
        return ok;
    }

    // Removes the files directly in DIR modified before CUTOFF.
    void removeOlderThan(const QString &dir, const QDateTime &cutoff)
    {
        QDir d(dir);
        for (const QFileInfo &file : d.entryInfoList(QDir::Files | QDir::Hidden | QDir::System))
            if (file.lastModified() < cutoff)
                QFile::remove(file.filePath());
    }
} // namespace

LocalBlobStore::LocalBlobStore(const QString &dir)
    : m_dir(QDir::cleanPath(dir))
{
}

QString LocalBlobStore::defaultDir(const QString &dataDir)
{
    return QDir(dataDir).filePath(u"uploads"_qs);
}

bool LocalBlobStore::open(const QString &instance, QString *error)
{
    if (!instance.isEmpty() && !isValidKey(instance)) {
        *error = u"not a usable instance name for %1: %2"_qs.arg(m_dir, instance);
        return false;
    }
    const QString stagingRoot = QDir(m_dir).filePath(StagingDirName);
    const QString staging = instance.isEmpty() ? stagingRoot : QDir(stagingRoot).filePath(instance);
    if (!QDir().mkpath(staging)) {
        *error = u"cannot create "_qs + staging;
        return false;
    }
    // Whatever is staged under this name belongs to uploads that an earlier run of this instance never
    // finished: nobody else stages here.
    QDir mine(staging);
    for (const QString &stale : mine.entryList(QDir::Files | QDir::Hidden | QDir::System))
        mine.remove(stale);
    // Other names may be servers running now; only what has been left for a day is theirs no longer.
    const QDateTime cutoff = QDateTime::currentDateTimeUtc().addSecs(-StaleStagingSeconds);
    if (!instance.isEmpty())
        removeOlderThan(stagingRoot, cutoff);
    for (const QFileInfo &other : QDir(stagingRoot).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot))
        if (other.fileName() != instance)
            removeOlderThan(other.filePath(), cutoff);
    m_staging = staging;
    return true;
}

QString LocalBlobStore::stagingPath(const QString &name) const
{
    Q_ASSERT(!m_staging.isEmpty() && isValidKey(name));
    return QDir(m_staging).filePath(name);
}

QString LocalBlobStore::pathOf(const QString &key) const
{
    if (!isValidKey(key) || key == StagingDirName)
        return {};
    return QDir(m_dir).filePath(key);
}

bool LocalBlobStore::put(const QString &stagingPath, const QString &key, QString *error)
{
    const QString target = pathOf(key);
    if (target.isEmpty()) {
        *error = u"not a valid key: "_qs + key;
        return false;
    }
    // The bytes reach the disk before the name does: after a power cut the blob is whole or absent, never a
    // name for pages the kernel had not written yet.
    {
        QFile staged(stagingPath);
        if (!staged.open(QIODevice::ReadOnly)) {
            *error = u"cannot open %1: %2"_qs.arg(stagingPath, staged.errorString());
            return false;
        }
        if (!syncDescriptor(staged.handle())) {
            *error = u"cannot sync %1: %2"_qs.arg(stagingPath, systemError());
            return false;
        }
    }
    // rename(2) within one file system is atomic: a reader opens the old state (nothing) or the whole file.
    // Unlike QFile::rename it never falls back to a copy, which a reader could see half-written.
    if (::rename(QFile::encodeName(stagingPath).constData(), QFile::encodeName(target).constData()) != 0) {
        *error = u"cannot move %1 to %2: %3"_qs.arg(stagingPath, target, systemError());
        return false;
    }
    // And the new name is on disk before the caller commits a row that names it.
    if (!syncDirectory(m_dir)) {
        *error = u"cannot sync %1: %2"_qs.arg(m_dir, systemError());
        ::unlink(QFile::encodeName(target).constData());
        return false;
    }
    return true;
}

BlobStore::Reader LocalBlobStore::read(const QString &key) const
{
    const QString path = pathOf(key);
    if (path.isEmpty())
        return {};
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::ReadOnly))
        return {};
    Reader reader;
    reader.size = file->size();
    reader.device = std::move(file);
    return reader;
}

bool LocalBlobStore::exists(const QString &key) const
{
    const QString path = pathOf(key);
    return !path.isEmpty() && QFileInfo(path).isFile();
}

bool LocalBlobStore::remove(const QString &key)
{
    const QString path = pathOf(key);
    if (path.isEmpty())
        return false;
    return QFile::remove(path) || !QFileInfo::exists(path);
}

} // namespace Natter::Server
