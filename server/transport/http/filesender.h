#pragma once

#include <QIODevice>
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
//
// The device is read as it can deliver: a file at once, a sequential stream (an object store's GET) as its
// readyRead signals come. Anything that ends before SIZE bytes, or delivers nothing for a minute, aborts the
// connection: the promised length can no longer be kept.
class FileSender : public QObject
{
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;
    static void start(
        QTcpSocket *socket, std::unique_ptr<QIODevice> device, qint64 size, const Headers &headers);

private:
    FileSender(QTcpSocket *socket, std::unique_ptr<QIODevice> device, qint64 size);
    void pump();
    void streamEnded();

    QTcpSocket *m_socket;
    std::unique_ptr<QIODevice> m_device;
    qint64 m_size;
    qint64 m_sent = 0;
    bool m_streamEnded = false; // a sequential device said readChannelFinished
    QTimer
        m_stall; // a client that stops reading a download is dropped rather than holding a socket and a file
};

} // namespace Natter::Server
