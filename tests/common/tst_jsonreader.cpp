#include <common/jsonreader.h>
#include <common/validation.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

class TestJsonReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("ok");
        QTest::newRow("object") << QByteArray(R"({"a":1})") << true;
        QTest::newRow("array") << QByteArray("[1,2]") << false;
        QTest::newRow("truncated") << QByteArray(R"({"a":)") << false;
        QTest::newRow("empty") << QByteArray() << false;
        QTest::newRow("garbage") << QByteArray("\xff\xfe\x00") << false;
        QTest::newRow("number") << QByteArray("42") << false;
    }
    void parse()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, ok);
        QString error;
        QCOMPARE(JsonReader::parseObject(bytes, &error).has_value(), ok);
        QCOMPARE(error.isEmpty(), ok);
    }

    void fields_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expectedError"); // empty: valid
        QTest::newRow("valid") << QByteArray(R"({"text":"hi","channelId":"5","ids":["1","2"]})") << QString();
        QTest::newRow("missing") << QByteArray(R"({"channelId":"5"})") << u"missing field 'text'"_qs;
        QTest::newRow("wrong type") << QByteArray(R"({"text":5,"channelId":"5"})")
                                    << u"field 'text' must be a string"_qs;
        QTest::newRow("null required")
            << QByteArray(R"({"text":null,"channelId":"5"})") << u"missing field 'text'"_qs;
        QTest::newRow("too long") << QByteArray(R"({"text":"abcdefghijk","channelId":"5"})")
                                  << u"field 'text' is longer than 10 characters"_qs;
        QTest::newRow("NUL") << QByteArray(R"({"text":"a\u0000b","channelId":"5"})")
                             << u"field 'text' must not contain NUL characters"_qs;
        QTest::newRow("id as number") << QByteArray(R"({"text":"a","channelId":5})")
                                      << u"field 'channelId' must be an id (a decimal string)"_qs;
        QTest::newRow("bad id") << QByteArray(R"({"text":"a","channelId":"abc"})")
                                << u"field 'channelId' is not a valid id"_qs;
        QTest::newRow("ids not array") << QByteArray(R"({"text":"a","channelId":"5","ids":"1"})")
                                       << u"field 'ids' must be an array of ids"_qs;
        QTest::newRow("ids bad entry") << QByteArray(R"({"text":"a","channelId":"5","ids":["1",2]})")
                                       << u"field 'ids' must contain only ids (decimal strings)"_qs;
        QTest::newRow("ids too many") << QByteArray(R"({"text":"a","channelId":"5","ids":["1","2","3","4"]})")
                                      << u"field 'ids' has more than 3 entries"_qs;
    }
    void fields()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expectedError);
        JsonReader::setRefuseNul(true); // as the server has it
        JsonReader r(QJsonDocument::fromJson(json).object());
        r.string(u"text"_qs, 0, 10);
        r.id(u"channelId"_qs);
        r.idList(u"ids"_qs, 3, false);
        QCOMPARE(r.error(), expectedError);
    }

    void codePointsCountSurrogatePairsOnce()
    {
        QCOMPARE(JsonReader::codePoints(u"a😀b"_qs), 3);
        JsonReader r(QJsonObject { { u"t"_qs, QString(4000, u'x') } });
        r.string(u"t"_qs, 0, 4000);
        QVERIFY(r.ok());
        QString emoji;
        for (int i = 0; i < 4000; ++i)
            emoji += u"😀"_qs;
        JsonReader r2(QJsonObject { { u"t"_qs, emoji } });
        r2.string(u"t"_qs, 0, 4000);
        QVERIFY(r2.ok());
        JsonReader r3(QJsonObject { { u"t"_qs, QString(emoji + u'x') } });
        r3.string(u"t"_qs, 0, 4000);
        QVERIFY(!r3.ok());
    }

    // Regression (fuzz_wire_server): lone surrogates, which a JSON escape can spell, each count as a
    // character.
    void codePointsCountLoneSurrogates()
    {
        const QChar high(0xD83D), low(0xDC4D);
        QCOMPARE(JsonReader::codePoints(QString(40, low)), 40);
        QCOMPARE(JsonReader::codePoints(QString(40, high)), 40);
        QCOMPARE(JsonReader::codePoints(QString(high) + QString(31, QChar(0)) + low), 33);
        QCOMPARE(JsonReader::codePoints(QString(low) + high), 2); // reversed: not a pair
        QString error;
        const auto parsed
            = JsonReader::parseObject("{\"emoji\":\"" + QByteArray("\\udc4d").repeated(40) + "\"}", &error);
        QVERIFY(parsed);
        JsonReader r(*parsed);
        r.string(u"emoji"_qs, 1, 32);
        QCOMPARE(r.error(), u"field 'emoji' is longer than 32 characters"_qs);
    }

    void integers()
    {
        JsonReader r(QJsonObject { { u"n"_qs, 2.5 } });
        r.optionalInteger(u"n"_qs, 0, 10);
        QCOMPARE(r.error(), u"field 'n' must be an integer"_qs);
        JsonReader r2(QJsonObject { { u"n"_qs, 11 } });
        r2.optionalInteger(u"n"_qs, 0, 10);
        QVERIFY(!r2.ok());
    }

    void usernames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("ok");
        QTest::newRow("simple") << u"ana"_qs << true;
        QTest::newRow("all classes") << u"a_b.c-9"_qs << true;
        QTest::newRow("too short") << u"ab"_qs << false;
        QTest::newRow("32") << QString(32, u'a') << true;
        QTest::newRow("33") << QString(33, u'a') << false;
        QTest::newRow("space") << u"an a"_qs << false;
        QTest::newRow("unicode") << u"anä"_qs << false;
        QTest::newRow("slash") << u"../x"_qs << false;
    }
    void usernames()
    {
        QFETCH(QString, name);
        QFETCH(bool, ok);
        QCOMPARE(Validation::usernameProblem(name).isEmpty(), ok);
    }
};

QTEST_GUILESS_MAIN(TestJsonReader)
#include "tst_jsonreader.moc"
