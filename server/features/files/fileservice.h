#pragma once

#include "features/files/fileinspector.h"
#include "services/attachmentlinker.h"

#include <QDir>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <optional>

class QHttpServer;
class QTcpSocket;

class SnowflakeGenerator;

namespace Natter::Server {

class Database;
class ChannelStore;
class AuthService;

// Uploaded files: DATA/uploads/<id> (and <id>.thumb), rows in `uploads`, links to messages in
// `message_attachments`. Receiving is done by UploadReceiver at the socket level (the body is streamed to
// disk); this class owns the rows, the download routes and who may read what.
//
// An upload may be attached to several messages by its uploader. Deleting a message unlinks its uploads; an
// upload that is then attached nowhere is deleted (row at once, inside the caller's transaction; files right
// after it). Uploads that were never attached stay until they are (no expiry yet).
class FileService : public QObject, public AttachmentLinker
{
    Q_OBJECT
public:
    struct Upload
    {
        qint64 id = 0;
        qint64 uploaderId = 0;
        QString name;
        QString mime;
        qint64 size = 0;
        QString storageKey;
        int width = 0;
        int height = 0;
        QString thumbnailKey;
        qint64 createdAt = 0;
    };
    // What the pool learnt from a received file's bytes.
    using Inspection = FileInspector::Inspection;

    FileService(Database &db, ChannelStore &channels, AuthService &auth, SnowflakeGenerator &ids,
        qint64 maxUploadBytes, QObject *parent = nullptr);
    ~FileService() override;

    // Uploads that no message uses are deleted once they are older than TTLMS (checked every TTL/2, at
    // least hourly). Set before open().
    void setUnattachedTtl(qint64 ttlMs) { m_unattachedTtlMs = ttlMs; }
    // Creates DATA/uploads and DATA/uploads/tmp and removes temporary files a previous run left behind.
    bool open(const QString &dataDir, QString *error);
    void installRoutes(QHttpServer &http);
    // Takes over SOCKET for `POST /api/v1/uploads` whose request head is HEADER (see HttpGuard).
    void receive(QTcpSocket *socket, const QByteArray &header);

    // AttachmentLinker
    std::optional<Wire::Error> checkAttachable(qint64 userId, const QList<qint64> &ids) override;
    bool link(qint64 messageId, qint64 channelId, const QList<qint64> &ids) override;
    bool unlinkAll(qint64 messageId) override;
    QList<Wire::Attachment> attachments(qint64 messageId) override;
    QHash<qint64, QList<Wire::Attachment>> attachments(const QList<qint64> &messageIds) override;

    // For UploadReceiver.
    AuthService &auth() { return m_auth; }
    qint64 maxUploadBytes() const { return m_maxUploadBytes; }
    qint64 nextId();
    // A user has at most MaxConcurrentUploads uploads in flight; false when USERID has no slot left.
    bool beginUpload(qint64 userId);
    void endUpload(qint64 userId);
    static constexpr int MaxConcurrentUploads = 4;
    QString tempPath(qint64 id) const;
    QThreadPool &pool() { return m_pool; }
    // Runs in the pool: detects the type from the bytes and, for images, reads the size and writes a
    // thumbnail.
    static Inspection inspect(const QString &path, const QString &name, const QString &thumbnailPath);
    QString thumbnailTempPath(qint64 id) const { return tempPath(id) + u".thumb"_qs; }
    // Moves the received files into place and stores the row; the Attachment JSON, or nothing on failure.
    std::optional<Wire::Attachment> store(const Upload &upload);

    std::optional<Upload> byId(qint64 id);
    Wire::Attachment attachment(const Upload &upload) const;
    // Whether USERID may download UPLOAD: its uploader, or a member of a channel where it was posted.
    bool mayRead(qint64 userId, const Upload &upload);

private:
    void expireUnattached();
    // Inside the caller's transaction: deletes those of UPLOADS that no message uses any more; their files go
    // once the transaction has committed.
    bool removeUnattached(const QList<qint64> &uploads);
    bool isAttached(qint64 uploadId);
    static constexpr qint64 ExpiryMarginMs = 60 * 1000;
    void removeOrphanFiles();

    Database &m_db;
    ChannelStore &m_channels;
    AuthService &m_auth;
    SnowflakeGenerator &m_ids;
    qint64 m_maxUploadBytes;
    qint64 m_unattachedTtlMs = 24 * 3600 * 1000;
    QTimer m_expiry;
    QDir m_dir;
    QList<Upload> m_pendingRemoval;
    QHash<qint64, int> m_inFlight; // uploads being received or processed, per user
    bool m_removalScheduled = false;
    // Last, so that it is destroyed (and waited for) first.
    QThreadPool m_pool;
};

} // namespace Natter::Server
