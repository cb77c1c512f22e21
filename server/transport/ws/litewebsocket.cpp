#include "transport/ws/litewebsocket.h"
#include "logging.h"

#include <common/protocollimits.h>
#include <common/ws/framewriter.h>

#include <QAbstractEventDispatcher>
#include <QPointer>
#include <QSocketNotifier>
#include <QTcpSocket>
#include <QTimer>

#include <cerrno>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

namespace Natter::Server {

#ifndef MSG_NOSIGNAL // macOS: SO_NOSIGPIPE on the socket instead
#define MSG_NOSIGNAL 0
#endif

namespace {
// One read buffer per thread instead of one per connection: a read drains what the kernel holds, and only an
// incomplete frame outlives the call.
constexpr qsizetype ScratchBytes = 64 * 1024;
char *scratch()
{
    thread_local std::unique_ptr<char[]> buffer(new char[ScratchBytes]);
    return buffer.get();
}
} // namespace

// Sockets with frames to write at the end of this event-loop pass.
thread_local QList<LiteWebSocket *> LiteWebSocket::t_flushQueue;

std::unique_ptr<LiteWebSocket> LiteWebSocket::takeOver(QTcpSocket *socket, const QByteArray &greeting)
{
    if (socket->state() != QAbstractSocket::ConnectedState || socket->socketDescriptor() < 0) {
        socket->deleteLater();
        return nullptr;
    }
    // The duplicate shares the open connection; QTcpSocket closes only its own descriptor, without
    // shutdown().
    const int fd = ::fcntl(int(socket->socketDescriptor()), F_DUPFD_CLOEXEC, 0);
    QByteArray pending = socket->readAll();
    disconnect(socket, &QAbstractSocket::disconnected, nullptr, nullptr);
    delete socket;
    if (fd < 0) {
        qCWarning(lcGateway) << "cannot duplicate an upgraded socket:" << qt_error_string(errno);
        return nullptr;
    }
#ifdef SO_NOSIGPIPE
    const int on = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &on, sizeof on);
#endif
    auto lite = std::make_unique<LiteWebSocket>(fd, std::move(pending));
    lite->write(greeting);
    return lite;
}

LiteWebSocket::LiteWebSocket(qintptr descriptor, QByteArray pendingInput, QObject *parent)
    : GatewaySocket(parent)
    , m_fd(descriptor)
    , m_parser(Limits::MaxFrameBytes)
{
    m_reader = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
    connect(m_reader, &QSocketNotifier::activated, this, &LiteWebSocket::onReadable);
    if (!pendingInput.isEmpty()) {
        // Frames that came with the request head are handled once the gateway has connected its slots.
        m_in = std::move(pendingInput);
        QTimer::singleShot(0, this, [this] {
            const QByteArray in = std::exchange(m_in, {});
            consume(in.constData(), in.size());
        });
    }
}

LiteWebSocket::~LiteWebSocket()
{
    if (m_flushQueued)
        t_flushQueue.removeOne(this);
    delete m_reader;
    delete m_writer;
    if (m_fd >= 0)
        ::close(int(m_fd));
}

