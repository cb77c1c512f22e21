#include "clientstack.h"
#include "hostileserver.h"
#include "media/mediacache.h"
#include "media/medialoader.h"
#include "net/clientlimits.h"
#include "text/displaytext.h"

#include <QBuffer>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

// The app against a hostile server (issue 15): a fake server (HostileServer) sends what no natter-server
// would (huge frames, malformed JSON, absurd ids, 100,000 channels, a message of 4000 combining characters,
// an image that claims 50,000 x 50,000 pixels, huge REST answers), and the client core must stay up, keep
// working and hold bounded memory. The wire is spelled out literally here, as a hostile server would write
// it.
using namespace Natter::Client;

namespace {
const QByteArray Me = R"({"id":"1000","username":"me","displayName":"Me","online":true,"lastSeen":null})";

QByteArray channelJson(qint64 id, qint64 lastSeq = 0)
{
    return R"({"id":")" + QByteArray::number(id) + R"(","type":"group","name":"c)" + QByteArray::number(id)
        + R"(","topic":"","visibility":"public","createdBy":"1000","createdAt":"2026-11-01T09:00:00.000Z",)"
          R"("memberCount":1,"lastMessageAt":null,"lastSeq":)"
        + QByteArray::number(lastSeq)
        + R"(,"unreadCount":0,"mentionCount":0,"lastReadMessageId":null,"role":"member","pinPolicy":"members"})";
}

// `ready` with channels FIRST, FIRST+1, … (COUNT of them).
QByteArray ready(qint64 first, int count)
{
    QByteArray out
        = R"({"type":"ready","sessionId":"s","user":)" + Me + R"(,"heartbeatMs":30000,"channels":[)";
    out.reserve(count * 300);
    for (int i = 0; i < count; ++i)
        out += (i ? "," : "") + channelJson(first + i);
    return out + "]}";
}

QJsonObject message(const QString &channelId, qint64 seq, const QString &id, const QString &text)
{
    const QJsonObject author { { u"id"_qs, u"1001"_qs }, { u"username"_qs, u"eve"_qs },
        { u"displayName"_qs, u"Eve"_qs } };
    return { { u"id"_qs, id }, { u"channelId"_qs, channelId }, { u"seq"_qs, seq },
        { u"clientMsgId"_qs, QJsonValue() }, { u"author"_qs, author }, { u"text"_qs, text },
        { u"parentId"_qs, QJsonValue() }, { u"replyCount"_qs, 0 }, { u"attachments"_qs, QJsonArray() },
        { u"reactions"_qs, QJsonArray() }, { u"mentions"_qs, QJsonArray() },
        { u"createdAt"_qs, u"2026-11-27T21:04:46.123Z"_qs }, { u"editedAt"_qs, QJsonValue() },
        { u"deletedAt"_qs, QJsonValue() } };
}

QByteArray messageNew(const QJsonObject &message)
{
    const QJsonObject frame { { u"type"_qs, u"message.new"_qs },
        { u"channelId"_qs, message.value(u"channelId") }, { u"seq"_qs, message.value(u"seq") },
        { u"message"_qs, message } };
    return QJsonDocument(frame).toJson(QJsonDocument::Compact);
}

