// Reaction counts while history pages and live reaction events cross (MessageListModel, messagelistreactions.cpp),
// and the chips' tooltips naming who reacted (MessageView).
#include "messageview.h"
#include "models/messagelistmodel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QTest>

using namespace Natter::Client;
namespace Wire = Natter::Wire;

namespace {
const Wire::Id ChannelId(100);
const QString ThumbsUp = QStringLiteral("👍");

// A channel of 100 messages on a "server" whose reactions the test changes. Pages are rendered when the test
// says (the moment the server reads them) and delivered when it says (the moment they arrive), so that a live
// event can be put before or after either.
class RacingServer : public MessagePageSource
{
public:
    QHash<qint64, QList<Wire::Reaction>> reactions;
    struct Pending
    {
        std::function<Page()> render;
        std::optional<Page> rendered;
        PageCallback callback;
    };
    QList<Pending> pending;
    int arounds = 0;

    Message make(qint64 n) const
    {
        Message m;
        m.id = n;
        m.channelId = ChannelId;
        m.seq = n;
        m.author = { Wire::Id(10 + n % 3), QStringLiteral("user%1").arg(n % 3), QStringLiteral("User %1").arg(n % 3) };
        m.text = QStringLiteral("Message %1").arg(n);
        m.createdAt = 1700000000000 + n * 1000;
        m.reactions = reactions.value(n);
        return m;
    }
    Page pageOf(qint64 first, qint64 last, bool hasMore) const
    {
        Page p;
        for (qint64 n = first; n <= last; ++n)
            p.messages.append(make(n));
        p.hasMore = hasMore;
        return p;
    }
    void fetchOlder(Wire::Id, Wire::Id beforeId, int limit, PageCallback callback) override
    {
        const qint64 before = beforeId.isValid() ? beforeId.value() : 101;
        const qint64 first = std::max<qint64>(1, before - limit);
        pending.append({ [=, this] { return pageOf(first, before - 1, first > 1); }, {}, std::move(callback) });
    }
    void fetchNewer(Wire::Id, Wire::Id, int, PageCallback callback) override { callback({}); }
    void fetchAround(Wire::Id, Wire::Id messageId, int, PageCallback callback) override
    {
        ++arounds;
        pending.append({ [=, this] { return pageOf(messageId.value(), messageId.value(), false); }, {}, std::move(callback) });
    }
    // The server reads the oldest request now / the client receives it now.
    void render() { pending.first().rendered = pending.first().render(); }
    void deliver()
    {
        Pending p = pending.takeFirst();
        p.callback(p.rendered ? *p.rendered : p.render());
    }
    void serveAll()
    {
        while (!pending.isEmpty())
            deliver();
    }
    void react(qint64 n, int count) { reactions[n] = { { ThumbsUp, count, false } }; }
};

int count(const MessageListModel &model, qint64 id)
{
    const int row = model.rowOfId(Wire::Id(id));
    if (row < 0) return -1;
    for (const Wire::Reaction &r : model.messageAt(row).reactions)
        if (r.emoji == ThumbsUp) return r.count;
    return 0;
}
} // namespace

class TestReactions : public QObject
{
    Q_OBJECT

private:
    // Shows the newest 50 messages (51…100) and asks for the older page (1…50), left in flight.
    static void openWithOlderPageInFlight(RacingServer &server, MessageListModel &model)
    {
        model.setPageSize(50);
        model.setChannel(ChannelId);
        server.serveAll();
        QCOMPARE(model.rowCount(), 50);
        model.fetchMore({});
        QCOMPARE(server.pending.size(), 1);
    }

private slots:
    void eventAfterPageThatCountsItIsNotCountedTwice()
    {
        RacingServer server;
        MessageListModel model(&server);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        openWithOlderPageInFlight(server, model);
        server.react(30, 1); // someone reacts on message 30…
        server.render(); // …before the server reads the page, which counts it,
        server.deliver(); // and the page arrives before the event does.
        QCOMPARE(count(model, 30), 1);
        model.applyReaction(Wire::Id(30), ThumbsUp, true, false);
        server.serveAll(); // the message's reactions, read again
        QCOMPARE(count(model, 30), 1); // was 2 before the fix
        QCOMPARE(model.reactionRereads(), 1);
    }

