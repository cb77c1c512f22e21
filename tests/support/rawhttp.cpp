#include "rawhttp.h"

#include <QDeadlineTimer>
#include <QJsonDocument>

QByteArray RawResponse::header(const QByteArray &name) const
{
    const QByteArray needle = "\r\n" + name.toLower() + ':';
    const QByteArray lower = head.toLower();
    const qsizetype at = lower.indexOf(needle);
    if (at < 0)
        return {};
    const qsizetype start = at + needle.size();
    const qsizetype end = head.indexOf("\r\n", start);
    return head.mid(start, (end < 0 ? head.size() : end) - start).trimmed();
}

QString RawResponse::errorCode() const
{
    return json.value(u"error").toObject().value(u"code").toString();
}

qint64 RawResponse::retryAfterMs() const
{
    const QJsonValue v = json.value(u"error").toObject().value(u"retryAfterMs");
    return v.isDouble() ? qint64(v.toDouble()) : -1;
}

RawHttp::RawHttp(const QHostAddress &source, quint16 port)
    : m_socket(std::make_unique<QTcpSocket>())
{
    m_socket->bind(source);
    m_socket->connectToHost(QHostAddress::LocalHost, port);
    m_socket->waitForConnected(10000);
}

RawResponse RawHttp::request(
    const QByteArray &method, const QByteArray &path, const QByteArray &body, const QByteArray &extraHeaders)
{
    QByteArray out = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders;
    if (!body.isEmpty() || method == "POST")
        out += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
            + "\r\n";
    m_socket->write(out + "\r\n" + body);
    return read();
}

RawResponse RawHttp::read(int timeoutMs)
{
    RawResponse r;
    const QDeadlineTimer deadline(timeoutMs);
    qsizetype headEnd = -1;
    qint64 length = -1;
    while (true) {
        if (headEnd < 0) {
            headEnd = m_buffer.indexOf("\r\n\r\n");
            if (headEnd >= 0) {
                r.head = m_buffer.left(headEnd);
                r.status = 0;
                const QByteArray cl = r.header("content-length");
                length = cl.isEmpty() ? 0 : cl.toLongLong();
            }
        }
        if (headEnd >= 0 && m_buffer.size() >= headEnd + 4 + length) {
            r.body = m_buffer.mid(headEnd + 4, length);
            m_buffer.remove(0, headEnd + 4 + length);
            r.status = r.head.mid(9, 3).toInt();
            r.json = QJsonDocument::fromJson(r.body).object();
            return r;
        }
        if (deadline.hasExpired())
            return r;
        if (m_socket->bytesAvailable() == 0 && m_socket->state() != QAbstractSocket::ConnectedState)
            return r;
        if (m_socket->bytesAvailable() == 0)
            m_socket->waitForReadyRead(int(qMin<qint64>(200, deadline.remainingTime())));
        m_buffer += m_socket->readAll();
    }
}

bool RawHttp::waitClosed(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (m_socket->state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
        m_socket->waitForReadyRead(int(qMin<qint64>(200, deadline.remainingTime())));
        m_buffer += m_socket->readAll();
    }
    return m_socket->state() != QAbstractSocket::ConnectedState;
}

RawResponse RawHttp::once(const QHostAddress &source, quint16 port, const QByteArray &method,
    const QByteArray &path, const QByteArray &body, const QByteArray &extraHeaders)
{
    RawHttp http(source, port);
    return http.request(method, path, body, extraHeaders);
}

RawResponse RawHttp::login(
    const QHostAddress &source, quint16 port, const QString &username, const QString &password)
{
    const QJsonObject body { { u"username"_qs, username }, { u"password"_qs, password } };
    return once(
        source, port, "POST", "/api/v1/auth/login", QJsonDocument(body).toJson(QJsonDocument::Compact));
}
