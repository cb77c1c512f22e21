#pragma once

#include <common/protocol/error.h>

#include <QElapsedTimer>
#include <QFile>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QTcpSocket;

namespace Natter::Server {

class FileService;

// Receives one `POST /api/v1/uploads` straight from the socket, which HttpGuard hands over once the request
// head has arrived (QHttpServer 6.4 would hold the whole body in memory). It checks the token, Content-Length
// and X-Filename before reading any of the body, streams the body to a staged file (BlobStore::stagingPath(),
// DATA/uploads/tmp/<id>), has the pool detect the type, make a thumbnail and put both into the blob store,
// stores the row and writes the HTTP answer itself. The connection is then closed. A child of the socket: it
// ends with the connection.
class UploadReceiver : public QObject
{
    Q_OBJECT
public:
    UploadReceiver(QTcpSocket *socket, const QByteArray &header, FileService &files);
    ~UploadReceiver() override;

    // The name a client sent in X-Filename, made safe to show and store: URL-decoded, the last path
    // component, no control characters, at most 255 characters. An error when nothing usable is left.
    static std::optional<QString> sanitiseName(const QByteArray &header, QString *problem);

private:
    void start(const QByteArray &header);
    void onReadyRead();
    void finishBody();
    void answer(int status, const QByteArray &json);
    void fail(const Wire::Error &error);
    void close();
    void discardFiles();

    QTcpSocket *m_socket;
    FileService &m_files;
    QFile m_file;
    QTimer m_idle;
    qint64 m_id = 0;
    qint64 m_userId = 0;
    QString m_name;
    qint64 m_length = 0;
    qint64 m_received = 0;
    bool m_answered = false;
    bool m_counted = false; // holds one of the user's concurrent upload slots
    bool m_expectsContinue = false;
    QByteArray m_deferred; // an early answer, sent once the body has been read
};

} // namespace Natter::Server