void LiteWebSocket::onReadable()
{
    QPointer<LiteWebSocket> alive(this);
    // A bounded number of reads per wake-up, so that one busy client cannot starve the others.
    for (int round = 0; round < 4 && alive && !m_gone; ++round) {
        char *buffer = scratch();
        const ssize_t n = ::recv(int(m_fd), buffer, ScratchBytes, 0);
        if (n > 0 && m_draining)
            continue; // after our FIN, only waiting for the peer's
        if (n > 0) {
            if (m_in.isEmpty()) {
                consume(buffer, n);
            } else {
                m_in.append(buffer, n);
                const QByteArray in = std::exchange(m_in, {});
                consume(in.constData(), in.size());
            }
            if (n < ScratchBytes)
                return;
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
            return;
        teardown(); // EOF or a reset
        return;
    }
}

void LiteWebSocket::consume(const char *data, qsizetype size)
{
    if (m_gone || m_finishing)
        return;
    QList<Ws::FrameParser::Message> messages;
    int failCode = 0;
    const qsizetype used = m_parser.parse(data, size, messages, &failCode);
    if (!failCode && used < size)
        m_in = QByteArray(data + used, size - used);
    QPointer<LiteWebSocket> alive(this);
    for (const auto &message : std::as_const(messages)) {
        handle(message);
        if (!alive || m_gone)
            return;
    }
    if (failCode) {
        m_in.clear();
        qCInfo(lcGateway) << "closing a gateway connection for a protocol error:" << failCode;
        sendClose(failCode,
            failCode == 1009       ? "message too big"
                : failCode == 1007 ? "invalid UTF-8 in a text message"
                                   : "protocol error");
        finishWhenFlushed();
    }
}

void LiteWebSocket::handle(const Ws::FrameParser::Message &message)
{
    using Kind = Ws::FrameParser::Kind;
    switch (message.kind) {
    case Kind::Text:
        if (!m_closeSent)
            Q_EMIT textReceived(message.payload);
        break;
    case Kind::Binary:
        if (!m_closeSent)
            Q_EMIT binaryReceived();
        break;
    case Kind::Ping:
        // A peer that pings without reading must not grow our queue: past the limit its pings go unanswered
        // (RFC 6455 asks only for an answer to the latest one).
        if (!m_closeSent && m_unsent <= DropQueuedBytes)
            write(Ws::frame(0xA, message.payload.constData(), message.payload.size()));
        Q_EMIT activity();
        break;
    case Kind::Pong:
        Q_EMIT activity();
        break;
    case Kind::Close:
        m_closeReceived = true;
        m_in.clear();
        if (!m_closeSent) {
            // Echo the peer's code, as RFC 6455 5.5.1 suggests; a close without a code is answered without
            // one.
            const int code = message.payload.size() >= 2
                ? (uchar(message.payload[0]) << 8) | uchar(message.payload[1])
                : 0;
            sendClose(code, {});
        }
        finishWhenFlushed();
        break;
    }
}

void LiteWebSocket::sendText(const QByteArray &utf8)
{
    if (m_gone || m_closeSent)
        return;
    write(Ws::sharedTextFrame(utf8));
}

void LiteWebSocket::close(int code, const QString &reason)
{
    if (m_gone || m_closeSent)
        return;
    sendClose(code, reason.toUtf8());
}

void LiteWebSocket::sendClose(int code, const QByteArray &reason)
{
    if (m_closeSent)
        return;
    m_closeSent = true;
    if (m_unsent > DropQueuedBytes && !m_out.isEmpty()) {
        // A peer this far behind (a slow consumer closed with 4009, say) resyncs after reconnecting: frames
        // it has not begun to receive are dropped, so that its close frame comes next and the memory is freed
        // now.
        m_out.resize(m_outOffset > 0 ? 1 : 0);
        m_unsent = m_out.isEmpty() ? 0 : m_out.constFirst().size() - m_outOffset;
        if (m_out.isEmpty())
            m_outOffset = 0;
    }
    write(Ws::closeFrame(code, reason));
    if (m_gone)
        return;
    // A peer that never answers the close is dropped CloseTimeoutMs after the close frame has left; one that
    // does not even read it, after CloseFlushTimeoutMs.
    m_closeTimer = new QTimer(this);
    m_closeTimer->setSingleShot(true);
    connect(m_closeTimer, &QTimer::timeout, this, &LiteWebSocket::teardown);
    m_closeTimer->start(CloseFlushTimeoutMs);
}

void LiteWebSocket::write(const QByteArray &bytes)
{
    if (m_gone || bytes.isEmpty())
        return;
    m_out.append(bytes);
    m_unsent += bytes.size();
    // Written at the end of this event-loop pass, like QAbstractSocket does: frames queued together (an ack
    // and the event that follows it, a sync replay) leave in one system call and one segment.
    if (!m_writer && !m_flushQueued) {
        m_flushQueued = true;
        auto &queue = t_flushQueue;
        if (queue.isEmpty())
            QMetaObject::invokeMethod(
                QAbstractEventDispatcher::instance(), &LiteWebSocket::flushQueued, Qt::QueuedConnection);
        queue.append(this);
    }
}

void LiteWebSocket::flushQueued()
{
    // Taken one at a time: a flush can end a connection, and a socket that is deleted leaves this queue.
    auto &queue = t_flushQueue;
    while (!queue.isEmpty()) {
        LiteWebSocket *socket = queue.takeLast();
        socket->m_flushQueued = false;
        socket->flushOut();
    }
    queue = QList<LiteWebSocket *>();
}

void LiteWebSocket::onWritable()
{
    flushOut();
}

void LiteWebSocket::flushOut()
{
    while (!m_out.isEmpty() && !m_gone) {
        constexpr int MaxSlices = 16;
        iovec slices[MaxSlices];
        int count = 0;
        for (; count < MaxSlices && count < m_out.size(); ++count) {
            const QByteArray &frame = m_out.at(count);
            const qsizetype skip = count == 0 ? m_outOffset : 0;
            slices[count].iov_base = const_cast<char *>(frame.constData() + skip);
            slices[count].iov_len = size_t(frame.size() - skip);
        }
        msghdr message {};
        message.msg_iov = slices;
        message.msg_iovlen = size_t(count);
        ssize_t n = ::sendmsg(int(m_fd), &message, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno != EAGAIN && errno != EWOULDBLOCK) {
                teardown(); // the peer is gone
                return;
            }
            if (!m_writer) {
                m_writer = new QSocketNotifier(m_fd, QSocketNotifier::Write, this);
                connect(m_writer, &QSocketNotifier::activated, this, &LiteWebSocket::onWritable);
            }
            return;
        }
        m_unsent -= n;
        while (n > 0) {
            const qsizetype left = m_out.constFirst().size() - m_outOffset;
            if (n < left) {
                m_outOffset += n;
                break;
            }
            n -= left;
            m_out.removeFirst();
            m_outOffset = 0;
        }
    }
    if (m_gone)
        return;
    // Drained: give back the queue's storage and the notifier; an idle connection holds neither.
    m_out = QList<QByteArray>();
    m_unsent = 0;
    if (m_writer) {
        m_writer->setEnabled(false);
        m_writer->deleteLater();
        m_writer = nullptr;
    }
    if (m_closeTimer)
        m_closeTimer->start(CloseTimeoutMs); // the close frame has left
    if (m_finishing)
        drain();
}

