#include "wsclient.h"

#include <QRandomGenerator>

#include <cstring>

namespace {
enum Opcode { Continuation = 0, Text = 1, Binary = 2, Close = 8, Ping = 9, Pong = 10 };
}

WsClient::WsClient(int index, Listener *listener, QObject *parent)
    : QObject(parent)
    , m_listener(listener)
    , m_maskState(QRandomGenerator::global()->generate() | 1u)
    , m_index(index)
{
    connect(&m_socket, &QTcpSocket::connected, this, &WsClient::onConnected);
    connect(&m_socket, &QTcpSocket::readyRead, this, &WsClient::onReadyRead);
    connect(&m_socket, &QTcpSocket::disconnected, this, &WsClient::onDisconnected);
    connect(&m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (m_state != State::Closed && m_socket.state() == QAbstractSocket::UnconnectedState) finish(0);
    });
}

void WsClient::open(
    const QHostAddress &server, quint16 port, const QHostAddress &source, const QByteArray &token)
{
    m_state = State::Connecting;
    m_token = token;
    m_hostHeader = server.toString().toLatin1() + ':' + QByteArray::number(port);
    m_buffer.clear();
    m_fragment.clear();
    // A reconnect may come while the old connection is still closing: start from a clean socket.
    if (m_socket.state() != QAbstractSocket::UnconnectedState) m_socket.abort();
    if (!source.isNull()) m_socket.bind(source, 0);
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
    if (available <= 0) return;
    const qsizetype old = m_buffer.size();
    m_buffer.resize(old + available);
    const qint64 got = m_socket.read(m_buffer.data() + old, available);
    m_buffer.resize(old + qMax<qint64>(got, 0));

    if (m_state == State::Handshake && !parseHandshake()) return;
    if (m_state == State::Open) parseFrames();
}

bool WsClient::parseHandshake()
{
    const qsizetype end = m_buffer.indexOf("\r\n\r\n");
    if (end < 0) return false;
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
    qsizetype pos = 0;
    while (m_state == State::Open) {
        const qsizetype avail = m_buffer.size() - pos;
        if (avail < 2) break;
        const auto *p = reinterpret_cast<const uchar *>(m_buffer.constData() + pos);
        const bool fin = p[0] & 0x80;
        const int opcode = p[0] & 0x0f;
        const bool masked = p[1] & 0x80;
        quint64 length = p[1] & 0x7f;
        qsizetype header = 2;
        if (length == 126) {
            if (avail < 4) break;
            length = (quint64(p[2]) << 8) | p[3];
            header = 4;
        } else if (length == 127) {
            if (avail < 10) break;
            length = 0;
            for (int i = 0; i < 8; ++i)
                length = (length << 8) | p[2 + i];
            header = 10;
        }
        const qsizetype maskAt = header;
        if (masked) header += 4;
        if (quint64(avail) < quint64(header) + length) break;
        char *payloadPtr = m_buffer.data() + pos + header;
        if (masked) {
            const char *mask = m_buffer.constData() + pos + maskAt;
            for (quint64 i = 0; i < length; ++i)
                payloadPtr[i] ^= mask[i % 4];
        }
        QByteArrayView payload(payloadPtr, qsizetype(length));
        pos += header + qsizetype(length);

        switch (opcode) {
        case Text:
        case Binary:
            if (fin) {
                m_listener->onText(this, payload);
            } else {
                m_fragmentOpcode = opcode;
                m_fragment = payload.toByteArray();
            }
            break;
        case Continuation:
            m_fragment.append(payload);
            if (fin) {
                const QByteArray whole = std::exchange(m_fragment, {});
                m_listener->onText(this, whole);
            }
            break;
        case Ping:
            sendFrame(Pong, payload);
            break;
        case Close: {
            const int code = length >= 2 ? (int(uchar(payloadPtr[0])) << 8) | uchar(payloadPtr[1]) : 1005;
            sendFrame(Close, payload.first(qMin<qsizetype>(2, payload.size())));
            m_socket.disconnectFromHost();
            finish(code);
            break;
        }
        default:
            break;
        }
    }
    if (pos >= m_buffer.size())
        m_buffer.resize(0);
    else if (pos > 0)
        m_buffer.remove(0, pos);
}

void WsClient::sendText(QByteArrayView payload)
{
    if (m_state == State::Open) sendFrame(Text, payload);
}

void WsClient::sendFrame(int opcode, QByteArrayView payload)
{
    const qsizetype length = payload.size();
    QByteArray frame;
    frame.reserve(length + 14);
    frame.append(char(0x80 | opcode));
    if (length < 126) {
        frame.append(char(0x80 | length));
    } else if (length < 65536) {
        frame.append(char(0x80 | 126));
        frame.append(char(length >> 8));
        frame.append(char(length & 0xff));
    } else {
        frame.append(char(0x80 | 127));
        for (int i = 7; i >= 0; --i)
            frame.append(char((quint64(length) >> (8 * i)) & 0xff));
    }
    // xorshift32: masking only has to defeat proxies' cache poisoning, not an attacker.
    m_maskState ^= m_maskState << 13;
    m_maskState ^= m_maskState >> 17;
    m_maskState ^= m_maskState << 5;
    char mask[4];
    std::memcpy(mask, &m_maskState, 4);
    frame.append(mask, 4);
    const qsizetype start = frame.size();
    frame.append(payload.data(), length);
    char *out = frame.data() + start;
    for (qsizetype i = 0; i < length; ++i)
        out[i] ^= mask[i & 3];
    m_socket.write(frame);
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
    if (wasActive) finish(0);
}

void WsClient::onDisconnected()
{
    if (m_state != State::Closed) finish(m_state == State::Open ? 1006 : 0);
}

void WsClient::finish(int closeCode)
{
    if (m_state == State::Closed) return;
    m_state = State::Closed;
    m_listener->onClosed(this, closeCode);
}
