#pragma once

#include <common/protocol/attachment.h>

#include <QList>
#include <QObject>
#include <QPointer>

class QFile;
class QNetworkAccessManager;
class QNetworkReply;

namespace Natter::Client {

class ApiClient;

// One file on its way to POST /uploads. Streams the file from disk (never read whole into memory), reports
// progress and ends exactly once in finished() or failed(). Owned by the UploadClient; deleted later after it
// ends.
class Upload : public QObject
{
    Q_OBJECT
public:
    enum class Error { None, TooLarge, Unreadable, Network, Refused, Cancelled };

    QString filePath() const { return m_filePath; }
    QString fileName() const { return m_fileName; }
    qint64 size() const { return m_size; }
    qint64 sent() const { return m_sent; }
    bool isDone() const { return m_done; }
    Error error() const { return m_error; }
    // Stops the upload; failed(Cancelled, …) follows at once.
    void cancel();

signals:
    void progress(qint64 sent, qint64 total);
    void finished(const Natter::Wire::Attachment &attachment);
    // ERROR for code, MESSAGE a sentence for the user.
    void failed(Natter::Client::Upload::Error error, const QString &message);

private:
    friend class UploadClient;
    explicit Upload(const QString &filePath, QObject *parent);
    void fail(Error error, const QString &message);

    QString m_filePath;
    QString m_fileName;
    qint64 m_size = 0;
    qint64 m_sent = 0;
    bool m_done = false;
    Error m_error = Error::None;
    QFile *m_file = nullptr;
    QPointer<QNetworkReply> m_reply;
};

// Uploads files for the signed-in user. Lives as long as the session, not a window, so uploads go on while the
// user reads other channels. A file over maxBytes() is refused before any byte is sent; the server's 413 is the
// fallback when its limit is lower than ours.
class UploadClient : public QObject
{
    Q_OBJECT
public:
    UploadClient(QNetworkAccessManager *nam, ApiClient *api, QObject *parent = nullptr);

    qint64 maxBytes() const { return m_maxBytes; }
    void setMaxBytes(qint64 bytes) { m_maxBytes = bytes; }
    // Starts uploading FILEPATH. The returned Upload may already have failed (too large, unreadable): check
    // isDone() or connect before returning to the event loop — the failure is also emitted queued.
    Upload *start(const QString &filePath);
    QList<Upload *> active() const;
    // "25 MB": sizes for people, in the locale's digits.
    static QString formatSize(qint64 bytes);

signals:
    void uploadStarted(Natter::Client::Upload *upload);

private:
    QNetworkAccessManager *m_nam;
    ApiClient *m_api;
    qint64 m_maxBytes;
};

} // namespace Natter::Client
