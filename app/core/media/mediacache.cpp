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
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) return {};
    trim();
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
    if (total <= m_maxBytes) return;
    std::sort(files.begin(), files.end(),
        [](const QFileInfo &a, const QFileInfo &b) { return a.lastModified() < b.lastModified(); });
    for (const QFileInfo &f : std::as_const(files)) {
        if (total <= m_maxBytes) break;
        total -= f.size();
        QFile::remove(f.filePath());
    }
}

void MediaCache::clear()
{
    for (const QFileInfo &f : QDir(m_dir).entryInfoList(QDir::Files))
        QFile::remove(f.filePath());
}

} // namespace Natter::Client