    void eventBeforePageThatMissesItIsNotLost()
    {
        RacingServer server;
        MessageListModel model(&server);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        openWithOlderPageInFlight(server, model);
        server.render(); // the server reads the page first…
        server.react(30, 1); // …then applies a reaction, whose event arrives before the page.
        model.applyReaction(Wire::Id(30), ThumbsUp, true, false); // message 30 is not shown yet
        server.deliver();
        server.serveAll();
        QCOMPARE(count(model, 30), 1); // was 0 before the fix
        QCOMPARE(model.reactionRereads(), 1);
    }

    void eventWhileRereadingIsReadOnceMore()
    {
        RacingServer server;
        MessageListModel model(&server);
        openWithOlderPageInFlight(server, model);
        server.react(30, 1);
        server.deliver();
        model.applyReaction(Wire::Id(30), ThumbsUp, true, false); // re-read asked
        server.react(30, 2);
        server.render(); // the re-read counts the second reaction too…
        model.applyReaction(Wire::Id(30), ThumbsUp, true, false); // …whose event comes while it is in flight
        server.serveAll();
        QCOMPARE(count(model, 30), 2);
        QCOMPARE(model.reactionRereads(), 2);
    }

    void liveReactionOnAnOlderRowIsCountedAtOnce()
    {
        RacingServer server;
        MessageListModel model(&server);
        openWithOlderPageInFlight(server, model);
        server.deliver(); // the fresh page is 1…50; message 80 came with the first page
        model.applyReaction(Wire::Id(80), ThumbsUp, true, false);
        QCOMPARE(count(model, 80), 1);
        QCOMPARE(model.reactionRereads(), 0);
        QVERIFY(server.pending.isEmpty());
    }

    void ownReactionOnAFreshPageUsesMe()
    {
        RacingServer server;
        MessageListModel model(&server);
        openWithOlderPageInFlight(server, model);
        server.reactions[30] = { { ThumbsUp, 1, true } }; // the page already has the reader's own reaction
        server.deliver();
        model.applyReaction(Wire::Id(30), ThumbsUp, true, true);
        QCOMPARE(count(model, 30), 1);
        QCOMPARE(model.reactionRereads(), 0);
    }

    void rereadThatFailsCountsTheEvent()
    {
        // A source that cannot read one message (the thread's) falls back to counting events as they come.
        RacingServer server;
        MessageListModel model(&server);
        openWithOlderPageInFlight(server, model);
        server.deliver();
        model.applyReaction(Wire::Id(30), ThumbsUp, true, false);
        QCOMPARE(server.pending.size(), 1);
        server.pending.first().render = [] { return MessagePageSource::Page { {}, false, false }; };
        server.deliver();
        QCOMPARE(count(model, 30), 1);
    }

    void tooltipNamesWhoReacted_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<QString>("tooltip");
        QTest::newRow("nobody known") << 4 << QStringList() << u"4 people reacted with 👍"_qs;
        QTest::newRow("one") << 1 << QStringList { u"Alice"_qs } << u"Alice reacted with 👍"_qs;
        QTest::newRow("two") << 2 << QStringList { u"You"_qs, u"Alice"_qs } << u"You and Alice reacted with 👍"_qs;
        QTest::newRow("three") << 3 << QStringList { u"Alice"_qs, u"Bob"_qs, u"Cem"_qs }
                               << u"Alice, Bob and Cem reacted with 👍"_qs;
        QTest::newRow("some known") << 5 << QStringList { u"Alice"_qs, u"Bob"_qs }
                                    << u"Alice, Bob and 3 others reacted with 👍"_qs;
        QTest::newRow("more than three") << 6 << QStringList { u"A"_qs, u"B"_qs, u"C"_qs, u"D"_qs }
                                         << u"A, B, C and 3 others reacted with 👍"_qs;
    }
    void tooltipNamesWhoReacted()
    {
        QFETCH(int, count);
        QFETCH(QStringList, names);
        QFETCH(QString, tooltip);
        RacingServer server;
        server.react(100, count);
        MessageListModel model(&server);
        model.setChannel(ChannelId);
        server.serveAll();
        MessageView view;
        view.setMessageModel(&model);
        view.setReactorNames([&](const Message &m, const QString &emoji) {
            return m.id == Wire::Id(100) && emoji == ThumbsUp ? names : QStringList();
        });
        QCOMPARE(view.reactionTooltip(model.rowOfId(Wire::Id(100)), ThumbsUp), tooltip);
    }
};

QTEST_MAIN(TestReactions)
#include "tst_reactions.moc"
