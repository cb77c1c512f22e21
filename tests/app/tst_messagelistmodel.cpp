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
        model.setChannel(Wire::Id(100));
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
        model.setChannel(Wire::Id(100));
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
        model.setChannel(Wire::Id(100));
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
        model.setChannel(Wire::Id(100));
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
        model.setChannel(Wire::Id(100));
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
        model.setChannel(Wire::Id(100));
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
        model.setChannel(Wire::Id(100));
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
        model.setChannel(Wire::Id(100));
        // Authors change every third message in the fake channel.
        QVERIFY(model.index(0).data(MessageListModel::GroupStartRole).toBool());
        QVERIFY(model.index(0).data(MessageListModel::DayStartRole).toBool());
        QVERIFY(!model.index(1).data(MessageListModel::GroupStartRole).toBool());
        QVERIFY(model.index(2).data(MessageListModel::GroupStartRole).toBool());
        QVERIFY(!model.index(2).data(MessageListModel::DayStartRole).toBool());
    }

    void appliesReactionEvents()
    {
        FakePageSource source(5);
        MessageListModel model(&source);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false);
        model.setChannel(Wire::Id(100));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        const auto chips = [&](int row) {
            QStringList out;
            for (const QVariant &v : model.index(row).data(MessageListModel::ReactionsRole).toList()) {
                const QVariantMap chip = v.toMap();
                out.append(chip.value(u"emoji"_qs).toString() + QString::number(chip.value(u"count"_qs).toInt())
                    + (chip.value(u"me"_qs).toBool() ? u"*"_qs : QString()));
            }
            return out;
        };
        const QString thumbs = QStringLiteral("👍");
        const QString party = QStringLiteral("🎉");
        // Somebody else, then me on the same emoji, then a second emoji.
        model.applyReaction(Wire::Id(3), thumbs, true, false);
        QCOMPARE(chips(2), QStringList { thumbs + u"1"_qs });
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 2);
        QCOMPARE(changed.at(0).at(2).value<QList<int>>(), QList<int> { MessageListModel::ReactionsRole });
        model.applyReaction(Wire::Id(3), thumbs, true, true);
        QCOMPARE(chips(2), QStringList { thumbs + u"2*"_qs });
        model.applyReaction(Wire::Id(3), party, true, true);
        QCOMPARE(chips(2), (QStringList { thumbs + u"2*"_qs, party + u"1*"_qs }));
        // My own reaction again (a repeat) changes nothing and says nothing.
        changed.clear();
        model.applyReaction(Wire::Id(3), thumbs, true, true);
        QCOMPARE(chips(2), (QStringList { thumbs + u"2*"_qs, party + u"1*"_qs }));
        QCOMPARE(changed.size(), 0);
        // Removing: mine clears `me`, the last one drops the chip; removing what is not there is ignored.
        model.applyReaction(Wire::Id(3), thumbs, false, true);
        QCOMPARE(chips(2), (QStringList { thumbs + u"1"_qs, party + u"1*"_qs }));
        model.applyReaction(Wire::Id(3), thumbs, false, false);
        QCOMPARE(chips(2), QStringList { party + u"1*"_qs });
        model.applyReaction(Wire::Id(3), thumbs, false, false);
        QCOMPARE(chips(2), QStringList { party + u"1*"_qs });
        // Other rows and messages outside the window are untouched.
        model.applyReaction(Wire::Id(999), thumbs, true, false);
        QVERIFY(chips(1).isEmpty());
        // An edit (message.updated: shared by all, so `me` is false there) keeps my mark.
        Message edited = model.messageAt(2);
        edited.text = QStringLiteral("edited");
        edited.reactions = { { party, 1, false } };
        model.updateMessage(edited);
        QCOMPARE(chips(2), QStringList { party + u"1*"_qs });
    }

    void deletedMessageBecomesTombstone()
    {
        FakePageSource source(5);
        MessageListModel model(&source);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false);
        model.setChannel(Wire::Id(100));
        Message rich = model.messageAt(1);
        rich.reactions = { { QStringLiteral("👍"), 2, true } };
        rich.attachments = { { Wire::Id(501), QStringLiteral("a.png"), QStringLiteral("image/png"), 10,
            QStringLiteral("/u/a.png"), 1, 1, QString() } };
        rich.preview = Wire::LinkPreview { QStringLiteral("https://x"), QStringLiteral("X"), QString(), QString() };
        rich.mentions = { Wire::Id(11) };
        model.updateMessage(rich);
        model.setPinned(rich.id, true);
        QVERIFY(model.index(1).data(MessageListModel::PinnedRole).toBool());
        model.markDeleted(rich.id, 1234);
        const Message d = model.messageAt(1);
        QVERIFY(d.isDeleted());
        QCOMPARE(d.deletedAt, 1234);
        QVERIFY(d.text.isEmpty());
        QVERIFY(d.attachments.isEmpty());
        QVERIFY(d.reactions.isEmpty());
        QVERIFY(!d.preview.has_value());
        QVERIFY(d.mentions.isEmpty());
        QVERIFY(!d.pinned);
        QCOMPARE(d.id, rich.id);
        QCOMPARE(d.seq, rich.seq);
        QCOMPARE(d.author, rich.author);
        QCOMPARE(d.createdAt, rich.createdAt);
        QVERIFY(model.index(1).data(MessageListModel::DeletedRole).toBool());
        // Reactions and pins no longer apply to it.
        model.applyReaction(rich.id, QStringLiteral("👍"), true, false);
        model.setPinned(rich.id, true);
        QVERIFY(model.messageAt(1).reactions.isEmpty());
        QVERIFY(!model.messageAt(1).pinned);
    }
};

QTEST_GUILESS_MAIN(TestMessageListModel)
#include "tst_messagelistmodel.moc"
