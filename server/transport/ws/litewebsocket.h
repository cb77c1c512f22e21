#pragma once

#include "transport/ws/gatewaysocket.h"

#include <common/ws/frameparser.h>

#include <QList>

class QSocketNotifier;
class QTcpSocket;
class QTimer;

namespace Natter::Server {

// GatewaySocket over a bare socket descriptor: RFC 6455 server side without QTcpSocket or QWebSocket, so that
// an idle connection holds only this object, the frame parser's state and one read notifier. Input is read
// into a per-thread scratch buffer; only an incomplete frame is kept per connection. Output goes straight to
// the kernel and only an unsent tail is queued, as the shared frames themselves; a write notifier exists only
// while it is.
class LiteWebSocket : public GatewaySocket
{
    Q_OBJECT
public:
    // Takes over an upgraded connection whose handshake has been validated: duplicates its descriptor, keeps
    // the bytes QTcpSocket had buffered beyond the request head, deletes SOCKET and writes GREETING (the 101
    // answer). Must not be called from inside one of SOCKET's signals. Null when the socket is no longer
    // connected.
    static std::unique_ptr<LiteWebSocket> takeOver(QTcpSocket *socket, const QByteArray &greeting);

    LiteWebSocket(qintptr descriptor, QByteArray pendingInput, QObject *parent = nullptr);
    ~LiteWebSocket() override;

    void sendText(const QByteArray &utf8) override;
    void close(int code, const QString &reason) override;
    qint64 bytesToWrite() const override { return m_unsent; }

    static constexpr int CloseTimeoutMs = 5000;
    static constexpr int CloseFlushTimeoutMs = 30000;
    static constexpr qint64 DropQueuedBytes = 64 * 1024;

private:
    void onReadable();
    void onWritable();
    void flushOut();
    static void flushQueued();
    void consume(const char *data, qsizetype size);
    void handle(const Ws::FrameParser::Message &message);
    void write(const QByteArray &bytes);
    void sendClose(int code, const QByteArray &reason);
    // Closes the descriptor once the close frame has left; EOF or an error closes it at once.
    void finishWhenFlushed();
    void drain();
    void teardown();

    qintptr m_fd;
    QSocketNotifier *m_reader = nullptr;
    QSocketNotifier *m_writer = nullptr;
    QTimer *m_closeTimer = nullptr;
    QByteArray m_in; // an incomplete frame, empty (unallocated) between frames
    QList<QByteArray> m_out; // unsent frames, shared with other recipients
    qsizetype m_outOffset = 0; // already sent of m_out.first()
    qint64 m_unsent = 0;
    Ws::FrameParser m_parser;
    bool m_closeSent = false;
    bool m_closeReceived = false;
    bool m_finishing = false; // no more input for the gateway; shut down writing once the output drains
    bool m_draining = false; // writing shut down; waiting for the peer's FIN
    bool m_gone = false;
    bool m_flushQueued = false;

    static thread_local QList<LiteWebSocket *> t_flushQueue;
};

} // namespace Natter::Server
