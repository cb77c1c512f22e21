#include "features/files/fileservice.h"
#include "features/files/fileinspector.h"
#include "services/authservice.h"
#include "store/channelstore.h"
#include "store/database.h"
#include "transport/http/filesender.h"
#include "transport/http/authed.h"
#include "transport/http/httpjson.h"
#include "logging.h"
#include "features/files/uploadreceiver.h"

#include <common/isotime.h>
#include <common/protocol/rest.h>
#include <common/snowflake.h>

#include <QFile>
#include <QHttpServer>
#include <QImage>
#include <QImageReader>
#include <QMimeDatabase>
#include <QSet>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

namespace Natter::Server {

namespace {
const QString UploadColumns
    = u"u.id, u.uploader_id, u.name, u.mime, u.size, u.storage_key, u.width, u.height,"
      " u.thumbnail_key, u.created_at"_qs;
constexpr int UploadColumnCount = 10;

FileService::Upload uploadFromQuery(const QSqlQuery &q)
{
    FileService::Upload u;
    u.id = q.value(0).toLongLong();
    u.uploaderId = q.value(1).toLongLong();
    u.name = q.value(2).toString();
    u.mime = q.value(3).toString();
    u.size = q.value(4).toLongLong();
    u.storageKey = q.value(5).toString();
    u.width = q.value(6).toInt();
    u.height = q.value(7).toInt();
    u.thumbnailKey = q.value(8).toString();
    u.createdAt = q.value(9).toLongLong();
    return u;
}

using FileInspector::isInlineImage;

// Where the pool makes the thumbnail of upload ID before it is put under its key.
QString thumbnailStagingName(qint64 id)
{
    return QString::number(id) + u".thumb"_qs;
}

QByteArray contentDisposition(bool inlineImage, const QString &name)
{
    QByteArray ascii;
    for (QChar c : name)
        ascii += (c.unicode() >= 0x20 && c.unicode() < 0x7f && c != u'"' && c != u'\\') ? char(c.unicode())
                                                                                        : '_';
    return QByteArray(inlineImage ? "inline" : "attachment") + "; filename=\"" + ascii
        + "\"; filename*=UTF-8''" + QUrl::toPercentEncoding(name);
}
} // namespace

FileService::FileService(Database &db, ChannelStore &channels, AuthService &auth, SnowflakeGenerator &ids,
    BlobStore &blobs, qint64 maxUploadBytes, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_channels(channels)
    , m_auth(auth)
    , m_ids(ids)
    , m_maxUploadBytes(maxUploadBytes)
    , m_blobs(blobs)
{
    // Image decoding is memory-hungry; two at a time is plenty for a chat server.
    m_pool.setMaxThreadCount(2);
}

FileService::~FileService()
{
    m_pool.waitForDone();
}

bool FileService::open(const QString &instance, QString *error)
{
    if (!m_blobs.open(instance, error))
        return false;
    m_expiry.setInterval(int(qBound(qint64(500), m_unattachedTtlMs / 2, qint64(3600 * 1000))));
    connect(&m_expiry, &QTimer::timeout, this, &FileService::expireUnattached);
    m_expiry.start();
    return true;
}

void FileService::expireUnattached()
{
    // Uploads are made before the message that uses them; one that no message took up within the TTL was
    // abandoned (a cancelled send, a closed app) and only takes disk space.
    QSqlQuery &q
        = m_db.prepare(u"SELECT u.id FROM uploads u WHERE u.created_at < ? AND NOT EXISTS"
                       " (SELECT 1 FROM message_attachments a WHERE a.upload_id = u.id) LIMIT 500"_qs);
    q.addBindValue(nowMs() - m_unattachedTtlMs);
    QList<qint64> expired;
    Database::forEach(q, [&](const QSqlQuery &row) { expired.append(row.value(0).toLongLong()); });
    if (expired.isEmpty())
        return;
    // removeUnattached() deletes the rows and, once this commits, the files.
    if (!m_db.begin() || !removeUnattached(expired) || !m_db.commit()) {
        m_db.rollback();
        qCWarning(lcFiles) << "could not expire" << expired.size() << "unattached uploads";
        return;
    }
    qCInfo(lcFiles) << "expired" << expired.size() << "uploads no message used";
}

qint64 FileService::nextId()
{
    return m_ids.next();
}

bool FileService::beginUpload(qint64 userId)
{
    int &n = m_inFlight[userId];
    if (n >= MaxConcurrentUploads)
        return false;
    ++n;
    return true;
}

void FileService::endUpload(qint64 userId)
{
    auto it = m_inFlight.find(userId);
    if (it != m_inFlight.end() && --*it <= 0)
        m_inFlight.erase(it);
}

QString FileService::stagingPath(qint64 id) const
{
    return m_blobs.stagingPath(QString::number(id));
}

void FileService::discardStaged(qint64 id) const
{
    QFile::remove(m_blobs.stagingPath(QString::number(id)));
    QFile::remove(m_blobs.stagingPath(thumbnailStagingName(id)));
}

void FileService::receive(QTcpSocket *socket, const QByteArray &header)
{
    new UploadReceiver(socket, header, *this);
}

std::optional<FileService::Upload> FileService::prepare(BlobStore &blobs, Upload upload)
{
    const QString body = blobs.stagingPath(QString::number(upload.id));
    const QString thumbnail = blobs.stagingPath(thumbnailStagingName(upload.id));
    const FileInspector::Inspection found = FileInspector::inspect(body, upload.name, thumbnail);
    upload.mime = found.mime.isEmpty() ? u"application/octet-stream"_qs : found.mime;
    upload.width = found.width;
    upload.height = found.height;
    upload.storageKey = QString::number(upload.id);
    if (!found.thumbnailSuffix.isEmpty())
        upload.thumbnailKey = QString::number(upload.id) + u".thumb."_qs + found.thumbnailSuffix;
    // The body first: a thumbnail key is only ever stored beside its body's.
    QString error;
    const bool stored = blobs.put(body, upload.storageKey, &error)
        && (upload.thumbnailKey.isEmpty() || blobs.put(thumbnail, upload.thumbnailKey, &error));
    QFile::remove(body);
    QFile::remove(thumbnail);
    if (!stored) {
        qCWarning(lcFiles) << "cannot store upload" << upload.id << error;
        blobs.remove(upload.storageKey);
        return std::nullopt;
    }
    return upload;
}

std::optional<Wire::Attachment> FileService::store(const Upload &upload)
{
    QSqlQuery &q
        = m_db.prepare(u"INSERT INTO uploads (id, uploader_id, name, mime, size, storage_key, width, height,"
                       " thumbnail_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_qs);
    q.addBindValue(upload.id);
    q.addBindValue(upload.uploaderId);
    q.addBindValue(upload.name);
    q.addBindValue(upload.mime);
    q.addBindValue(upload.size);
    q.addBindValue(upload.storageKey);
    q.addBindValue(upload.width ? QVariant(upload.width) : QVariant());
    q.addBindValue(upload.height ? QVariant(upload.height) : QVariant());
    q.addBindValue(upload.thumbnailKey.isEmpty() ? QVariant() : QVariant(upload.thumbnailKey));
    q.addBindValue(upload.createdAt ? upload.createdAt : nowMs());
    if (!Database::exec(q)) {
        discard(upload);
        return std::nullopt;
    }
    return attachment(upload);
}

void FileService::discard(const Upload &upload)
{
    QStringList keys { upload.storageKey };
    if (!upload.thumbnailKey.isEmpty())
        keys.append(upload.thumbnailKey);
    removeBlobs(keys);
}

void FileService::removeBlobs(const QStringList &keys)
{
    BlobStore *blobs = &m_blobs;
    m_pool.start([blobs, keys] {
        for (const QString &key : keys)
            if (!blobs->remove(key))
                qCWarning(lcFiles) << "cannot remove blob" << key;
    });
}

std::optional<FileService::Upload> FileService::byId(qint64 id)
{
    QSqlQuery &q = m_db.prepare(u"SELECT "_qs + UploadColumns + u" FROM uploads u WHERE u.id = ?"_qs);
    q.addBindValue(id);
    if (!Database::exec(q) || !q.next())
        return std::nullopt;
    const Upload u = uploadFromQuery(q);
    q.finish();
    return u;
}

Wire::Attachment FileService::attachment(const Upload &u) const
{
    const QString base = u"/api/v1/uploads/"_qs + idToString(u.id);
    // Any name segment serves the file, except the one that means its thumbnail.
    const QString urlName = u.name == u"thumbnail" ? u"thumbnail_"_qs : u.name;
    Wire::Attachment a;
    a.id = u.id;
    a.name = u.name;
    a.mime = u.mime;
    a.size = u.size;
    a.url = base + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(urlName));
    a.width = u.width;
    a.height = u.height;
    if (!u.thumbnailKey.isEmpty())
        a.thumbnailUrl = base + u"/thumbnail"_qs;
    return a;
}

bool FileService::mayRead(qint64 userId, const Upload &upload)
{
    if (userId == upload.uploaderId)
        return true;
    QSqlQuery &q
        = m_db.prepare(u"SELECT DISTINCT channel_id FROM message_attachments WHERE upload_id = ?"_qs);
    q.addBindValue(upload.id);
    QList<qint64> channels;
    if (Database::exec(q))
        while (q.next())
            channels.append(q.value(0).toLongLong());
    q.finish();
    for (qint64 channelId : channels)
        if (m_channels.memberIds(channelId).contains(userId))
            return true;
    return false;
}

std::optional<Wire::Error> FileService::checkAttachable(qint64 userId, const QList<qint64> &ids)
{
    QSet<qint64> seen;
    for (qint64 id : ids) {
        if (seen.contains(id))
            return Wire::Error::badRequest(u"attachmentIds lists upload %1 twice"_qs.arg(idToString(id)));
        seen.insert(id);
        const auto upload = byId(id);
        // Somebody else's upload answers like a missing one: ids are not a way to probe for files.
        if (!upload || upload->uploaderId != userId)
            return Wire::Error::notFound(
                u"upload %1 does not exist or was not uploaded by you"_qs.arg(idToString(id)));
        // One the expiry sweep may take before this message is stored (it is linked at the next group commit)
        // is refused now rather than linked to nothing.
        const qint64 margin = qMin(ExpiryMarginMs, m_unattachedTtlMs / 2);
        if (upload->createdAt < nowMs() - m_unattachedTtlMs + margin && !isAttached(id))
            return Wire::Error::notFound(u"upload %1 has expired: upload it again"_qs.arg(idToString(id)));
    }
    return std::nullopt;
}

bool FileService::link(qint64 messageId, qint64 channelId, const QList<qint64> &ids)
{
    // DO NOTHING: a repeat must never fail the whole group-commit batch it is in.
    QSqlQuery &q = m_db.prepare(
        u"INSERT INTO message_attachments (message_id, upload_id, channel_id, position)"
        " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING"_qs);
    for (qsizetype i = 0; i < ids.size(); ++i) {
        q.addBindValue(messageId);
        q.addBindValue(ids.at(i));
        q.addBindValue(channelId);
        q.addBindValue(int(i));
        if (!Database::exec(q))
            return false;
    }
    return true;
}

bool FileService::unlinkAll(qint64 messageId)
{
    QSqlQuery &q = m_db.prepare(u"SELECT upload_id FROM message_attachments WHERE message_id = ?"_qs);
    q.addBindValue(messageId);
    QList<qint64> uploads;
    if (!Database::exec(q))
        return false;
    while (q.next())
        uploads.append(q.value(0).toLongLong());
    q.finish();
    if (uploads.isEmpty())
        return true;
    QSqlQuery &del = m_db.prepare(u"DELETE FROM message_attachments WHERE message_id = ?"_qs);
    del.addBindValue(messageId);
    if (!Database::exec(del))
        return false;
    return removeUnattached(uploads);
}

bool FileService::isAttached(qint64 uploadId)
{
    QSqlQuery &q = m_db.prepare(u"SELECT 1 FROM message_attachments WHERE upload_id = ? LIMIT 1"_qs);
    q.addBindValue(uploadId);
    return Database::one(q, [](const QSqlQuery &) { return true; }).value_or(false);
}

bool FileService::removeUnattached(const QList<qint64> &uploads)
{
    for (qint64 id : uploads) {
        if (isAttached(id))
            continue;
        const auto upload = byId(id);
        if (!upload)
            continue;
        QSqlQuery &gone = m_db.prepare(u"DELETE FROM uploads WHERE id = ?"_qs);
        gone.addBindValue(id);
        if (!Database::exec(gone))
            return false;
        m_pendingRemoval.append(*upload);
    }
    // The files go once the caller's transaction is over, and only if it committed (see removeOrphanFiles).
    if (!m_pendingRemoval.isEmpty() && !m_removalScheduled) {
        m_removalScheduled = true;
        QTimer::singleShot(0, this, &FileService::removeOrphanFiles);
    }
    return true;
}

void FileService::removeOrphanFiles()
{
    m_removalScheduled = false;
    const QList<Upload> pending = std::exchange(m_pendingRemoval, {});
    for (const Upload &u : pending) {
        if (byId(u.id))
            continue; // the deleting transaction rolled back: the upload is still there
        discard(u);
        qCInfo(lcFiles) << "removed upload" << u.id << "(no message uses it any more)";
    }
}

QList<Wire::Attachment> FileService::attachments(qint64 messageId)
{
    QSqlQuery &q = m_db.prepare(u"SELECT "_qs + UploadColumns
        + u" FROM message_attachments a JOIN uploads u ON u.id = a.upload_id"
          " WHERE a.message_id = ? ORDER BY a.position"_qs);
    q.addBindValue(messageId);
    QList<Wire::Attachment> out;
    if (Database::exec(q))
        while (q.next())
            out.append(attachment(uploadFromQuery(q)));
    q.finish();
    return out;
}

QHash<qint64, QList<Wire::Attachment>> FileService::attachments(const QList<qint64> &messageIds)
{
    QHash<qint64, QList<Wire::Attachment>> out;
    if (messageIds.isEmpty())
        return out;
    QSqlQuery &q = m_db.prepare(u"SELECT "_qs + UploadColumns
        + u", a.message_id FROM message_attachments a JOIN uploads u ON u.id = a.upload_id"
          " WHERE a.message_id IN ("_qs
        + Database::placeholders(messageIds.size()) + u") ORDER BY a.message_id, a.position"_qs);
    for (qint64 id : messageIds)
        q.addBindValue(id);
    Database::forEach(q, [&](const QSqlQuery &row) {
        out[row.value(UploadColumnCount).toLongLong()].append(attachment(uploadFromQuery(row)));
    });
    return out;
}

void FileService::installRoutes(QHttpServer &http)
{
    // <img src> cannot send headers, so the token may also come as ?token=.
    http.route(Wire::Rest::Route::Upload, QHttpServerRequest::Method::Get,
        authedResponder<QString, QString>(m_auth,
            [this](const Caller &caller, const QString &id, const QString &name, const QHttpServerRequest &,
                QHttpServerResponder &&responder) {
            const qint64 me = caller.id;
            const qint64 uploadId = HttpJson::pathId(id);
            const auto upload = uploadId ? byId(uploadId) : std::nullopt;
            const bool thumbnail = name == u"thumbnail";
            if (!upload || !mayRead(me, *upload) || (thumbnail && upload->thumbnailKey.isEmpty()))
                return HttpJson::error(Wire::Error::notFound(u"no such file"_qs)).write(std::move(responder));

            BlobStore::Reader blob = m_blobs.read(thumbnail ? upload->thumbnailKey : upload->storageKey);
            if (!blob.device) {
                qCWarning(lcFiles) << "upload" << upload->id << "is missing from the blob store";
                return HttpJson::error(Wire::Error::notFound(u"no such file"_qs)).write(std::move(responder));
            }
            QByteArray mime = upload->mime.toUtf8();
            if (thumbnail)
                mime = upload->thumbnailKey.endsWith(u".png") ? "image/png" : "image/jpeg";
            const bool inlineImage = isInlineImage(QString::fromUtf8(mime));
            FileSender::start(responder.socket(), std::move(blob.device), blob.size,
                { { "Content-Type", mime }, { "X-Content-Type-Options", "nosniff" },
                    { "Content-Disposition", contentDisposition(inlineImage, upload->name) },
                    // Even if a browser were to render it, it runs no script and loads nothing.
                    { "Content-Security-Policy", "sandbox; default-src 'none'" },
                    { "Cache-Control", "private, max-age=3600" } });
        },
        TokenFrom::HeaderOrQuery));
}

} // namespace Natter::Server
