#include <common/isotime.h>
#include <common/jsonwriter.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

// The send path writes message JSON by hand: it must parse back to exactly what QJsonDocument would have
// made.
class TestJsonWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void stringsRoundTrip_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("plain") << u"hello"_qs;
        QTest::newRow("quotes and backslashes") << u"say \"hi\" \\ C:\\path\\"_qs;
        QTest::newRow("newlines and tabs") << u"line 1\nline 2\r\n\tindented"_qs;
        QTest::newRow("control characters") << QString::fromUtf16(u"\u0001\u0007\u001f\u007f end");
        QTest::newRow("non-ASCII") << u"héllo wörld ünïcødé — ‘quotes’ 日本語"_qs;
        QTest::newRow("outside the BMP") << u"emoji 😀👍🏽 and 𝄞"_qs;
        QTest::newRow("line separators") << QString::fromUtf16(u"a\u2028b\u2029c");
        QTest::newRow("html") << u"</script><b>&amp;</b>"_qs;
    }
    void stringsRoundTrip()
    {
        QFETCH(QString, text);
        JsonWriter w;
        w.beginObject().key("text").value(text).key("n").value(qint64(-42)).key("yes").value(true);
        w.key("none").null().key("list").beginArray().value(text).value(qint64(1)).endArray();
        w.key("nested").raw(QJsonDocument(QJsonObject { { u"a"_qs, 1 } }).toJson(QJsonDocument::Compact));
        w.endObject();
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(w.bytes(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonObject expected { { u"text"_qs, text }, { u"n"_qs, -42 }, { u"yes"_qs, true },
            { u"none"_qs, QJsonValue::Null }, { u"list"_qs, QJsonArray { text, 1 } },
            { u"nested"_qs, QJsonObject { { u"a"_qs, 1 } } } };
        QCOMPARE(doc.object(), expected);
    }

    void everyControlCharacterIsEscaped()
    {
        QString all;
        for (char16_t c = 0; c < 0x20; ++c)
            all.append(QChar(c));
        QByteArray out;
        JsonWriter::appendString(out, all);
        for (char c : out)
            QVERIFY2(static_cast<unsigned char>(c) >= 0x20, out.constData());
        QCOMPARE(QJsonDocument::fromJson("[" + out + "]").array().at(0).toString(), all);
    }

    void idsAndNumbers()
    {
        JsonWriter w;
        w.beginArray().idString(7321897264523264001).idString(1).value(qint64(0));
        w.value(std::numeric_limits<qint64>::min()).value(std::numeric_limits<qint64>::max()).endArray();
        QCOMPARE(w.bytes(),
            QByteArray("[\"7321897264523264001\",\"1\",0,-9223372036854775808,9223372036854775807]"));
    }

    void escapesBetweenLongRuns()
    {
        const QString text = QString(300, u'a') + u"\"\n\\"_qs + QString(300, u'b') + u'\u0001';
        QByteArray out;
        JsonWriter::appendString(out, text);
        QCOMPARE(out, '"' + QByteArray(300, 'a') + "\\\"\\n\\\\" + QByteArray(300, 'b') + "\\u0001\"");
    }

    void emptyContainers()
    {
        JsonWriter w;
        w.beginObject().key("a").beginArray().endArray().key("o").beginObject().endObject().endObject();
        QCOMPARE(w.bytes(), QByteArray("{\"a\":[],\"o\":{}}"));
    }

    void isoTimeMatchesQDateTime()
    {
        QList<qint64> times { 0, 1, 999, 1000, 86399999, 86400000, 951782400000 /* 2000-02-29 */,
            1709164800000 /* 2024-02-29 */, 1735689599999, 4102444800000 /* 2100-01-01 */,
            253402300799999 /* 9999-12-31T23:59:59.999 */ };
        auto *random = QRandomGenerator::global();
        for (int i = 0; i < 2000; ++i)
            times.append(random->bounded(qint64(0), qint64(4102444800000)));
        for (qint64 t : times)
            QCOMPARE(QString::fromLatin1(isoTimeUtf8(t)), isoTime(t));
    }
};

QTEST_GUILESS_MAIN(TestJsonWriter)
#include "tst_jsonwriter.moc"
