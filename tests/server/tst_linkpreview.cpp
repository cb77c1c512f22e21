#include "testclient.h"
#include "testserver.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

namespace {
// A tiny web server on 127.0.0.1 for the server's link previewer to fetch from.
class PageServer : public QObject
{
public:
    PageServer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                ++connections;
                connect(s, &QTcpSocket::readyRead, this, [this, s] { onRead(s); });
                connect(s, &QTcpSocket::disconnected, this, [this, s] {
                    ++disconnections;
                    s->deleteLater();
                });
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    QString url(const QString &path) const
    {
        return u"http://127.0.0.1:%1%2"_qs.arg(m_server.serverPort()).arg(path);
    }
    quint16 port() const { return m_server.serverPort(); }

    int connections = 0;
    int disconnections = 0;
    QStringList paths;
    QList<QByteArray> hosts;

private:
    void onRead(QTcpSocket *s)
    {
        QByteArray &head = m_heads[s];
        head += s->readAll();
        if (!head.contains("\r\n\r\n")) return;
        const QList<QByteArray> lines = head.split('\n');
        const QString path = QString::fromLatin1(lines.value(0).split(' ').value(1));
        for (const QByteArray &line : lines)
            if (line.toLower().startsWith("host:")) hosts.append(line.mid(5).trimmed());
        paths.append(path);
        m_heads.remove(s);
        if (path == u"/slow") return; // never answers: the previewer must give up by itself
        if (path == u"/og")
            return reply(s, "200 OK", "text/html; charset=utf-8",
                "<!doctype html><html><head><title>Fallback title</title>"
                "<meta property=\"og:title\" content=\"Natter &amp; friends\">"
                "<meta property='og:description' content='A chat server,\n  self-hosted.'>"
                "<meta content=\"/img/card.png\" property=\"og:image\">"
                "</head><body>hello</body></html>");
        if (path == u"/plain-title")
            return reply(s, "200 OK", "text/html", "<html><head><title> Only a title </title></head></html>");
        if (path == u"/redirect") return reply(s, "302 Found", "text/html", "", "Location: /og\r\n");
        if (path == u"/text") return reply(s, "200 OK", "text/plain", "<title>not html</title>");
        reply(s, "404 Not Found", "text/html", "<html><head><title>Not found</title></head></html>");
    }
    static void reply(QTcpSocket *s, const QByteArray &status, const QByteArray &type, const QByteArray &body,
        const QByteArray &extra = {})
    {
        s->write("HTTP/1.1 " + status + "\r\nContent-Type: " + type + "\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\nConnection: close\r\n" + extra + "\r\n" + body);
        s->disconnectFromHost();
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_heads;
};
} // namespace

class TestLinkPreview : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_pages.listen());
        QVERIFY(m_allowed.start());
        RestClient rest(m_allowed);
        m_ana = rest.registerUser(u"ana"_qs);
        m_ben = rest.registerUser(u"ben"_qs);
        m_channel = rest.createChannel(m_ana, u"links"_qs, u"private"_qs, { m_ben.id });
        QVERIFY(!m_channel.isEmpty());
    }

    void previewArrivesAsMessageUpdated()
    {
        GatewayClient ana, ben;
        QVERIFY(ana.open(m_allowed, m_ana.token));
        QVERIFY(ben.open(m_allowed, m_ben.token));
        const QString url = m_pages.url(u"/og"_qs);
        const auto ack = send(ana, u"look at "_qs + url + u", it is nice."_qs, u"og-1"_qs);
        QCOMPARE(ack.value(u"type").toString(), u"ack"_qs);
        const QJsonObject sent = ack.value(u"message").toObject();
        QVERIFY(sent.value(u"preview").isNull());

        const QJsonObject updated = waitForUpdate(ben, sent.value(u"id").toString());
        QVERIFY(!updated.isEmpty());
        QVERIFY(updated.value(u"seq").toInt() > sent.value(u"seq").toInt());
        const QJsonObject message = updated.value(u"message").toObject();
        QCOMPARE(message.value(u"text").toString(), sent.value(u"text").toString());
        const QJsonObject preview = message.value(u"preview").toObject();
        QCOMPARE(preview.value(u"url").toString(), url);
        QCOMPARE(preview.value(u"title").toString(), u"Natter & friends"_qs);
        QCOMPARE(preview.value(u"description").toString(), u"A chat server, self-hosted."_qs);
        QCOMPARE(preview.value(u"imageUrl").toString(), m_pages.url(u"/img/card.png"_qs));
        QVERIFY(!waitForUpdate(ana, sent.value(u"id").toString()).isEmpty());
        // The server asked for the page by its own name, from the address it checked.
        QCOMPARE(m_pages.hosts.last(), u"127.0.0.1:%1"_qs.arg(m_pages.port()).toLatin1());

        // History carries it too.
        RestClient rest(m_allowed);
        const auto history = rest.get(u"/api/v1/channels/"_qs + m_channel + u"/messages"_qs, m_ben.token);
        const QJsonObject stored = history.json.value(u"messages").toArray().last().toObject();
        QCOMPARE(stored.value(u"id"), sent.value(u"id"));
        QCOMPARE(stored.value(u"preview").toObject(), preview);
    }

    void titleFallbackAndRedirect()
    {
        GatewayClient ana;
        QVERIFY(ana.open(m_allowed, m_ana.token));
        const auto plain = send(ana, m_pages.url(u"/plain-title"_qs), u"plain-1"_qs);
        const auto update = waitForUpdate(ana, plain.value(u"message").toObject().value(u"id").toString());
        const QJsonObject preview = update.value(u"message").toObject().value(u"preview").toObject();
        QCOMPARE(preview.value(u"title").toString(), u"Only a title"_qs);
        QVERIFY(preview.value(u"description").isNull());
        QVERIFY(preview.value(u"imageUrl").isNull());

        const auto redirected = send(ana, m_pages.url(u"/redirect"_qs), u"redirect-1"_qs);
        const auto viaRedirect
            = waitForUpdate(ana, redirected.value(u"message").toObject().value(u"id").toString());
        const QJsonObject p = viaRedirect.value(u"message").toObject().value(u"preview").toObject();
        QCOMPARE(p.value(u"title").toString(), u"Natter & friends"_qs);
        QCOMPARE(p.value(u"url").toString(), m_pages.url(u"/redirect"_qs));
    }

    void failingPagesLeaveTheMessageAlone_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("404") << u"/missing"_qs;
        QTest::newRow("not html") << u"/text"_qs;
        QTest::newRow("never answers") << u"/slow"_qs;
    }
    void failingPagesLeaveTheMessageAlone()
    {
        QFETCH(QString, path);
        GatewayClient ana;
        QVERIFY(ana.open(m_allowed, m_ana.token));
        const int requestsBefore = m_pages.paths.size();
        const int closedBefore = m_pages.disconnections;
        const auto ack = send(ana, u"see "_qs + m_pages.url(path), u"fail-"_qs + path);
        const QString id = ack.value(u"message").toObject().value(u"id").toString();
        // The request arrives, and the server ends the connection: by our answer, or by its own time limit.
        QTRY_VERIFY_WITH_TIMEOUT(m_pages.paths.size() > requestsBefore, 10000);
        QCOMPARE(m_pages.paths.last(), path);
        QTRY_VERIFY_WITH_TIMEOUT(m_pages.disconnections > closedBefore, 20000);

        // A later good link gets its preview; the failed one never got an update.
        const auto after = send(ana, m_pages.url(u"/og"_qs), u"after-"_qs + path);
        QVERIFY(!waitForUpdate(ana, after.value(u"message").toObject().value(u"id").toString()).isEmpty());
        for (const QJsonObject &frame : ana.takeAll(u"message.updated"_qs))
            QVERIFY(frame.value(u"message").toObject().value(u"id").toString() != id);
        RestClient rest(m_allowed);
        const auto history
            = rest.get(u"/api/v1/channels/"_qs + m_channel + u"/messages?limit=100"_qs, m_ana.token);
        bool found = false;
        for (const QJsonValue &m : history.json.value(u"messages").toArray()) {
            if (m.toObject().value(u"id").toString() != id) continue;
            found = true;
            QVERIFY(m.toObject().value(u"preview").isNull());
            QVERIFY(m.toObject().value(u"editedAt").isNull());
        }
        QVERIFY(found);
    }

    void privateAddressesRefusedWithoutTheOption()
    {
        TestServer strict;
        QVERIFY(strict.start());
        RestClient rest(strict);
        const auto ana = rest.registerUser(u"ana"_qs);
        const QString channel = rest.createChannel(ana, u"links"_qs, u"private"_qs);
        GatewayClient g;
        QVERIFY(g.open(strict, ana.token));
        const int connectionsBefore = m_pages.connections;
        const QString port = QString::number(m_pages.port());
        const QStringList urls { m_pages.url(u"/og"_qs), u"http://localhost:"_qs + port + u"/og"_qs,
            u"http://[::ffff:127.0.0.1]:"_qs + port + u"/og"_qs, u"http://[::1]:"_qs + port + u"/og"_qs,
            u"http://0.0.0.0:"_qs + port + u"/og"_qs, u"http://2130706433:"_qs + port + u"/og"_qs };
        int n = 0;
        for (const QString &url : urls) {
            const auto ack = g.call({ { u"type"_qs, u"message.send"_qs }, { u"channelId"_qs, channel },
                { u"clientMsgId"_qs, u"strict-"_qs + QString::number(++n) }, { u"text"_qs, url } });
            QCOMPARE(ack.value(u"type").toString(), u"ack"_qs);
        }
        // Nothing may come of them: no update, and not one connection to the page server.
        QVERIFY(g.noFrame(u"message.updated"_qs, 2000));
        QCOMPARE(m_pages.connections, connectionsBefore);
    }

private:
    QJsonObject send(GatewayClient &g, const QString &text, const QString &clientMsgId)
    {
        return g.call({ { u"type"_qs, u"message.send"_qs }, { u"channelId"_qs, m_channel },
            { u"clientMsgId"_qs, clientMsgId }, { u"text"_qs, text } });
    }
    // The message.updated frame for MESSAGEID (others are kept), or an empty object after a generous wait.
    static QJsonObject waitForUpdate(GatewayClient &g, const QString &messageId)
    {
        QDeadlineTimer deadline(20000);
        while (!deadline.hasExpired()) {
            auto &frames = g.frames();
            for (qsizetype i = 0; i < frames.size(); ++i) {
                const QJsonObject f = frames.at(i);
                if (f.value(u"type").toString() == u"message.updated"
                    && f.value(u"message").toObject().value(u"id").toString() == messageId) {
                    frames.removeAt(i);
                    return f;
                }
            }
            QTest::qWait(20);
        }
        return {};
    }

    PageServer m_pages;
    TestServer m_allowed { { u"--allow-private-previews"_qs } };
    TestAccount m_ana, m_ben;
    QString m_channel;
};

QTEST_GUILESS_MAIN(TestLinkPreview)
#include "tst_linkpreview.moc"
