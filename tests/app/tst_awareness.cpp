#include "fakepagesource.h"
#include "models/messagelistmodel.h"
#include "session/presencetracker.h"
#include "session/readreceipts.h"
#include "session/readtracker.h"
#include "session/typingtracker.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

// Who is typing, who is online, who has read what, and what the message list shows about it.
using namespace Natter::Client;
namespace Wire = Natter::Wire;

class TestAwareness : public QObject
{
    Q_OBJECT

private:
    static Wire::Member member(qint64 id, const QString &name, qint64 marker)
    {
        Wire::Member m;
        m.user.id = id;
        m.user.username = name.toLower();
        m.user.displayName = name;
        m.lastReadMessageId = marker;
        return m;
    }

private slots:
    void typingText_data()
    {
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<QString>("text");
        QTest::newRow("nobody") << QStringList() << QString();
        QTest::newRow("one") << QStringList { QStringLiteral("Alice") } << QStringLiteral("Alice is typing…");
        QTest::newRow("two") << QStringList { QStringLiteral("Bob"), QStringLiteral("Alice") }
                             << QStringLiteral("Alice and Bob are typing…");
        QTest::newRow("three") << QStringList { QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C") }
                               << QStringLiteral("Several people are typing…");
        QTest::newRow("five") << QStringList { QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"),
            QStringLiteral("D"), QStringLiteral("E") } << QStringLiteral("Several people are typing…");
    }
    void typingText()
    {
        QFETCH(QStringList, names);
        QFETCH(QString, text);
        TypingTracker tracker;
        for (int i = 0; i < names.size(); ++i)
            tracker.setTyping(Wire::Id(i + 1), names.at(i), true);
        QCOMPARE(tracker.text(), text);
    }

    void typingExpiresFourSecondsAfterTheLastNews()
    {
        TypingTracker tracker;
        QCOMPARE(tracker.expiryMs(), 4000); // DESIGN.md
        tracker.setExpiryMs(300);
        QSignalSpy changed(&tracker, &TypingTracker::changed);
        QElapsedTimer clock;
        clock.start();
        tracker.setTyping(Wire::Id(1), QStringLiteral("Alice"), true);
        tracker.setTyping(Wire::Id(2), QStringLiteral("Bob"), true);
        QCOMPARE(tracker.text(), QStringLiteral("Alice and Bob are typing…"));
        QTest::qWait(150);
        tracker.setTyping(Wire::Id(2), QStringLiteral("Bob"), true); // news from Bob renews him only
        QTRY_COMPARE_WITH_TIMEOUT(tracker.text(), QStringLiteral("Bob is typing…"), 1000);
        QVERIFY(clock.elapsed() >= 290);
        QTRY_COMPARE_WITH_TIMEOUT(tracker.text(), QString(), 1000);
        QVERIFY(clock.elapsed() >= 440);
        QVERIFY(changed.size() >= 4);
        // An explicit stop removes at once.
        tracker.setTyping(Wire::Id(3), QStringLiteral("Cleo"), true);
        tracker.setTyping(Wire::Id(3), QStringLiteral("Cleo"), false);
        QCOMPARE(tracker.text(), QString());
    }

    void presenceSubscribesTheVisibleUsersOnly()
    {
        QList<QList<Wire::Id>> sent;
        PresenceTracker presence([&](const QList<Wire::Id> &users) { sent.append(users); });
        presence.setDelayMs(10);
        presence.setInterest(QStringLiteral("members"), { 1, 2, 3 });
        presence.setInterest(QStringLiteral("authors"), { 3, 4 });
        QTRY_COMPARE(sent.size(), 1); // changes close together go out as one frame
        QCOMPARE(sent.last(), (QList<Wire::Id> { 1, 2, 3, 4 }));
        presence.setInterest(QStringLiteral("authors"), { 4, 3 }); // the same set: nothing to send
        QTest::qWait(50);
        QCOMPARE(sent.size(), 1);
        presence.setInterest(QStringLiteral("members"), {}); // the panel closed
        QTRY_COMPARE(sent.size(), 2);
        QCOMPARE(QSet<Wire::Id>(sent.last().cbegin(), sent.last().cend()), (QSet<Wire::Id> { 3, 4 }));
        presence.resubscribe(); // after a reconnect, the whole set again at once
        QCOMPARE(sent.size(), 3);

        QList<Wire::Id> many;
        for (int i = 1; i <= 700; ++i)
            many.append(Wire::Id(1000 + i));
        presence.setInterest(QStringLiteral("authors"), many);
        QTRY_COMPARE(sent.size(), 4);
        QCOMPARE(sent.last().size(), PresenceTracker::MaxUsers);

        QSignalSpy changed(&presence, &PresenceTracker::presenceChanged);
        presence.setOnline(Wire::Id(3), true);
        presence.setOnline(Wire::Id(3), true);
        QCOMPARE(changed.size(), 1);
        QVERIFY(presence.isOnline(Wire::Id(3)));
        QVERIFY(!presence.isOnline(Wire::Id(4)));
    }

    void readReceiptsMoveForwardOnly()
    {
        ReadReceipts receipts;
        QSignalSpy changed(&receipts, &ReadReceipts::changed);
        const Wire::Id ch(77);
        receipts.seed(ch, { member(1, QStringLiteral("Ana"), 120), member(2, QStringLiteral("Ben"), 100),
                              member(3, QStringLiteral("Cleo"), 0) });
        QCOMPARE(receipts.readers(ch, Wire::Id(110), Wire::Id(1)).size(), 0); // the author is left out
        QCOMPARE(receipts.readers(ch, Wire::Id(100), Wire::Id(1)).size(), 1);
        receipts.update(ch, Wire::Id(3), Wire::Id(130));
        receipts.update(ch, Wire::Id(3), Wire::Id(90)); // backwards: ignored
        QCOMPARE(receipts.marker(ch, Wire::Id(3)), Wire::Id(130));
        const auto readers = receipts.readers(ch, Wire::Id(100), Wire::Id(1));
        QCOMPARE(readers.size(), 2);
        QCOMPARE(ReadReceipts::readersText(readers), QStringLiteral("Read by Ben, Cleo"));
        QCOMPARE(changed.size(), 2);
        // A member list that arrives after a newer read.updated does not move a marker back.
        receipts.seed(ch, { member(3, QStringLiteral("Cleo"), 0) });
        QCOMPARE(receipts.marker(ch, Wire::Id(3)), Wire::Id(130));
    }

    void readMarkWaitsForAnActiveWindow()
    {
        QList<std::pair<Wire::Id, Wire::Id>> marks;
        ReadTracker tracker([&](Wire::Id c, Wire::Id m) { marks.append({ c, m }); });
        tracker.setDelayMs(10);
        tracker.setMarked(Wire::Id(5), Wire::Id(100));
        tracker.seen(Wire::Id(5), Wire::Id(110)); // the window is not active
        QTest::qWait(60);
        QVERIFY(marks.isEmpty());
        tracker.setWindowActive(true);
        QTRY_COMPARE(marks.size(), 1);
        QCOMPARE(marks.last(), std::make_pair(Wire::Id(5), Wire::Id(110)));
        tracker.seen(Wire::Id(5), Wire::Id(105)); // older than the marker: nothing
        tracker.seen(Wire::Id(5), Wire::Id(110));
        QTest::qWait(60);
        QCOMPARE(marks.size(), 1);
        tracker.seen(Wire::Id(5), Wire::Id(111));
        tracker.seen(Wire::Id(5), Wire::Id(115)); // coalesced with the one before
        QTRY_COMPARE(marks.size(), 2);
        QCOMPARE(marks.last().second, Wire::Id(115));
        tracker.setWindowActive(false);
        tracker.seen(Wire::Id(5), Wire::Id(120));
        QTest::qWait(60);
        QCOMPARE(marks.size(), 2);
    }

    void marksShowDividerReceiptsMentionsAndPresence()
    {
        FakePageSource source(30);
        MessageListModel model(&source);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false);
        model.setChannel(Wire::Id(100));
        QCOMPARE(model.rowCount(), 30);
        // FakePageSource: authors 10, 11, 12 in turns of three messages; ids 1..30.
        MessageMarks marks;
        marks.me = Wire::Id(10);
        marks.readMarker = Wire::Id(17);
        marks.readers = [](Wire::Id message) {
            return message <= Wire::Id(4) ? QStringList { QStringLiteral("Ben") } : QStringList();
        };
        marks.isOnline = [](Wire::Id user) { return user == Wire::Id(11); };
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setMarks(marks);
        QCOMPARE(changed.size(), 1);
        // Messages 18-20 are mine: the divider goes above the first one after the marker by someone else.
        QCOMPARE(model.messageAt(17).author.id, Wire::Id(10));
        QCOMPARE(model.unreadDividerRow(), 20);
        QCOMPARE(model.messageAt(20).id, Wire::Id(21));
        // Receipts on my own messages only.
        QCOMPARE(model.index(1).data(MessageListModel::ReadByRole).toStringList(), QStringList { QStringLiteral("Ben") });
        QCOMPARE(model.index(1).data(Qt::ToolTipRole).toString(), QStringLiteral("Read by Ben"));
        QCOMPARE(model.index(8).data(Qt::ToolTipRole).toString(), QStringLiteral("Sent, not read yet"));
        QVERIFY(model.index(3).data(Qt::ToolTipRole).isNull()); // not mine
        QVERIFY(model.index(3).data(MessageListModel::AuthorOnlineRole).toBool());
        QVERIFY(!model.index(0).data(MessageListModel::AuthorOnlineRole).toBool());
        model.setReadMarker({});
        QCOMPARE(model.unreadDividerRow(), -1);
    }

