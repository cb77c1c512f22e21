#include "transport/http/filesender.h"

#include <QTcpSocket>

namespace Natter::Server {

namespace {
constexpr qint64 QueueBytes = 256 * 1024;
constexpr qint64 ChunkBytes = 64 * 1024;
constexpr int StallMs = 60000;
} // namespace

void FileSender::start(QTcpSocket *socket, std::unique_ptr<QFile> file, const Headers &headers)
{
    QByteArray head = "HTTP/1.1 200 OK\r\nContent-Length: " + QByteArray::number(file->size()) + "\r\n";
    for (const auto &[name, value] : headers)
        head += name + ": " + value + "\r\n";
    socket->write(head + "\r\n");
    auto *sender = new FileSender(socket, std::move(file));
    sender->pump();
}

FileSender::FileSender(QTcpSocket *socket, std::unique_ptr<QFile> file)
    : QObject(socket)
    , m_socket(socket)
    , m_file(std::move(file))
{
    connect(socket, &QTcpSocket::bytesWritten, this, &FileSender::pump);
    m_stall.setSingleShot(true);
    m_stall.setInterval(StallMs);
    connect(&m_stall, &QTimer::timeout, this, [this] { m_socket->abort(); });
}

void FileSender::pump()
{
    m_stall.start(); // called on every bytesWritten: progress restarts the clock
    while (m_socket->bytesToWrite() < QueueBytes && !m_file->atEnd()) {
        const QByteArray chunk = m_file->read(ChunkBytes);
        if (chunk.isEmpty()) {
            // The file shrank or failed under us; the promised length can no longer be kept.
            m_socket->abort();
            return;
        }
        m_socket->write(chunk);
    }
    if (m_file->atEnd()) {
        m_stall.stop();
        deleteLater();
    }
}

} // namespace Natter::Server
