#include "fakepagesource.h"
#include "models/messagelistmodel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace Natter::Client;

class TestMessageListModel : public QObject
{
    Q_OBJECT

private:
    static Message ownMessage(const QString &clientMsgId, const QString &text)
    {
        Message m;
        m.channelId = Wire::Id(100);
        m.clientMsgId = clientMsgId;
        m.author = { Wire::Id(10), QStringLiteral("me"), QStringLiteral("Me") };
        m.text = text;
        m.createdAt = QDateTime::currentMSecsSinceEpoch();
        m.state = SendState::Sending;
        return m;
    }
    static QStringList ids(const MessageListModel &model)
    {
        QStringList out;
        for (int i = 0; i < model.rowCount(); ++i)
            out.append(model.messageAt(i).id.toString());
        return out;
    }
    static qint64 residentKiB()
    {
        QFile f(QStringLiteral("/proc/self/statm"));
        if (!f.open(QIODevice::ReadOnly)) return -1;
        const QList<QByteArray> fields = f.readAll().split(' ');
        return fields.size() > 1 ? fields.at(1).toLongLong() * 4 : -1;
    }

private slots:
    void loadsNewestPage()
    {
        FakePageSource source(120);
        MessageListModel model(&source);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false);
        model.setPageSize(50);
        model.setChannel(QStringLiteral("100"));
        QCOMPARE(model.rowCount(), 50);
        QCOMPARE(model.messageAt(0).id.toString(), QStringLiteral("71"));
        QCOMPARE(model.messageAt(49).id.toString(), QStringLiteral("120"));
        QVERIFY(model.canFetchMore({}));
    }

    void prependsPageKeepingRows()
    {
        FakePageSource source(120);
        source.deferred = true;
        MessageListModel model(&source);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false);
        model.setPageSize(50);
        model.setChannel(QStringLiteral("100"));
        QTRY_COMPARE(model.rowCount(), 50);
        const QPersistentModelIndex firstBefore = model.index(0);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.fetchMore({});
        QVERIFY(!model.canFetchMore({})); // one request in flight at a time
        QTRY_COMPARE(model.rowCount(), 100);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(0).at(2).toInt(), 49);
        // The row that was first is still the same message, now 50 rows further down.
        QCOMPARE(firstBefore.row(), 50);
        QVERIFY(!model.index(0).data(MessageListModel::ChannelStartRole).toBool());
        QCOMPARE(firstBefore.data(MessageListModel::IdRole).toString(), QStringLiteral("71"));
        model.fetchMore({});
        QTRY_COMPARE(model.rowCount(), 120);
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(model.messageAt(0).id.toString(), QStringLiteral("1"));
        QVERIFY(model.index(0).data(MessageListModel::ChannelStartRole).toBool());
        QVERIFY(!model.index(1).data(MessageListModel::ChannelStartRole).toBool());
    }

    void appendsLiveMessages()
    {
        FakePageSource source(10);
        MessageListModel model(&source);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false);
        model.setChannel(QStringLiteral("100"));
        QCOMPARE(model.rowCount(), 10);
        model.addMessage(source.make(11));
        model.addMessage(source.make(12));
        QCOMPARE(model.rowCount(), 12);
        QCOMPARE(model.messageAt(11).id.toString(), QStringLiteral("12"));
        Message other = source.make(13);
        other.channelId = Wire::Id(999);
        model.addMessage(other);
        QCOMPARE(model.rowCount(), 12);
    }

    void replacesOptimisticRowByAck()
    {
        FakePageSource source(10);
        MessageListModel model(&source);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false);
        model.setChannel(QStringLiteral("100"));
        model.addPending(ownMessage(QStringLiteral("c-1"), QStringLiteral("hello")));
        model.addPending(ownMessage(QStringLiteral("c-2"), QStringLiteral("again")));
        QCOMPARE(model.rowCount(), 12);
        QCOMPARE(model.index(10).data(MessageListModel::SendStateRole).toInt(), int(SendState::Sending));

        Message acked = source.make(11);
        acked.clientMsgId = QStringLiteral("c-1");
        acked.text = QStringLiteral("hello");
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.addMessage(acked);
        QCOMPARE(model.rowCount(), 12);
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(model.messageAt(10).id.toString(), QStringLiteral("11"));
        QCOMPARE(model.index(10).data(MessageListModel::SendStateRole).toInt(), int(SendState::Sent));
        QCOMPARE(model.pendingCount(), 1);

        model.setSendState(QStringLiteral("c-2"), SendState::Failed);
        QCOMPARE(model.index(11).data(MessageListModel::SendStateRole).toInt(), int(SendState::Failed));
    }

    void dropsDuplicateEcho()
    {
        FakePageSource source(10);
        MessageListModel model(&source);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false);
        model.setChannel(QStringLiteral("100"));
        model.addPending(ownMessage(QStringLiteral("c-1"), QStringLiteral("hello")));
        Message server = source.make(11);
        server.clientMsgId = QStringLiteral("c-1");
        model.addMessage(server); // the ack
        model.addMessage(server); // the echo of the same message
        model.addMessage(source.make(10)); // a replay of something already shown
        QCOMPARE(model.rowCount(), 11);
        QCOMPARE(ids(model).count(QStringLiteral("11")), 1);
        QCOMPARE(model.pendingCount(), 0);
    }

    void ackOutOfOrderMovesRow()
    {
        FakePageSource source(10);
        MessageListModel model(&source);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false);
        model.setChannel(QStringLiteral("100"));
        model.addPending(ownMessage(QStringLiteral("c-1"), QStringLiteral("first")));
        model.addPending(ownMessage(QStringLiteral("c-2"), QStringLiteral("second")));
        Message second = source.make(12);
        second.clientMsgId = QStringLiteral("c-2");
        model.addMessage(second);
        QCOMPARE(model.rowCount(), 12);
        QCOMPARE(model.messageAt(10).id.toString(), QStringLiteral("12"));
        QCOMPARE(model.messageAt(11).clientMsgId, QStringLiteral("c-1"));
    }

    void millionMessagesStayBounded()
    {
        constexpr qint64 total = 1000000;
        FakePageSource source(total);
        MessageListModel model(&source);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false);
        model.setPageSize(100);
        model.setMaxRows(500);
        model.setChannel(QStringLiteral("100"));
        const qint64 rssStart = residentKiB();
        int maxRows = 0;
        int pages = 0;
        while (model.canFetchMore({})) {
            model.fetchMore({});
            maxRows = std::max(maxRows, model.rowCount());
            ++pages;
        }
        QCOMPARE(pages, int(total / 100) - 1);
        QVERIFY2(maxRows <= 500, qPrintable(QString::number(maxRows)));
        QCOMPARE(model.messageAt(0).id.toString(), QStringLiteral("1"));
        QCOMPARE(model.rowCount(), 500);
        QVERIFY(!model.atLiveEnd());
        // Live messages beyond the window are not loaded; paging forward brings them.
        model.addMessage(source.make(total + 1));
        QCOMPARE(model.rowCount(), 500);
        source.setTotal(total + 1);
        int forward = 0;
        while (model.canFetchNewer() && forward < 20) {
            model.fetchNewer();
            ++forward;
            QVERIFY(model.rowCount() <= 500);
        }
        QCOMPARE(model.messageAt(model.rowCount() - 1).id.toString(), QStringLiteral("2500"));
        // Resident memory must not grow with the number of messages paged through (a leak of even 100 bytes
        // per message would show as 100 MB here).
        const qint64 rssEnd = residentKiB();
        if (rssStart > 0)
            QVERIFY2(rssEnd - rssStart < 32 * 1024,
                qPrintable(QStringLiteral("grew %1 KiB").arg(rssEnd - rssStart)));
    }

    void groupsConsecutiveMessages()
    {
        FakePageSource source(9);
        MessageListModel model(&source);
        model.setChannel(QStringLiteral("100"));
        // Authors change every third message in the fake channel.
        QVERIFY(model.index(0).data(MessageListModel::GroupStartRole).toBool());
        QVERIFY(model.index(0).data(MessageListModel::DayStartRole).toBool());
        QVERIFY(!model.index(1).data(MessageListModel::GroupStartRole).toBool());
        QVERIFY(model.index(2).data(MessageListModel::GroupStartRole).toBool());
        QVERIFY(!model.index(2).data(MessageListModel::DayStartRole).toBool());
    }
};

QTEST_GUILESS_MAIN(TestMessageListModel)
#include "tst_messagelistmodel.moc"
