#include "testclient.h"
#include "testserver.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTest>
#include <QTimer>

QByteArray HttpResult::header(const QByteArray &name) const
{
    for (const auto &pair : headers)
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            return pair.second;
    return {};
}

RestClient::RestClient(const TestServer &server)
    : m_server(server)
{
}

HttpResult RestClient::upload(
    const TestAccount &who, const QByteArray &bytes, const QByteArray &encodedName, const QByteArray &contentType)
{
    return request("POST", QStringLiteral("/api/v1/uploads"), bytes, who.token,
        { { "Content-Type", contentType }, { "X-Filename", encodedName } });
}

HttpResult RestClient::request(const QByteArray &verb, const QString &pathAndQuery, const QByteArray &body,
    const QString &token, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QUrl url = m_server.httpUrl();
    const int q = pathAndQuery.indexOf(u'?');
    url.setPath(q < 0 ? pathAndQuery : pathAndQuery.left(q));
    if (q >= 0)
        url.setQuery(pathAndQuery.mid(q + 1));
    QNetworkRequest req(url);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    for (const auto &h : headers)
        req.setRawHeader(h.first, h.second);
    QNetworkReply *reply = m_nam.sendCustomRequest(req, verb, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(20000, &loop, &QEventLoop::quit);
    loop.exec();
    HttpResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    result.json = QJsonDocument::fromJson(result.body).object();
    reply->deleteLater();
    return result;
}

HttpResult RestClient::get(const QString &path, const QString &token)
{
    return request("GET", path, {}, token);
}

HttpResult RestClient::post(const QString &path, const QJsonObject &body, const QString &token)
{
    return request("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), token);
}

HttpResult RestClient::del(const QString &path, const QString &token)
{
    return request("DELETE", path, {}, token);
}

TestAccount RestClient::registerUser(const QString &username)
{
    const auto r = post(QStringLiteral("/api/v1/auth/register"),
        { { u"username"_qs, username }, { u"password"_qs, u"correct horse battery"_qs },
            { u"displayName"_qs, QString(username.at(0).toUpper() + username.mid(1)) } });
    if (r.status != 201)
        qWarning("register %s failed: %d %s", qPrintable(username), r.status, r.body.constData());
    const auto user = r.json.value(u"user").toObject();
    return { user.value(u"id").toString(), user.value(u"username").toString(),
        r.json.value(u"token").toString() };
}

QString RestClient::createChannel(
    const TestAccount &owner, const QString &name, const QString &visibility, const QStringList &memberIds)
{
    const auto r = post(QStringLiteral("/api/v1/channels"),
        { { u"type"_qs, u"group"_qs }, { u"name"_qs, name }, { u"visibility"_qs, visibility },
            { u"memberIds"_qs, QJsonArray::fromStringList(memberIds) } },
        owner.token);
    if (r.status != 201)
        qWarning("create channel %s failed: %d %s", qPrintable(name), r.status, r.body.constData());
    return r.json.value(u"id").toString();
}

TestPair RestClient::registerPair(const QString &name, const QString &visibility)
{
    TestPair pair { registerUser(u"ana"_qs), registerUser(u"ben"_qs), {} };
    pair.channel = createChannel(pair.ana, name, visibility, { pair.ben.id });
    return pair;
}

GatewayClient::GatewayClient()
{
    connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
        if (frame.value(u"type").toString() == u"ready")
            m_ready = frame;
        else
            m_frames.append(frame);
    });
    connect(&m_socket, &QWebSocket::disconnected, this, [this] {
        m_closed = true;
        m_closeCode = m_socket.closeCode();
    });
}

GatewayClient::~GatewayClient()
{
    m_socket.abort();
}

bool GatewayClient::openRaw(const QUrl &url, const QString &bearer)
{
    QNetworkRequest req(url);
    if (!bearer.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + bearer.toUtf8());
    m_closed = false;
    m_ready = {};
    m_socket.open(req);
    QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired() && m_ready.isEmpty() && !m_closed
        && m_socket.error() == QAbstractSocket::UnknownSocketError)
        QTest::qWait(5);
    return !m_ready.isEmpty();
}

bool GatewayClient::open(const TestServer &server, const QString &token, bool asQuery)
{
    if (asQuery)
        return openRaw(server.wsUrl(u"token="_qs + token));
    return openRaw(server.wsUrl(), token);
}

void GatewayClient::sendFrame(const QJsonObject &frame)
{
    m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
}

void GatewayClient::sendRaw(const QByteArray &text)
{
    m_socket.sendTextMessage(QString::fromUtf8(text));
}

QJsonObject GatewayClient::call(QJsonObject frame, int timeoutMs)
{
    const QString reqId = u"r"_qs + QString::number(m_nextReq++);
    frame.insert(u"reqId", reqId);
    sendFrame(frame);
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        for (qsizetype i = 0; i < m_frames.size(); ++i) {
            const auto &f = m_frames.at(i);
            const QString type = f.value(u"type").toString();
            if ((type == u"ack" || type == u"error") && f.value(u"reqId").toString() == reqId)
                return m_frames.takeAt(i);
        }
        if (m_closed)
            break;
        QTest::qWait(2);
    }
    return {};
}

QJsonObject GatewayClient::waitFor(const QString &type, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    do {
        for (qsizetype i = 0; i < m_frames.size(); ++i)
            if (m_frames.at(i).value(u"type").toString() == type)
                return m_frames.takeAt(i);
        if (m_closed)
            break;
        QTest::qWait(2);
    } while (!deadline.hasExpired());
    return {};
}

bool GatewayClient::noFrame(const QString &type, int ms)
{
    QTest::qWait(ms);
    for (const auto &f : std::as_const(m_frames))
        if (f.value(u"type").toString() == type)
            return false;
    return true;
}

QList<QJsonObject> GatewayClient::takeAll(const QString &type)
{
    QList<QJsonObject> out;
    for (qsizetype i = 0; i < m_frames.size();) {
        if (m_frames.at(i).value(u"type").toString() == type)
            out.append(m_frames.takeAt(i));
        else
            ++i;
    }
    return out;
}

bool GatewayClient::waitClosed(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!m_closed && !deadline.hasExpired())
        QTest::qWait(5);
    return m_closed;
}
