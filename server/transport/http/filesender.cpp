#include "transport/http/filesender.h"

#include <QTcpSocket>

namespace Natter::Server {

namespace {
constexpr qint64 QueueBytes = 256 * 1024;
constexpr qint64 ChunkBytes = 64 * 1024;
constexpr int StallMs = 60000;
} // namespace

void FileSender::start(
    QTcpSocket *socket, std::unique_ptr<QIODevice> device, qint64 size, const Headers &headers)
{
    QByteArray head = "HTTP/1.1 200 OK\r\nContent-Length: " + QByteArray::number(size) + "\r\n";
    for (const auto &[name, value] : headers)
        head += name + ": " + value + "\r\n";
    socket->write(head + "\r\n");
    auto *sender = new FileSender(socket, std::move(device), size);
    sender->pump();
}

FileSender::FileSender(QTcpSocket *socket, std::unique_ptr<QIODevice> device, qint64 size)
    : QObject(socket)
    , m_socket(socket)
    , m_device(std::move(device))
    , m_size(size)
{
    connect(socket, &QTcpSocket::bytesWritten, this, &FileSender::pump);
    if (m_device->isSequential()) {
        connect(m_device.get(), &QIODevice::readyRead, this, &FileSender::pump);
        connect(m_device.get(), &QIODevice::readChannelFinished, this, &FileSender::streamEnded);
    }
    m_stall.setSingleShot(true);
    m_stall.setInterval(StallMs);
    connect(&m_stall, &QTimer::timeout, this, [this] { m_socket->abort(); });
}

void FileSender::pump()
{
    m_stall.start(); // called on every bytesWritten and readyRead: progress restarts the clock
    while (m_sent < m_size && m_socket->bytesToWrite() < QueueBytes) {
        const QByteArray chunk = m_device->read(qMin(ChunkBytes, m_size - m_sent));
        if (chunk.isEmpty()) {
            // A stream that has nothing yet calls again with readyRead. A file that has nothing left shrank
            // or failed under us.
            if (m_device->isSequential() && !m_streamEnded)
                return;
            m_socket->abort();
            return;
        }
        m_socket->write(chunk);
        m_sent += chunk.size();
    }
    if (m_sent >= m_size) {
        m_stall.stop();
        deleteLater();
    }
}

void FileSender::streamEnded()
{
    m_streamEnded = true;
    pump(); // sends what the stream still buffers, and aborts if that falls short
}

} // namespace Natter::Server
