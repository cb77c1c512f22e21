#include "testclient.h"
#include "testserver.h"

#include <QTcpSocket>
#include <QTest>

// A connection that stops reading while messages flow is closed with 4009 instead of growing the server's
// memory.
class TestSlowConsumer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void stalledReadersAreClosed()
    {
        TestServer server({ u"--rate-limit"_qs, u"0"_qs, u"--max-outbound-bytes"_qs, u"1048576"_qs });
        QVERIFY(server.start());
        RestClient rest(server);
        const auto [ana, ben, ch] = rest.registerPair(u"firehose"_qs);

        // Five connections of Ben that complete the handshake and then never read again.
        QList<QTcpSocket *> stalled;
        for (int i = 0; i < 5; ++i) {
            auto *s = new QTcpSocket(this);
            s->connectToHost(u"127.0.0.1"_qs, server.port());
            QVERIFY(s->waitForConnected());
            s->write("GET /api/v1/ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                     "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                     "Authorization: Bearer "
                + ben.token.toLatin1() + "\r\n\r\n");
            QByteArray head;
            while (!head.contains("\r\n\r\n") && (s->bytesAvailable() > 0 || s->waitForReadyRead(5000)))
                head += s->read(1); // exactly the handshake, nothing after it
            QVERIFY2(head.startsWith("HTTP/1.1 101"), head.constData());
            s->setReadBufferSize(1); // from here on the kernel buffers fill and stay full
            stalled.append(s);
        }
        GatewayClient reader; // a healthy member keeps reading throughout
        QVERIFY(reader.open(server, ben.token));
        GatewayClient sender;
        QVERIFY(sender.open(server, ana.token));

        const qint64 rssBefore = server.rssKb();
        const QString text(4000, u'x');
        const int count = 2500; // ~11 MB of frames per connection, ~55 MB for the five stalled ones
        // In rounds, so that the sender and the healthy reader (who read all along) never fall behind
        // themselves.
        int acks = 0;
        int received = 0;
        for (int round = 0; round < count / 100; ++round) {
            for (int i = round * 100; i < (round + 1) * 100; ++i)
                sender.sendFrame({ { u"type"_qs, u"message.send"_qs }, { u"channelId"_qs, ch },
                    { u"reqId"_qs, QString::number(i) }, { u"clientMsgId"_qs, u"f%1"_qs.arg(i) },
                    { u"text"_qs, text } });
            QTRY_COMPARE_WITH_TIMEOUT(
                (acks += int(sender.takeAll(u"ack"_qs).size())), (round + 1) * 100, 60000);
            QTRY_COMPARE_WITH_TIMEOUT(
                (received += int(reader.takeAll(u"message.new"_qs).size())), (round + 1) * 100, 60000);
            sender.takeAll(u"message.new"_qs);
        }
        sender.takeAll(u"message.new"_qs);
        const qint64 growth = server.rssKb() - rssBefore;
        // Without the limit the server would hold ~55 MB for the stalled sockets; SQLite's page cache
        // accounts for most of what it does grow by (~11 MB of new rows).
        // Under AddressSanitizer (./scripts/test --sanitize) RSS holds shadow memory and the quarantine: the bound
        // is the ordinary build's to check.
        if (!qEnvironmentVariableIsSet("NATTER_SANITIZED"))
            QVERIFY2(growth < 40 * 1024, qPrintable(u"server grew by %1 KiB"_qs.arg(growth)));
        QVERIFY(reader.isOpen());

        // Each stalled connection got a close frame with 4009 (0x0FA9) at the end of what it was sent.
        for (QTcpSocket *s : std::as_const(stalled)) {
            s->setReadBufferSize(0);
            QByteArray all;
            while (s->state() == QAbstractSocket::ConnectedState && s->waitForReadyRead(3000))
                all += s->readAll();
            all += s->readAll();
            const QByteArray closeFrame = QByteArray("\x88", 1);
            const qsizetype at = all.lastIndexOf(closeFrame);
            QVERIFY2(at >= 0 && at + 3 < all.size(), "no close frame");
            QCOMPARE(quint8(all.at(at + 2)), quint8(0x0F));
            QCOMPARE(quint8(all.at(at + 3)), quint8(0xA9));
        }
        qDeleteAll(stalled);
    }
};

QTEST_GUILESS_MAIN(TestSlowConsumer)
#include "tst_slowconsumer.moc"