    void openAroundHighlightsAndPagesBothWays()
    {
        class AroundSource : public FakePageSource
        {
        public:
            using FakePageSource::FakePageSource;
            void fetchAround(Wire::Id, Wire::Id id, int limit, PageCallback callback) override
            {
                const qint64 centre = id.value();
                Page page;
                for (qint64 n = std::max<qint64>(1, centre - limit / 2); n <= std::min<qint64>(1000, centre + limit / 2); ++n)
                    page.messages.append(make(n));
                page.hasMore = page.messages.first().id > Wire::Id(1);
                page.hasNewer = page.messages.last().id < Wire::Id(1000);
                callback(page);
            }
        } source(1000);
        MessageListModel model(&source);
        model.setPageSize(20);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false);
        QSignalSpy loaded(&model, &MessageListModel::aroundLoaded);
        model.openAround(Wire::Id(100), Wire::Id(500));
        QCOMPARE(loaded.size(), 1);
        const int row = loaded.at(0).at(0).toInt();
        QCOMPARE(model.messageAt(row).id, Wire::Id(500));
        QVERIFY(model.index(row).data(MessageListModel::HighlightRole).toBool());
        QVERIFY(!model.index(row + 1).data(MessageListModel::HighlightRole).toBool());
        QVERIFY(model.canFetchMore({}));
        QVERIFY(model.canFetchNewer());
        QVERIFY(!model.atLiveEnd()); // live messages wait until the reader pages down to the end
        model.fetchMore({});
        QCOMPARE(model.messageAt(0).id, Wire::Id(470));
        model.fetchNewer();
        QCOMPARE(model.messageAt(model.rowCount() - 1).id, Wire::Id(530));
        QCOMPARE(model.messageAt(model.rowOfId(Wire::Id(500))).id, Wire::Id(500));
        // Opening the channel normally drops the highlight.
        model.setChannel(Wire::Id(100));
        QVERIFY(!model.marks().highlighted.isValid());
    }
};

QTEST_GUILESS_MAIN(TestAwareness)
#include "tst_awareness.moc"
