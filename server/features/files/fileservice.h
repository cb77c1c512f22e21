#pragma once

#include "features/files/blobstore.h"
#include "services/attachmentlinker.h"

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

// Uploaded files: their bodies (and thumbnails) in a BlobStore under server-made keys (LocalBlobStore:
// DATA/uploads/<id> or --uploads-dir), rows in `uploads`, links to messages in `message_attachments`.
// Receiving is done by UploadReceiver at the socket level (the body is streamed to a staged file); this class
// owns the rows, the download routes and who may read what.
//
// An upload may be attached to several messages by its uploader. Deleting a message unlinks its uploads; an
// upload that is then attached nowhere is deleted (row at once, inside the caller's transaction; blobs right
// after it). Uploads that no message takes up expire (setUnattachedTtl()).
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

    FileService(Database &db, ChannelStore &channels, AuthService &auth, SnowflakeGenerator &ids,
        BlobStore &blobs, qint64 maxUploadBytes, QObject *parent = nullptr);
    ~FileService() override;

    // Uploads that no message uses are deleted once they are older than TTLMS (checked every TTL/2, at
    // least hourly). Set before open().
    void setUnattachedTtl(qint64 ttlMs) { m_unattachedTtlMs = ttlMs; }
    // Opens the blob store as INSTANCE (BlobStore::open(): staged files a previous run left are removed) and
    // starts the expiry.
    bool open(const QString &instance, QString *error);
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
    // The local file that upload ID's body is received into.
    QString stagingPath(qint64 id) const;
    // Removes what was staged for upload ID (a refused or abandoned upload).
    void discardStaged(qint64 id) const;
    QThreadPool &pool() { return m_pool; }
    // Runs in the pool: detects the staged upload's type from its bytes (UPLOAD has id, uploader, name and
    // size) and, for images, reads their size and makes a thumbnail; then puts the body and the thumbnail
    // into the blob store. The upload with its type and keys, or nothing (and then nothing of it is left).
    static std::optional<Upload> prepare(BlobStore &blobs, Upload upload);
    BlobStore &blobs() { return m_blobs; }
    // Stores the row of a prepared upload; the Attachment JSON, or nothing on failure (its blobs are
    // removed).
    std::optional<Wire::Attachment> store(const Upload &upload);
    // Removes the blobs of an upload that has no row (its client left while it was prepared).
    void discard(const Upload &upload);

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
    // Removes KEYS from the blob store on the pool: a remote store's DELETE must not hold up the event loop.
    void removeBlobs(const QStringList &keys);

    Database &m_db;
    ChannelStore &m_channels;
    AuthService &m_auth;
    SnowflakeGenerator &m_ids;
    qint64 m_maxUploadBytes;
    qint64 m_unattachedTtlMs = 24 * 3600 * 1000;
    BlobStore &m_blobs;
    QTimer m_expiry;
    QList<Upload> m_pendingRemoval;
    QHash<qint64, int> m_inFlight; // uploads being received or processed, per user
    bool m_removalScheduled = false;
    // Last, so that it is destroyed (and waited for) first.
    QThreadPool m_pool;
};

} // namespace Natter::Server
