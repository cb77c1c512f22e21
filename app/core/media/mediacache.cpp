#include "media/mediacache.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>

namespace Natter::Client {

MediaCache::MediaCache(const QString &dir, qint64 maxBytes)
    : m_dir(dir)
    , m_maxBytes(maxBytes)
{
    QDir().mkpath(m_dir);
}

void MediaCache::setMaxBytes(qint64 bytes)
{
    m_maxBytes = bytes;
    trim();
}

QString MediaCache::pathFor(const QString &key) const
{
    return m_dir + u'/'
        + QString::fromLatin1(QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex().left(32));
}

QString MediaCache::lookup(const QString &key) const
{
    const QString path = pathFor(key);
    QFile file(path);
    if (!file.exists()) return {};
    if (file.open(QIODevice::ReadWrite))
        file.setFileTime(QDateTime::currentDateTimeUtc(), QFileDevice::FileModificationTime);
    return path;
}

QString MediaCache::store(const QString &key, const QByteArray &data)
{
    const QString path = pathFor(key);
    if (m_total < 0) m_total = sizeOnDisk();
    const qint64 previous = QFileInfo(path).size(); // 0 when new
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) return {};
    m_total += data.size() - previous;
    // The directory is listed only when the running total passes the cap (this runs on the UI thread for every
    // thumbnail that arrives; listing thousands of files each time stalled scrolling: natter-bench app-images).
    if (m_total > m_maxBytes) trim();
    return QFile::exists(path) ? path : QString();
}

qint64 MediaCache::sizeOnDisk() const
{
    qint64 total = 0;
    QDirIterator it(m_dir, QDir::Files);
    while (it.hasNext()) {
        it.next();
        total += it.fileInfo().size();
    }
    return total;
}

void MediaCache::trim()
{
    QFileInfoList files = QDir(m_dir).entryInfoList(QDir::Files);
    qint64 total = 0;
    for (const QFileInfo &f : files)
        total += f.size();
    m_total = total;
    if (total <= m_maxBytes) return;
    // Down to 90 % of the cap, so that a full cache is not listed again for every file that arrives.
    const qint64 target = m_maxBytes - m_maxBytes / 10;
    std::sort(files.begin(), files.end(),
        [](const QFileInfo &a, const QFileInfo &b) { return a.lastModified() < b.lastModified(); });
    for (const QFileInfo &f : std::as_const(files)) {
        if (total <= target) break;
        if (QFile::remove(f.filePath())) total -= f.size();
    }
    m_total = total;
}

void MediaCache::clear()
{
    for (const QFileInfo &f : QDir(m_dir).entryInfoList(QDir::Files))
        QFile::remove(f.filePath());
    m_total = -1;
}

} // namespace Natter::Client
