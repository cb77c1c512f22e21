// The RFC 6455 codec from both ends: what a client writes (masked) the server's parser reads, what the server
// writes (unmasked) the client's parser reads, and each end refuses the other kind (RFC 6455 5.1).
#include <common/ws/frameparser.h>
#include <common/ws/framewriter.h>

#include <QtTest>

using namespace Natter::Ws;

class TestWsCodec : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data()
    {
        QTest::addColumn<int>("size");
        for (int size : { 0, 1, 125, 126, 127, 65535, 65536, 70000 })
            QTest::newRow(qPrintable(QString::number(size))) << size;
    }

    void roundTrip()
    {
        QFETCH(int, size);
        QByteArray payload(size, Qt::Uninitialized);
        for (int i = 0; i < size; ++i)
            payload[i] = char('a' + i % 26);
        const QByteArray fromClient = maskedFrame(0x1, payload.constData(), payload.size(), 0xA1B2C3D4u);
        const QByteArray fromServer = textFrame(payload);
        QCOMPARE(fromClient.size(), fromServer.size() + 4);
        QVERIFY(fromClient.mid(fromClient.size() - size) != payload || size == 0); // the payload is masked

        FrameParser server(1 << 20, FrameParser::Role::Server);
        FrameParser client(1 << 20, FrameParser::Role::Client);
        for (auto [parser, bytes] :
            { std::pair { &server, fromClient }, std::pair { &client, fromServer } }) {
            QList<FrameParser::Message> out;
            int fail = -1;
            QCOMPARE(parser->parse(bytes.constData(), bytes.size(), out, &fail), bytes.size());
            QCOMPARE(fail, 0);
            QCOMPARE(out.size(), 1);
            QCOMPARE(out.at(0).kind, FrameParser::Kind::Text);
            QCOMPARE(out.at(0).payload, payload);
        }
    }

    void eachEndRefusesTheOtherKind()
    {
        const QByteArray unmasked = textFrame("hello");
        const QByteArray masked = maskedFrame(0x1, "hello", 5, 7u);
        QList<FrameParser::Message> out;
        int fail = 0;
        FrameParser server(1024, FrameParser::Role::Server);
        server.parse(unmasked.constData(), unmasked.size(), out, &fail);
        QCOMPARE(fail, 1002);
        FrameParser client(1024, FrameParser::Role::Client);
        client.parse(masked.constData(), masked.size(), out, &fail);
        QCOMPARE(fail, 1002);
        QVERIFY(out.isEmpty());
    }

    void clientReadsFragmentsAndControlFrames()
    {
        // A fragmented text message with a ping between its fragments, then a close, fed byte by byte.
        const QByteArray bytes
            = frame(0x1 & 0x0F, "hel", 3).replace(0, 1, QByteArray(1, char(0x01))) // FIN clear
            + frame(0x9, "p", 1) + frame(0x0, "lo", 2) + closeFrame(1000, "bye");
        FrameParser client(1024, FrameParser::Role::Client);
        QList<FrameParser::Message> out;
        QByteArray buffer;
        int fail = 0;
        for (char c : bytes) {
            buffer.append(c);
            buffer.remove(0, client.parse(buffer.constData(), buffer.size(), out, &fail));
            QCOMPARE(fail, 0);
        }
        QCOMPARE(out.size(), 3);
        QCOMPARE(out.at(0).kind, FrameParser::Kind::Ping);
        QCOMPARE(out.at(1).kind, FrameParser::Kind::Text);
        QCOMPARE(out.at(1).payload, QByteArray("hello"));
        QCOMPARE(out.at(2).kind, FrameParser::Kind::Close);
        QCOMPARE(out.at(2).payload.mid(2), QByteArray("bye"));
    }
};

QTEST_GUILESS_MAIN(TestWsCodec)
#include "tst_wscodec.moc"
