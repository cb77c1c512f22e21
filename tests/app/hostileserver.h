#pragma once

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>
#include <QWebSocketServer>

#include <functional>

// A fake natter-server for tests of the app under attack: it speaks just enough HTTP (a head, a
// Content-Length body, one answer per request, keep-alive) and hands `GET /api/v1/ws` to a QWebSocketServer.
// Each test scripts what it sends: HTTP answers through http(), gateway frames through onConnect().
class HostileServer : public QObject
{
public:
    // METHOD and TARGET of a request; returns the whole raw response (status line, headers, body).
    using Http = std::function<QByteArray(const QByteArray &method, const QByteArray &target)>;
    using OnConnect = std::function<void(QWebSocket *client)>;

    HostileServer()
        : m_ws(QStringLiteral("hostile"), QWebSocketServer::NonSecureMode)
    {
        m_ws.setMaxPendingConnections(100);
        connect(&m_tcp, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_tcp.nextPendingConnection())
                serve(socket);
        });
        connect(&m_ws, &QWebSocketServer::newConnection, this, [this] {
            while (QWebSocket *client = m_ws.nextPendingConnection()) {
                client->setParent(this);
                client->setMaxAllowedIncomingMessageSize(1 << 20);
                m_clients.append(client);
                ++m_connections;
                connect(client, &QWebSocket::textMessageReceived, this,
                    [this](const QString &text) { m_received.append(text); });
                if (m_onConnect)
                    m_onConnect(client);
            }
        });
        m_tcp.listen(QHostAddress::LocalHost, 0);
    }

    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_tcp.serverPort())); }
    void setHttp(Http http) { m_http = std::move(http); }
    void setOnConnect(OnConnect onConnect) { m_onConnect = std::move(onConnect); }
    // Gateway connections accepted so far (a client that reconnects counts again).
    int connections() const { return m_connections; }
    // The newest gateway connection still open, or null.
    QWebSocket *client() const
    {
        for (qsizetype i = m_clients.size() - 1; i >= 0; --i)
            if (m_clients.at(i) && m_clients.at(i)->state() == QAbstractSocket::ConnectedState)
                return m_clients.at(i);
        return nullptr;
    }
    QStringList &received() { return m_received; }
    int httpRequests() const { return m_httpRequests; }

    static QByteArray response(int status, const QByteArray &body,
        const QByteArray &type = QByteArrayLiteral("application/json"), const QByteArray &extraHeaders = {})
    {
        return "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: " + type
            + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n" + extraHeaders + "\r\n"
            + body;
    }

private:
    void serve(QTcpSocket *socket)
    {
        socket->setParent(this);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readRequests(socket); });
    }

    void readRequests(QTcpSocket *socket)
    {
        while (true) {
            const QByteArray seen = socket->peek(socket->bytesAvailable());
            const qsizetype end = seen.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArray head = seen.left(end);
            if (head.startsWith("GET /api/v1/ws")) {
                // The WebSocket server reads the handshake itself, from the unread bytes.
                socket->disconnect(this);
                m_ws.handleConnection(socket);
                QTimer::singleShot(0, socket, [socket] {
                    if (socket->bytesAvailable() > 0)
                        Q_EMIT socket->readyRead();
                });
                return;
            }
            qint64 length = 0;
            for (const QByteArray &line : head.split('\n'))
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            if (seen.size() < end + 4 + length)
                return;
            socket->read(end + 4 + length);
            ++m_httpRequests;
            const QList<QByteArray> requestLine = head.left(head.indexOf('\r')).split(' ');
            socket->write(m_http ? m_http(requestLine.value(0), requestLine.value(1))
                                 : response(404, R"({"error":{"code":"not_found","message":"no"}})"));
        }
    }

    QTcpServer m_tcp;
    QWebSocketServer m_ws;
    Http m_http;
    OnConnect m_onConnect;
    QList<QPointer<QWebSocket>> m_clients;
    QStringList m_received;
    int m_connections = 0;
    int m_httpRequests = 0;
};