quint32 crc32(const QByteArray &data)
{
    quint32 crc = 0xFFFFFFFFu;
    for (const char byte : data) {
        crc ^= quint8(byte);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

QByteArray chunk(const QByteArray &type, const QByteArray &data)
{
    QByteArray out(4, '\0');
    qToBigEndian(quint32(data.size()), out.data());
    QByteArray crc(4, '\0');
    qToBigEndian(crc32(type + data), crc.data());
    return out + type + data + crc;
}

// A 60-byte PNG whose header claims WIDTH x HEIGHT RGBA pixels (50,000 x 50,000 is 10 GB decoded).
QByteArray pngClaiming(quint32 width, quint32 height)
{
    QByteArray ihdr(13, '\0');
    qToBigEndian(width, ihdr.data());
    qToBigEndian(height, ihdr.data() + 4);
    ihdr[8] = 8; // bit depth
    ihdr[9] = 6; // RGBA
    const QByteArray idat = QByteArray::fromHex("789c636000000000010001"); // a few zlib bytes
    return QByteArray::fromHex("89504e470d0a1a0a") + chunk("IHDR", ihdr) + chunk("IDAT", idat)
        + chunk("IEND", {});
}

// The client core of one user against SERVER, reconnecting quickly.
std::unique_ptr<ClientStack> clientOf(const HostileServer &server, const QTemporaryDir &dir)
{
    auto c = std::make_unique<ClientStack>(server.url(), u"token"_qs, dir.filePath(u"cache.sqlite"_qs));
    c->gateway.setBackoff(20, 200);
    return c;
}
} // namespace

class TestHostile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Frames that are not JSON, not objects, of unknown types, with absurd ids or for channels that do not
    // exist are dropped one by one; the connection stays up and the next good frame is applied.
    void malformedFramesAreDropped()
    {
        HostileServer server;
        const QString channel = u"7"_qs;
        const QList<QByteArray> bad {
            "{",
            "[]",
            "null",
            "42",
            "\"ready\"",
            "{}",
            R"({"type":42})",
            R"({"type":"no.such.frame"})",
            R"({"type":"message.new"})",
            QByteArray(100000, '[') + QByteArray(100000, ']'),
            QByteArray(20000, '{').replace("{", "{\"a\":") + "1" + QByteArray(20000, '}'),
            R"({"type":"ready","sessionId":"s","user":null,"heartbeatMs":-1,"channels":{}})",
            messageNew(message(u"-1"_qs, 1, u"5"_qs, u"negative channel"_qs)),
            messageNew(message(u"abc"_qs, 1, u"5"_qs, u"not a number"_qs)),
            messageNew(message(u"99999999999999999999999999"_qs, 1, u"5"_qs, u"past 64 bits"_qs)),
            messageNew(message(channel, 1, u"0"_qs, u"id zero"_qs)),
            messageNew(message(channel, 1, QString(), u"empty id"_qs)),
            messageNew(message(channel, -5, u"6"_qs, u"negative seq"_qs)),
            R"({"type":"message.new","channelId":"7","seq":1e300,"message":{}})",
            messageNew(message(u"123456"_qs, 1, u"8"_qs, u"a channel that does not exist"_qs)),
            R"({"type":"reaction.added","channelId":"7","seq":1,"messageId":"424242","emoji":"x","userId":"1"})",
            R"({"type":"typing","channelId":"55555","userId":"-3","typing":true})",
            R"({"type":"presence","userId":"18446744073709551616","online":true})",
            R"({"type":"channel.removed","channelId":"31337"})",
            R"({"type":"read.updated","channelId":"31337","userId":"1","messageId":"1"})",
            R"({"type":"message.new","channelId":"7","seq":1,"message":{"text":"\ud800\udfff\ud800"}})",
            R"({"type":"error","reqId":"nobody-asked","error":{"code":"internal","message":"x"}})",
        };
        server.setOnConnect([&](QWebSocket *client) {
            client->sendTextMessage(QString::fromUtf8(ready(7, 1)));
            for (const QByteArray &frame : bad)
                client->sendTextMessage(QString::fromUtf8(frame));
            client->sendBinaryMessage(QByteArray(1000, '\xff'));
            // The reaction above (a message nobody knows, in a held channel) took seq 1.
            client->sendTextMessage(
                QString::fromUtf8(messageNew(message(channel, 2, u"9"_qs, u"still here"_qs))));
        });
        QTemporaryDir dir;
        auto c = clientOf(server, dir);
        QSignalSpy received(c->session.get(), &Session::messageReceived);
        c->session->start();
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 20000);
        QCOMPARE(received.at(0).at(0).value<Message>().text, u"still here"_qs);
        QCOMPARE(c->session->channelModel()->rowCount(), 1);
        QCOMPARE(c->gateway.state(), GatewayClient::State::Connected);
        QCOMPARE(server.connections(), 1);
    }

    // A frame over the client's limit closes the connection from its header (1009), before its payload is
    // held; the client reconnects and works.
    void hugeFrameClosesTheConnection()
    {
        HostileServer server;
        int closeCode = -1;
        server.setOnConnect([&](QWebSocket *client) {
            if (server.connections() == 1) {
                connect(client, &QWebSocket::disconnected, client,
                    [&, client] { closeCode = client->closeCode(); });
                client->sendTextMessage(QString::fromUtf8(ready(1, 1)));
                client->sendTextMessage(QString(ClientLimits::MaxGatewayFrameBytes + 1, u'x'));
            } else {
                client->sendTextMessage(QString::fromUtf8(ready(1, 2)));
            }
        });
        QTemporaryDir dir;
        auto c = clientOf(server, dir);
        c->session->start();
        QTRY_COMPARE_WITH_TIMEOUT(server.connections(), 2, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(c->session->channelModel()->rowCount(), 2, 20000);
        QCOMPARE(c->gateway.state(), GatewayClient::State::Connected);
        QTRY_COMPARE(closeCode, 1009);
    }

    // 100,000 channels cannot come in one frame (about 23 MB, over the frame limit); 20,000 can, and the
    // client keeps ClientLimits::MaxChannels of them; channel.added past that is ignored, updates still
    // apply.
    void channelFloodIsBounded()
    {
        HostileServer server;
        server.setOnConnect([&](QWebSocket *client) {
            switch (server.connections()) {
            case 1: {
                const QByteArray huge = ready(1, 100000);
                QVERIFY(huge.size() > ClientLimits::MaxGatewayFrameBytes);
                client->sendTextMessage(QString::fromUtf8(huge));
                break;
            }
            default:
                client->sendTextMessage(QString::fromUtf8(ready(1, 20000)));
                for (int i = 0; i < 1000; ++i)
                    client->sendTextMessage(QString::fromUtf8(
                        R"({"type":"channel.added","channel":)" + channelJson(100000 + i) + "}"));
                // A held channel is still updated: the last frame, so the test knows when all arrived.
                client->sendTextMessage(
                    QString::fromUtf8(messageNew(message(u"5"_qs, 1, u"77"_qs, u"last"_qs))));
            }
        });
        QTemporaryDir dir;
        auto c = clientOf(server, dir);
        QSignalSpy received(c->session.get(), &Session::messageReceived);
        c->session->start();
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 120000);
        QVERIFY(server.connections() >= 2);
        QCOMPARE(c->session->channelModel()->rowCount(), ClientLimits::MaxChannels);
        QVERIFY(c->session->channelModel()->rowOf(Natter::Wire::Id::fromString(u"5"_qs)) >= 0);
        QCOMPARE(c->session->channelModel()->rowOf(Natter::Wire::Id::fromString(u"100000"_qs)), -1);
        QCOMPARE(c->gateway.state(), GatewayClient::State::Connected);
    }

    // A message of 4000 combining characters (the most the protocol allows) arrives intact in the model; what
    // is shown keeps DisplayText::MaxCombiningMarks per letter.
    void combiningMarksAreBoundedWhenShown()
    {
        HostileServer server;
        const QString zalgo = u"a"_qs + QString(3999, QChar(0x0301));
        server.setOnConnect([&](QWebSocket *client) {
            client->sendTextMessage(QString::fromUtf8(ready(7, 1)));
            client->sendTextMessage(QString::fromUtf8(messageNew(message(u"7"_qs, 1, u"9"_qs, zalgo))));
        });
        QTemporaryDir dir;
        auto c = clientOf(server, dir);
        QSignalSpy received(c->session.get(), &Session::messageReceived);
        c->session->start();
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 20000);
        const QString text = received.at(0).at(0).value<Message>().text;
        QCOMPARE(text, zalgo);
        QCOMPARE(DisplayText::limitCombiningMarks(text),
            u"a"_qs + QString(DisplayText::MaxCombiningMarks, QChar(0x0301)));
    }

    void limitCombiningMarks_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("shown");
        const QString nfdVietnamese = u"Tie\u0302\u0301ng Vie\u0323\u0302t"_qs;
        QTest::newRow("plain") << u"hello"_qs << u"hello"_qs;
        QTest::newRow("Vietnamese, decomposed") << nfdVietnamese << nfdVietnamese;
        QTest::newRow("emoji with VS16 and ZWJ")
            << u"❤️ 👨‍👩‍👧"_qs << u"❤️ 👨‍👩‍👧"_qs;
        QTest::newRow("exactly the limit")
            << u"e"_qs + QString(8, QChar(0x0308)) << u"e"_qs + QString(8, QChar(0x0308));
        QTest::newRow("one over") << u"e"_qs + QString(9, QChar(0x0308))
                                  << u"e"_qs + QString(8, QChar(0x0308));
        QTest::newRow("every letter") << u"a\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301b\u0300"_qs
                                      << u"a\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301b\u0300"_qs;
        // Marks outside the BMP (surrogate pairs) count as one each.
        const QString musical = QString::fromUcs4(U"\U0001D165");
        QTest::newRow("astral marks") << u"x"_qs + musical.repeated(10) << u"x"_qs + musical.repeated(8);
        QTest::newRow("marks with no base") << QString(20, QChar(0x0301)) << QString(8, QChar(0x0301));
    }
    void limitCombiningMarks()
    {
        QFETCH(QString, text);
        QFETCH(QString, shown);
        QCOMPARE(DisplayText::limitCombiningMarks(text), shown);
    }

    // An image whose header claims 50,000 x 50,000 pixels is not decoded; an answer over the image limit is
    // cut off from its declared length; a real image still loads through the same fake server.
    void hostileImages()
    {
        HostileServer server;
        QImage small(4, 3, QImage::Format_RGB32);
        small.fill(Qt::red);
        QByteArray png;
        {
            QBuffer buffer(&png);
            buffer.open(QIODevice::WriteOnly);
            QVERIFY(small.save(&buffer, "PNG"));
        }
        server.setHttp([&](const QByteArray &, const QByteArray &target) -> QByteArray {
            if (target == "/api/v1/uploads/1/thumbnail")
                return HostileServer::response(200, pngClaiming(50000, 50000), "image/png");
            if (target == "/api/v1/uploads/2/thumbnail") // declares 1 GB, sends 1 MB
                return "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: 1000000000\r\n\r\n"
                    + QByteArray(1 << 20, 'x');
            if (target == "/api/v1/uploads/3/thumbnail")
                return HostileServer::response(200, png, "image/png");
            return HostileServer::response(404, "{}");
        });
        QTemporaryDir dir;
        QNetworkAccessManager nam;
        ApiClient api(&nam);
        api.setBaseUrl(server.url());
        api.setToken(u"token"_qs);
        MediaCache cache(dir.filePath(u"media"_qs));
        MediaLoader loader(&nam, &api, &cache);
        // Refused from its header, before decoding: the check logs why.
        QTest::ignoreMessage(
            QtWarningMsg, QRegularExpression(u"not decoding .* which claims QSize\\(50000, 50000\\)"_qs));
        QSignalSpy failed(&loader, &MediaLoader::imageFailed);
        QSignalSpy ready(&loader, &MediaLoader::imageReady);
        for (const char *path :
            { "/api/v1/uploads/1/thumbnail", "/api/v1/uploads/2/thumbnail", "/api/v1/uploads/3/thumbnail" })
            QVERIFY(loader.image(QString::fromLatin1(path)).isNull());
        QTRY_COMPARE_WITH_TIMEOUT(failed.size() + ready.size(), 3, 30000);
        QCOMPARE(loader.status(u"/api/v1/uploads/1/thumbnail"_qs), MediaLoader::Status::Failed);
        QCOMPARE(loader.status(u"/api/v1/uploads/2/thumbnail"_qs), MediaLoader::Status::Failed);
        QCOMPARE(loader.status(u"/api/v1/uploads/3/thumbnail"_qs), MediaLoader::Status::Ready);
        QCOMPARE(loader.image(u"/api/v1/uploads/3/thumbnail"_qs).size(), QSize(4, 3));
    }

    // A REST answer over ClientLimits::MaxReplyBytes is cut off (a network error for the caller), whether
    // its length is declared or not; malformed JSON is an error, never a crash.
    void hostileRestAnswers()
    {
        HostileServer server;
        server.setHttp([&](const QByteArray &, const QByteArray &target) -> QByteArray {
            if (target.startsWith("/api/v1/declared"))
                return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                       "4000000000\r\n\r\n[";
            if (target.startsWith("/api/v1/undeclared"))
                return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n"
                    + QByteArray(ClientLimits::MaxReplyBytes + (1 << 20), ' ');
            return HostileServer::response(200, QByteArray(5000, '['));
        });
        QNetworkAccessManager nam;
        ApiClient api(&nam);
        api.setBaseUrl(server.url());
        api.setToken(u"token"_qs);
        QList<ApiResult> results;
        for (const QString &path :
            { u"/api/v1/declared"_qs, u"/api/v1/undeclared"_qs, u"/api/v1/malformed"_qs })
            api.get(path, {}, this, [&](const ApiResult &r) { results.append(r); });
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 3, 30000);
        int cutOff = 0;
        for (const ApiResult &r : results)
            cutOff += r.networkError ? 1 : 0;
        QCOMPARE(cutOff, 2);
        for (const ApiResult &r : results)
            QVERIFY(r.json.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHostile)
#include "tst_hostile.moc"
