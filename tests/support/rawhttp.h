#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QJsonObject>
#include <QTcpSocket>

#include <memory>

// HTTP/1.1 over a plain QTcpSocket bound to a chosen source address (127.0.0.x: the whole of 127.0.0.0/8 is
// loopback), for tests of the server's per-address limits, which QNetworkAccessManager cannot choose.
struct RawResponse
{
    int status = 0; // 0: no complete response (the connection closed or timed out first)
    QByteArray head;
    QByteArray body;
    QJsonObject json;
    QByteArray header(const QByteArray &name) const; // case-insensitive; empty when absent
    QString errorCode() const;
    qint64 retryAfterMs() const; // error.retryAfterMs, or -1
};

class RawHttp
{
public:
    // A connection from SOURCE to 127.0.0.1:PORT; connected() tells whether it was established.
    RawHttp(const QHostAddress &source, quint16 port);
    bool connected() const { return m_socket->state() == QAbstractSocket::ConnectedState; }
    QTcpSocket &socket() { return *m_socket; }

    // Sends one request and reads its response (Content-Length framed).
    RawResponse request(const QByteArray &method, const QByteArray &path, const QByteArray &body = {},
        const QByteArray &extraHeaders = {});
    // Reads one response without sending anything (an answer the server gives unasked), waiting up to
    // TIMEOUTMS.
    RawResponse read(int timeoutMs = 10000);
    // True once the server has closed the connection (waits up to TIMEOUTMS).
    bool waitClosed(int timeoutMs = 10000);

    // One request on a fresh connection from SOURCE.
    static RawResponse once(const QHostAddress &source, quint16 port, const QByteArray &method,
        const QByteArray &path, const QByteArray &body = {}, const QByteArray &extraHeaders = {});
    // POST /api/v1/auth/login as USERNAME with PASSWORD from SOURCE.
    static RawResponse login(
        const QHostAddress &source, quint16 port, const QString &username, const QString &password);

private:
    std::unique_ptr<QTcpSocket> m_socket;
    QByteArray m_buffer;
};
