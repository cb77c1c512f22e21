#include "wsclient.h"

#include <common/ws/framewriter.h>

#include <QRandomGenerator>

#include <cstring>

namespace Ws = Natter::Ws;

namespace {
enum Opcode { Text = 1, Close = 8, Pong = 10 };
}

WsClient::WsClient(int index, Listener *listener, QObject *parent)
    : QObject(parent)
    , m_listener(listener)
    , m_parser(16 * 1024 * 1024, Ws::FrameParser::Role::Client)
    , m_maskState(QRandomGenerator::global()->generate() | 1u)
    , m_index(index)
{
    connect(&m_socket, &QTcpSocket::connected, this, &WsClient::onConnected);
    connect(&m_socket, &QTcpSocket::readyRead, this, &WsClient::onReadyRead);
    connect(&m_socket, &QTcpSocket::disconnected, this, &WsClient::onDisconnected);
    connect(&m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (m_state != State::Closed && m_socket.state() == QAbstractSocket::UnconnectedState)
            finish(0);
    });
}

void WsClient::open(
    const QHostAddress &server, quint16 port, const QHostAddress &source, const QByteArray &token)
{
    m_state = State::Connecting;
    m_token = token;
    m_hostHeader = server.toString().toLatin1() + ':' + QByteArray::number(port);
    m_buffer.clear();
    m_parser = Ws::FrameParser(16 * 1024 * 1024, Ws::FrameParser::Role::Client);
    // A reconnect may come while the old connection is still closing: start from a clean socket.
    if (m_socket.state() != QAbstractSocket::UnconnectedState)
        m_socket.abort();
    if (!source.isNull())
        m_socket.bind(source, 0);
    m_socket.connectToHost(server, port);
}

void WsClient::onConnected()
{
    // As browsers and WebSocket libraries do: Nagle would hold a send behind the server's delayed ACK.
    m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_state = State::Handshake;
    // The key is fixed: the bench trusts its loopback server and does not check Sec-WebSocket-Accept.
    m_socket.write("GET /api/v1/ws HTTP/1.1\r\nHost: " + m_hostHeader
        + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
          "Authorization: Bearer "
        + m_token + "\r\n\r\n");
}

void WsClient::onReadyRead()
{
    const qint64 available = m_socket.bytesAvailable();
    if (available <= 0)
        return;
    const qsizetype old = m_buffer.size();
    m_buffer.resize(old + available);
    const qint64 got = m_socket.read(m_buffer.data() + old, available);
    m_buffer.resize(old + qMax<qint64>(got, 0));

    if (m_state == State::Handshake && !parseHandshake())
        return;
    if (m_state == State::Open)
        parseFrames();
}

bool WsClient::parseHandshake()
{
    const qsizetype end = m_buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    // "HTTP/1.1 101 ..." : the status is the second token.
    const qsizetype space = m_buffer.indexOf(' ');
    const int status = space > 0 ? m_buffer.mid(space + 1, 3).toInt() : 0;
    if (status != 101) {
        finish(status > 0 ? status : -1);
        m_socket.abort();
        return false;
    }
    m_buffer.remove(0, end + 4);
    m_state = State::Open;
    m_listener->onOpen(this);
    return m_state == State::Open;
}

void WsClient::parseFrames()
{
    // The same RFC 6455 codec the server uses (common/ws), reading as a client: server frames are unmasked.
    QList<Ws::FrameParser::Message> messages;
    int failCode = 0;
    const qsizetype used = m_parser.parse(m_buffer.constData(), m_buffer.size(), messages, &failCode);
    if (used >= m_buffer.size())
        m_buffer.resize(0);
    else if (used > 0)
        m_buffer.remove(0, used);
    for (const Ws::FrameParser::Message &message : std::as_const(messages)) {
        if (m_state != State::Open)
            return; // the listener closed this client
        switch (message.kind) {
        case Ws::FrameParser::Kind::Text:
        case Ws::FrameParser::Kind::Binary:
            m_listener->onText(this, message.payload);
            break;
        case Ws::FrameParser::Kind::Ping:
            sendFrame(Pong, message.payload);
            break;
        case Ws::FrameParser::Kind::Pong:
            break;
        case Ws::FrameParser::Kind::Close: {
            const QByteArray &body = message.payload;
            const int code = body.size() >= 2 ? (int(uchar(body[0])) << 8) | uchar(body[1]) : 1005;
            sendFrame(Close, QByteArrayView(body).first(qMin<qsizetype>(2, body.size())));
            m_socket.disconnectFromHost();
            finish(code);
            return;
        }
        }
    }
    if (failCode && m_state == State::Open) {
        m_socket.abort();
        finish(failCode);
    }
}

void WsClient::sendText(QByteArrayView payload)
{
    if (m_state == State::Open)
        sendFrame(Text, payload);
}

void WsClient::sendFrame(int opcode, QByteArrayView payload)
{
    // xorshift32: masking only has to defeat proxies' cache poisoning, not an attacker.
    m_maskState ^= m_maskState << 13;
    m_maskState ^= m_maskState >> 17;
    m_maskState ^= m_maskState << 5;
    m_socket.write(Ws::maskedFrame(quint8(opcode), payload.data(), payload.size(), m_maskState));
}

void WsClient::close()
{
    if (m_state == State::Open) {
        static const char normal[2] = { char(0x03), char(0xe8) };
        sendFrame(Close, QByteArrayView(normal, 2));
        m_socket.disconnectFromHost();
        finish(1000);
    } else if (m_state != State::Closed && m_state != State::Idle) {
        m_socket.abort();
        finish(0);
    }
}

void WsClient::abort()
{
    const bool wasActive = m_state != State::Closed && m_state != State::Idle;
    m_socket.abort();
    if (wasActive)
        finish(0);
}

void WsClient::onDisconnected()
{
    if (m_state != State::Closed)
        finish(m_state == State::Open ? 1006 : 0);
}

void WsClient::finish(int closeCode)
{
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    m_listener->onClosed(this, closeCode);
}
