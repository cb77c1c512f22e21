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

    // Regression (tst_wsconformance 6.7 against the lite transport): an invalid byte in a fragment fails the
    // connection with 1007 when that fragment arrives, not when (if ever) the message's last one does; a code
    // point cut between two fragments is fine; a message that ends inside one is not.
    void utf8IsCheckedPerFragment_data()
    {
        QTest::addColumn<QList<QByteArray>>("fragments"); // all but the last sent without FIN
        QTest::addColumn<int>("failAfter"); // index of the fragment that must fail, -1 for none
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("invalid in the first") << QList<QByteArray> { "ab\xc0\xaf", "cd" } << 0 << QByteArray();
        QTest::newRow("invalid continuation of a split code point")
            << QList<QByteArray> { "ab\xe2", "\x28\xa1" } << 1 << QByteArray();
        QTest::newRow("surrogate split 1+2") << QList<QByteArray> { "\xed", "\xa0\x80" } << 1 << QByteArray();
        QTest::newRow("surrogate start in the first") << QList<QByteArray> { "\xed\xa0", "\x80" } << 0 << QByteArray();
        QTest::newRow("e-acute split 1+1") << QList<QByteArray> { "h\xc3", "\xa9" } << -1 << QByteArray("h\xc3\xa9");
        QTest::newRow("emoji split 1+1+1+1")
            << QList<QByteArray> { "\xf0", "\x9f", "\x98", "\x80!" } << -1 << QByteArray("\xf0\x9f\x98\x80!");
        QTest::newRow("ends inside a code point") << QList<QByteArray> { "ok", "\xe2\x9c" } << 1 << QByteArray();
        QTest::newRow("empty fragments") << QList<QByteArray> { "", "\xc3", "", "\xa9" } << -1 << QByteArray("\xc3\xa9");
    }
    void utf8IsCheckedPerFragment()
    {
        QFETCH(QList<QByteArray>, fragments);
        QFETCH(int, failAfter);
        QFETCH(QByteArray, message);
        FrameParser server(1024, FrameParser::Role::Server);
        QList<FrameParser::Message> out;
        for (qsizetype i = 0; i < fragments.size(); ++i) {
            const bool last = i + 1 == fragments.size();
            QByteArray bytes = maskedFrame(i == 0 ? 0x1 : 0x0, fragments[i].constData(), fragments[i].size(), 0x01020304u);
            if (!last)
                bytes[0] = char(bytes[0] & 0x7F); // FIN clear
            int fail = 0;
            server.parse(bytes.constData(), bytes.size(), out, &fail);
            if (i == failAfter) {
                QCOMPARE(fail, 1007);
                QVERIFY(out.isEmpty());
                return;
            }
            QCOMPARE(fail, 0);
        }
        QCOMPARE(failAfter, -1);
        QCOMPARE(out.size(), 1);
        QCOMPARE(out.at(0).payload, message);
    }

    void validUtf8Prefix_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("prefix");
        QTest::newRow("ascii") << QByteArray("hello, world!") << 13;
        QTest::newRow("whole 2-byte") << QByteArray("a\xc3\xa9") << 3;
        QTest::newRow("cut 2-byte") << QByteArray("a\xc3") << 1;
        QTest::newRow("cut 4-byte after 3") << QByteArray("ab\xf0\x9f\x98") << 2;
        QTest::newRow("overlong E0 cut") << QByteArray("\xe0\x80") << -1;
        QTest::newRow("above U+10FFFF cut") << QByteArray("\xf4\x90") << -1;
        QTest::newRow("F5") << QByteArray("\xf5") << -1;
        QTest::newRow("lone continuation after ascii run") << QByteArray("abcdefghij\x80") << -1;
    }
    void validUtf8Prefix()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, prefix);
        QCOMPARE(Natter::Ws::validUtf8Prefix(bytes.constData(), bytes.size()), qsizetype(prefix));
        QCOMPARE(isValidUtf8(bytes.constData(), bytes.size()), prefix == bytes.size());
    }
};

QTEST_GUILESS_MAIN(TestWsCodec)
#include "tst_wscodec.moc"
