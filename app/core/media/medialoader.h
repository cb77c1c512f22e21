#pragma once

#include <QCache>
#include <QHash>
#include <QImage>
#include <QObject>
#include <QPointer>
#include <QThreadPool>

class QNetworkAccessManager;
class QNetworkReply;

namespace Natter::Client {

class ApiClient;
class MediaCache;

// Thumbnails and images of attachments for the views, and downloads of files to disk. Images are fetched
// lazily (when a view asks for one), kept in the disk cache and decoded off the UI thread (QtConcurrent);
// decoded images stay in a small memory cache. Paths are the attachment's `url`/`thumbnailUrl` (relative to
// the server); the token goes in the Authorization header.
class MediaLoader : public QObject
{
    Q_OBJECT
public:
    enum class Status { Unknown, Loading, Ready, Missing, Forbidden, Failed };
    Q_ENUM(Status)

    // None is owned.
    MediaLoader(QNetworkAccessManager *nam, ApiClient *api, MediaCache *cache, QObject *parent = nullptr);
    ~MediaLoader() override;

    MediaCache *cache() const { return m_cache; }
    Status status(const QString &path) const { return m_status.value(path, Status::Unknown); }
    // The decoded image at PATH, or a null image; a first call starts loading it (disk cache, then network)
    // and imageReady() or imageFailed() follows.
    QImage image(const QString &path);
    // The image at PATH decoded to fit within MAXSIZE pixels (never enlarged), cached apart from image(PATH): for
    // a picture shown larger than its thumbnail, on a high-DPI screen. imageReady()/imageFailed() name PATH too.
    QImage image(const QString &path, const QSize &maxSize);
    // Network requests made for images so far (tests: a cached image costs none).
    int networkRequests() const { return m_networkRequests; }

    // Saves the file at PATH to TARGET (a local file path). Progress and the end come as signals keyed by PATH;
    // downloadProgress(PATH) is -1 when no download of PATH is running, else 0…1.
    void download(const QString &path, const QString &target);
    double downloadProgress(const QString &path) const { return m_downloads.value(path, -1.0); }
    void cancelDownload(const QString &path);

signals:
    void imageReady(const QString &path);
    void imageFailed(const QString &path, Natter::Client::MediaLoader::Status status);
    void downloadProgressChanged(const QString &path, double fraction);
    void downloadFinished(const QString &path, const QString &target);
    void downloadFailed(const QString &path, Natter::Client::MediaLoader::Status status, const QString &message);

private:
    QNetworkReply *get(const QString &path);
    void decode(const QString &key, const QString &path, const QString &file, const QSize &maxSize);
    static Status statusOf(int httpStatus);
    // Whether an image whose header claims SIZE may be decoded (ClientLimits).
    static bool fitsLimits(const QSize &size);

    QNetworkAccessManager *m_nam;
    ApiClient *m_api;
    MediaCache *m_cache;
    QHash<QString, Status> m_status;
    QThreadPool m_decoders; // decoding off the UI thread; its tasks touch no member, its destructor waits for them
    QCache<QString, QImage> m_images; // cost: kilobytes
    // The last image too large for the memory cache (the viewer's full picture), kept so it can be asked for.
    QString m_largePath;
    QImage m_large;
    QHash<QString, double> m_downloads;
    QHash<QString, QPointer<QNetworkReply>> m_downloadReplies;
    int m_networkRequests = 0;
};

// A sentence for a file that cannot be shown or saved.
QString mediaStatusText(MediaLoader::Status status);

} // namespace Natter::Client
