#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QObject>
#include <QUrl>
#include <QWebSocket>

class TestServer;

struct HttpResult
{
    int status = 0;
    QByteArray body;
    QJsonObject json;
    QList<QNetworkReply::RawHeaderPair> headers;
    QByteArray header(const QByteArray &name) const;
    QString errorCode() const { return json.value(u"error").toObject().value(u"code").toString(); }
};

struct TestAccount
{
    QString id;
    QString username;
    QString token;
};

// The start of many tests: ana and ben, in a channel that ana created.
struct TestPair
{
    TestAccount ana;
    TestAccount ben;
    QString channel;
};

// A blocking REST client for tests: each call runs a local event loop until the reply is complete.
class RestClient
{
public:
    explicit RestClient(const TestServer &server);

    HttpResult request(const QByteArray &verb, const QString &pathAndQuery, const QByteArray &body = {},
        const QString &token = {}, const QList<QPair<QByteArray, QByteArray>> &headers = {});
    HttpResult get(const QString &path, const QString &token = {});
    HttpResult post(const QString &path, const QJsonObject &body, const QString &token = {});
    HttpResult del(const QString &path, const QString &token = {});
    // POST /api/v1/uploads as WHO: BYTES named ENCODEDNAME (percent-encoded, as X-Filename carries it).
    HttpResult upload(const TestAccount &who, const QByteArray &bytes, const QByteArray &encodedName,
        const QByteArray &contentType = "application/octet-stream");

    // Registers NAME with a fixed test password; QVERIFY-style failures surface as an empty id.
    TestAccount registerUser(const QString &username);
    QString createChannel(const TestAccount &owner, const QString &name, const QString &visibility,
        const QStringList &memberIds = {});
    // Registers ana and ben and creates NAME (VISIBILITY) with both in it.
    TestPair registerPair(const QString &name, const QString &visibility = QStringLiteral("private"));

private:
    const TestServer &m_server;
    QNetworkAccessManager m_nam;
};

// A gateway connection that records every frame, with blocking waits for tests.
class GatewayClient : public QObject
{
public:
    GatewayClient();
    ~GatewayClient() override;

    // Connects with the token in the Authorization header (or ?token= when asQuery) and waits for `ready`.
    bool open(const TestServer &server, const QString &token, bool asQuery = false);
    // Connects and waits for either ready or close; for tests of refused connections.
    bool openRaw(const QUrl &url, const QString &bearer = {});

    void sendFrame(const QJsonObject &frame);
    void sendRaw(const QByteArray &text);
    // Sends FRAME with a fresh reqId and returns the matching ack or error (empty object on timeout).
    QJsonObject call(QJsonObject frame, int timeoutMs = 10000);
    // Returns and consumes the first recorded frame of TYPE, waiting up to timeoutMs for one.
    QJsonObject waitFor(const QString &type, int timeoutMs = 10000);
    // True when no frame of TYPE arrives within ms.
    bool noFrame(const QString &type, int ms = 300);
    QList<QJsonObject> takeAll(const QString &type);
    bool waitClosed(int timeoutMs = 10000);

    QJsonObject ready() const { return m_ready; }
    int closeCode() const { return m_closeCode; }
    bool isOpen() const { return m_socket.state() == QAbstractSocket::ConnectedState && !m_closed; }
    QWebSocket &socket() { return m_socket; }
    QList<QJsonObject> &frames() { return m_frames; }

private:
    QWebSocket m_socket;
    QList<QJsonObject> m_frames;
    QJsonObject m_ready;
    bool m_closed = false;
    int m_closeCode = -1;
    int m_nextReq = 1;
};
