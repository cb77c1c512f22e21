#include <common/snowflake.h>

#include <QSet>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>

namespace {
std::atomic<qint64> fakeNow { 0 };
qint64 fakeClock()
{
    return fakeNow.load();
}
} // namespace

class TestSnowflake : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void layout()
    {
        SnowflakeGenerator gen(513);
        fakeNow = SnowflakeGenerator::EpochMs + 123456;
        gen.setClockForTesting(&fakeClock);
        const qint64 id = gen.next();
        QCOMPARE(SnowflakeGenerator::timestampMs(id), SnowflakeGenerator::EpochMs + 123456);
        QCOMPARE(SnowflakeGenerator::nodeOf(id), 513);
        QCOMPARE(SnowflakeGenerator::sequenceOf(id), 0);
        QCOMPARE(SnowflakeGenerator::sequenceOf(gen.next()), 1);
    }

    void monotonicWhenClockStepsBack()
    {
        SnowflakeGenerator gen(1);
        gen.setClockForTesting(&fakeClock);
        fakeNow = SnowflakeGenerator::EpochMs + 10'000;
        const qint64 a = gen.next();
        fakeNow = SnowflakeGenerator::EpochMs + 5'000; // NTP stepped the clock back 5 s
        const qint64 b = gen.next();
        const qint64 c = gen.next();
        QVERIFY(b > a);
        QVERIFY(c > b);
    }

    // A restart whose clock is behind the ids already stored (stepped back, or the last run borrowed ahead):
    // continueAfter() with the newest stored id keeps the new ones above it.
    void continuesAfterStoredIds()
    {
        SnowflakeGenerator before(3);
        before.setClockForTesting(&fakeClock);
        fakeNow = SnowflakeGenerator::EpochMs + 60'000;
        const qint64 stored = before.next();
        SnowflakeGenerator after(3);
        after.setClockForTesting(&fakeClock);
        fakeNow = SnowflakeGenerator::EpochMs + 1'000;
        after.continueAfter(stored);
        after.continueAfter(stored - 5); // an older id changes nothing
        QVERIFY(after.next() > stored);
        SnowflakeGenerator fresh(3);
        fresh.setClockForTesting(&fakeClock);
        fresh.continueAfter(0); // an empty store
        QCOMPARE(SnowflakeGenerator::timestampMs(fresh.next()), SnowflakeGenerator::EpochMs + 1'000);
    }

    void sequenceOverflowBorrowsNextMillisecond()
    {
        SnowflakeGenerator gen(0);
        gen.setClockForTesting(&fakeClock);
        fakeNow = SnowflakeGenerator::EpochMs + 1;
        qint64 last = 0;
        for (int i = 0; i < 5000; ++i) {
            const qint64 id = gen.next();
            QVERIFY(id > last);
            last = id;
        }
        QCOMPARE(SnowflakeGenerator::timestampMs(last), SnowflakeGenerator::EpochMs + 2);
    }

    void threadSafeAndUnique()
    {
        SnowflakeGenerator gen(7);
        auto work = [&gen] {
            QList<qint64> ids;
            for (int i = 0; i < 20000; ++i)
                ids.append(gen.next());
            return ids;
        };
        auto f1 = QtConcurrent::run(work);
        auto f2 = QtConcurrent::run(work);
        const QList<qint64> a = f1.result();
        const QList<qint64> b = f2.result();
        QSet<qint64> all(a.begin(), a.end());
        all.unite(QSet<qint64>(b.begin(), b.end()));
        QCOMPARE(all.size(), 40000);
        QVERIFY(std::is_sorted(a.begin(), a.end()));
        QVERIFY(std::is_sorted(b.begin(), b.end()));
    }

    void idStrings_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("id");
        QTest::newRow("plain") << u"12345"_qs << qint64(12345);
        QTest::newRow("max") << u"9223372036854775807"_qs << std::numeric_limits<qint64>::max();
        QTest::newRow("overflow") << u"9223372036854775808"_qs << qint64(0);
        QTest::newRow("zero") << u"0"_qs << qint64(0);
        QTest::newRow("negative") << u"-5"_qs << qint64(0);
        QTest::newRow("plus") << u"+5"_qs << qint64(0);
        QTest::newRow("space") << u" 5"_qs << qint64(0);
        QTest::newRow("hex") << u"0x10"_qs << qint64(0);
        QTest::newRow("empty") << QString() << qint64(0);
        QTest::newRow("too long") << u"00000000000000000001"_qs << qint64(0);
    }
    void idStrings()
    {
        QFETCH(QString, text);
        QFETCH(qint64, id);
        QCOMPARE(idFromString(text), id);
    }
};

QTEST_GUILESS_MAIN(TestSnowflake)
#include "tst_snowflake.moc"
