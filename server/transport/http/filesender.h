#pragma once

#include <QFile>
#include <QList>
#include <QObject>
#include <QPair>
#include <QTimer>

#include <memory>

class QTcpSocket;

namespace Natter::Server {

// Streams a file as an HTTP response with Content-Length, keeping at most a few hundred KiB queued on the
// socket (QHttpServerResponder's QIODevice path would queue a whole slow client's download in memory). Lives
// as a child of the socket and ends with the file or the connection.
class FileSender : public QObject
{
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;
    static void start(QTcpSocket *socket, std::unique_ptr<QFile> file, const Headers &headers);

private:
    FileSender(QTcpSocket *socket, std::unique_ptr<QFile> file);
    void pump();

    QTcpSocket *m_socket;
    std::unique_ptr<QFile> m_file;
    QTimer
        m_stall; // a client that stops reading a download is dropped rather than holding a socket and a file
};

} // namespace Natter::Server
