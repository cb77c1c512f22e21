#pragma once

#include <QByteArray>
#include <QString>

namespace Natter::Client {

// Downloaded thumbnails and images on disk, under the profile (one directory per server and user), capped in
// size: past the cap the least recently used files go first (a file's modification time is set on every read,
// so it stamps the last use). Files are named by a hash of the key (the download path), never by anything the
// server chose.
class MediaCache
{
public:
    static constexpr qint64 DefaultMaxBytes = 200 * 1024 * 1024;

    explicit MediaCache(const QString &dir, qint64 maxBytes = DefaultMaxBytes);

    QString dir() const { return m_dir; }
    qint64 maxBytes() const { return m_maxBytes; }
    // Applies at once: files over the new cap are removed.
    void setMaxBytes(qint64 bytes);

    // The cached file for KEY (and marks it as just used), or an empty string.
    QString lookup(const QString &key) const;
    // Stores DATA under KEY and returns its file path; trims the cache to the cap afterwards.
    QString store(const QString &key, const QByteArray &data);
    qint64 sizeOnDisk() const;
    void clear();

private:
    QString pathFor(const QString &key) const;
    void trim();

    QString m_dir;
    qint64 m_maxBytes;
    qint64 m_total = -1; // bytes on disk as far as this object knows; -1 until first counted
};

} // namespace Natter::Client
