#pragma once

#include <common/ws/frameparser.h>

#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QTcpSocket>

// A minimal RFC 6455 client over QTcpSocket, on the codec the server uses (common/ws). QWebSocket cannot bind
// a source address before connecting, and it costs several times the memory per connection; the bench holds
// up to 15,000 of these per run, so this one keeps only what a load generator needs: the upgrade with a
// bearer token, text frames, ping/pong and close.
class WsClient : public QObject
{
    Q_OBJECT
public:
    class Listener
    {
    public:
        virtual ~Listener() = default;
        virtual void onOpen(WsClient *client) = 0;
        virtual void onText(WsClient *client, QByteArrayView payload) = 0;
        // closeCode is the WebSocket close code, the HTTP status when the upgrade was refused, or 0 for a TCP
        // error or drop without a close frame.
        virtual void onClosed(WsClient *client, int closeCode) = 0;
    };

    enum class State { Idle, Connecting, Handshake, Open, Closed };

    WsClient(int index, Listener *listener, QObject *parent = nullptr);

    void open(const QHostAddress &server, quint16 port, const QHostAddress &source, const QByteArray &token);
    void sendText(QByteArrayView payload);
    void close();
    void abort();

    int index() const { return m_index; }
    State state() const { return m_state; }
    bool isOpen() const { return m_state == State::Open; }
    qint64 bytesToWrite() const { return m_socket.bytesToWrite(); }

private:
    void onConnected();
    void onReadyRead();
    void onDisconnected();
    bool parseHandshake();
    void parseFrames();
    void sendFrame(int opcode, QByteArrayView payload);
    void finish(int closeCode);

    QTcpSocket m_socket;
    QByteArray m_buffer;
    Natter::Ws::FrameParser m_parser;
    QByteArray m_token;
    QByteArray m_hostHeader;
    Listener *m_listener;
    quint32 m_maskState;
    int m_index;
    State m_state = State::Idle;
};
