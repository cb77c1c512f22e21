#include "media/medialoader.h"
#include "logging.h"
#include "media/mediacache.h"
#include "net/apiclient.h"
#include "net/clientlimits.h"

#include <common/imageguard.h>

#include <QCoreApplication>
#include <QFile>
#include <QFutureWatcher>
#include <QImageReader>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSaveFile>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

namespace Natter::Client {

MediaLoader::MediaLoader(QNetworkAccessManager *nam, ApiClient *api, MediaCache *cache, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_api(api)
    , m_cache(cache)
    // 16 MB of decoded pixels: about 50 thumbnails (320 px, 4 bytes a pixel), a dozen screens of them. 64 MB
    // kept a channel of 200 pictures at 120 MB resident (natter-bench app-images); what falls out is decoded
    // again from the disk cache, off the UI thread.
    , m_images(16 * 1024)
{
    // Decoding never takes every core: the UI thread keeps one to paint and scroll with (on two cores, two
    // decoders at once showed up as the UI thread waiting for a core: natter-bench app-images).
    m_decoders.setMaxThreadCount(std::max(1, QThread::idealThreadCount() - 1));
}

MediaLoader::~MediaLoader()
{
    for (const QPointer<QNetworkReply> &reply : std::as_const(m_downloadReplies))
        if (reply) reply->abort();
}

QString mediaStatusText(MediaLoader::Status status)
{
    switch (status) {
    case MediaLoader::Status::Missing:
        return QCoreApplication::translate(
            "MediaLoader", "This file is not available: it was removed, or you may not see it.");
    case MediaLoader::Status::Forbidden:
        return QCoreApplication::translate("MediaLoader", "You are not allowed to see this file.");
    case MediaLoader::Status::Failed:
        return QCoreApplication::translate("MediaLoader", "The file could not be loaded.");
    default:
        return {};
    }
}

MediaLoader::Status MediaLoader::statusOf(int httpStatus)
{
    // The server answers 404 both for a missing file and for one the caller may not read (so that ids cannot be
    // probed); 401/403 mean the token is not good for it.
    if (httpStatus == 404 || httpStatus == 410) return Status::Missing;
    if (httpStatus == 401 || httpStatus == 403) return Status::Forbidden;
    return Status::Failed;
}

QNetworkReply *MediaLoader::get(const QString &path)
{
    QNetworkRequest request(m_api->baseUrl().resolved(QUrl::fromEncoded(path.toUtf8())));
    request.setRawHeader("Authorization", "Bearer " + m_api->token().toUtf8());
    request.setTransferTimeout(60000);
    return m_nam->get(request);
}

QImage MediaLoader::image(const QString &path)
{
    return image(path, QSize());
}

QImage MediaLoader::image(const QString &path, const QSize &maxSize)
{
    if (path.isEmpty()) return {};
    const QString key = maxSize.isValid()
        ? path + u'#' + QString::number(maxSize.width()) + u'x' + QString::number(maxSize.height())
        : path;
    if (const QImage *img = m_images.object(key)) return *img;
    if (key == m_largePath) return m_large;
    if (m_status.value(key) != Status::Unknown && m_status.value(key) != Status::Ready) return {};
    m_status.insert(key, Status::Loading);
    const QString cached = m_cache->lookup(path);
    if (!cached.isEmpty()) {
        decode(key, path, cached, maxSize);
        return {};
    }
    ++m_networkRequests;
    QNetworkReply *reply = get(path);
    ClientLimits::limitReplySize(reply, ClientLimits::MaxImageBytes);
    connect(reply, &QNetworkReply::finished, this, [this, reply, path, key, maxSize] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const bool cancelled
            = reply->error() == QNetworkReply::OperationCanceledError; // too large or too slow
        if (status != 200 || cancelled) {
            const Status s = cancelled ? Status::Failed : statusOf(status);
            qCInfo(lcApi) << "image" << path << "not loaded:" << status << reply->errorString();
            m_status.insert(key, s);
            emit imageFailed(path, s);
            return;
        }
        const QString file = m_cache->store(path, reply->readAll());
        if (file.isEmpty()) {
            m_status.insert(key, Status::Failed);
            emit imageFailed(path, Status::Failed);
            return;
        }
        decode(key, path, file, maxSize);
    });
    return {};
}

bool MediaLoader::fitsLimits(const QSize &size)
{
    if (!size.isValid())
        return true; // not told: the allocation limit decides
    return size.width() <= ClientLimits::MaxImageSide && size.height() <= ClientLimits::MaxImageSide
        && qint64(size.width()) * size.height() <= ClientLimits::MaxImagePixels;
}

void MediaLoader::decode(const QString &key, const QString &path, const QString &file, const QSize &maxSize)
{
    auto *watcher = new QFutureWatcher<QImage>(this);
    connect(watcher, &QFutureWatcher<QImage>::finished, this, [this, watcher, key, path] {
        watcher->deleteLater();
        const QImage img = watcher->result();
        if (img.isNull()) {
            m_status.insert(key, Status::Failed);
            emit imageFailed(path, Status::Failed);
            return;
        }
        const qsizetype cost = std::max<qsizetype>(1, img.sizeInBytes() / 1024);
        if (cost > m_images.maxCost() / 2) {
            m_largePath = key;
            m_large = img;
        } else {
            m_images.insert(key, new QImage(img), cost);
        }
        m_status.insert(key, Status::Ready);
        emit imageReady(path);
    });
    watcher->setFuture(QtConcurrent::run(&m_decoders, [file, maxSize] {
        // Only the decoders the bytes' signature names, and no PNG whose chunks overrun the file (libpng
        // would allocate what a chunk header claims): a server or another member chose these bytes.
        QFile source(file);
        const QByteArray format
            = source.open(QIODevice::ReadOnly) ? ImageGuard::decoderFor(&source) : QByteArray();
        if (format.isEmpty()) {
            qCWarning(lcApi) << "not decoding" << file << "which is not an image this app decodes";
            return QImage();
        }
        QImageReader reader(&source, format);
        reader.setDecideFormatFromContent(false);
        reader.setAutoDetectImageFormat(false); // no other plugin tries, should the named one fail to load
        // The header's claim is checked before any pixel memory is allocated: a tiny file may claim
        // 50,000 x 50,000 pixels (10 GB decoded). What a header does not tell, the allocation limit bounds.
        reader.setAllocationLimit(ClientLimits::ImageAllocationLimitMb);
        if (!fitsLimits(reader.size())) {
            qCWarning(lcApi) << "not decoding" << file << "which claims" << reader.size() << "pixels";
            return QImage();
        }
        reader.setAutoTransform(true);
        // Decoded at the size it is shown at (QImageReader scales while decoding: a 12-megapixel photo never
        // exists whole in memory); viewers get the full picture, a huge one scaled to what a screen can show.
        const QSize size = reader.size();
        const QSize bound = maxSize.isValid() ? maxSize : QSize(8192, 8192);
        if (size.width() > bound.width() || size.height() > bound.height())
            reader.setScaledSize(size.scaled(bound, Qt::KeepAspectRatio));
        return reader.read();
    }));
}

void MediaLoader::download(const QString &path, const QString &target)
{
    if (m_downloads.contains(path)) return;
    m_downloads.insert(path, 0.0);
    emit downloadProgressChanged(path, 0.0);
    QNetworkReply *reply = get(path);
    m_downloadReplies.insert(path, reply);
    auto *file = new QSaveFile(target, reply);
    if (!file->open(QIODevice::WriteOnly)) {
        reply->abort();
        reply->deleteLater();
        m_downloads.remove(path);
        m_downloadReplies.remove(path);
        emit downloadFailed(path, Status::Failed, tr("Cannot write “%1”.").arg(target));
        return;
    }
    connect(reply, &QNetworkReply::readyRead, this, [reply, file] {
        if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200) file->write(reply->readAll());
    });
    connect(reply, &QNetworkReply::downloadProgress, this, [this, path](qint64 received, qint64 total) {
        if (total <= 0 || !m_downloads.contains(path)) return;
        m_downloads.insert(path, double(received) / double(total));
        emit downloadProgressChanged(path, double(received) / double(total));
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, file, path, target] {
        reply->deleteLater();
        m_downloads.remove(path);
        m_downloadReplies.remove(path);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 200 && reply->error() == QNetworkReply::NoError) {
            file->write(reply->readAll());
            if (file->commit()) {
                emit downloadFinished(path, target);
                return;
            }
            emit downloadFailed(path, Status::Failed, tr("Cannot write “%1”.").arg(target));
            return;
        }
        file->cancelWriting();
        if (reply->error() == QNetworkReply::OperationCanceledError) {
            emit downloadFailed(path, Status::Unknown, tr("Download cancelled."));
            return;
        }
        const Status s = status == 0 ? Status::Failed : statusOf(status);
        emit downloadFailed(path, s,
            status == 0 ? tr("Cannot reach the server: %1").arg(reply->errorString()) : mediaStatusText(s));
    });
}

void MediaLoader::cancelDownload(const QString &path)
{
    if (QNetworkReply *reply = m_downloadReplies.value(path)) reply->abort();
}

} // namespace Natter::Client