void LiteWebSocket::finishWhenFlushed()
{
    m_finishing = true;
    if (m_out.isEmpty())
        drain();
}

void LiteWebSocket::drain()
{
    if (m_draining || m_gone)
        return;
    // FIN after the close frame, then read until the peer's FIN: closing with unread input would send a
    // reset, which can destroy the close frame before the peer reads it.
    m_draining = true;
    ::shutdown(int(m_fd), SHUT_WR);
    if (!m_closeTimer)
        QTimer::singleShot(CloseTimeoutMs, this, &LiteWebSocket::teardown);
}

void LiteWebSocket::teardown()
{
    if (m_fd < 0)
        return;
    m_gone = true;
    // This may run inside one of these objects' signals: disable now, delete later.
    for (QSocketNotifier *notifier : { m_reader, m_writer }) {
        if (notifier) {
            notifier->setEnabled(false);
            notifier->deleteLater();
        }
    }
    m_reader = m_writer = nullptr;
    if (m_closeTimer) {
        m_closeTimer->stop();
        m_closeTimer->deleteLater();
        m_closeTimer = nullptr;
    }
    ::close(int(m_fd));
    m_fd = -1;
    m_out = QList<QByteArray>();
    m_unsent = 0;
    m_in = QByteArray();
    Q_EMIT disconnected();
}

} // namespace Natter::Server
