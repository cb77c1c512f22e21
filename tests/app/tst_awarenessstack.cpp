#include "clientstack.h"
#include "models/channellistmodel.h"
#include "session/alerts.h"
#include "session/notifier.h"
#include "session/typingtracker.h"
#include "testclient.h"
#include "testserver.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// Two client stacks and a real natter-server: read receipts, typing and mentions as the other user sees them,
// live and after a reconnect with sync.
using namespace Natter::Client;
namespace Wire = Natter::Wire;

namespace {
class FakeNotifier : public Notifier
{
public:
    QList<Notification> shown;
    bool isAvailable() const override { return true; }
    void show(const Notification &n) override { shown.append(n); }
};
}

class TestAwarenessStack : public QObject
{
    Q_OBJECT

private:
    struct Fixture
    {
        TestServer server;
        QTemporaryDir dir;
        TestAccount alice;
        TestAccount bob;
        Wire::Id channelId;
        bool setUp()
        {
            if (!server.start()) return false;
            RestClient rest(server);
            alice = rest.registerUser(QStringLiteral("alice"));
            bob = rest.registerUser(QStringLiteral("bob"));
            channelId = Wire::Id::fromString(rest.createChannel(alice, QStringLiteral("general"), QStringLiteral("public"), { bob.id }));
            return !alice.token.isEmpty() && !bob.token.isEmpty() && channelId.isValid();
        }
        std::unique_ptr<ClientStack> client(const TestAccount &who)
        {
            auto c = std::make_unique<ClientStack>(server.httpUrl(), who.token, dir.filePath(who.username + QStringLiteral(".sqlite")));
            c->session->readTracker()->setDelayMs(20);
            return c;
        }
    };

    static bool startAndOpen(ClientStack &c, Wire::Id channelId)
    {
        c.session->start();
        if (!QTest::qWaitFor([&] { return c.session->isSynced(); }, 20000)) return false;
        c.session->openChannel(c.model.get(), channelId);
        c.session->loadMembers(channelId);
        return QTest::qWaitFor([&] { return !c.model->isLoading() && c.session->readReceipts()->isSeeded(channelId); }, 20000);
    }

    static Wire::Id lastId(const ClientStack &c) { return c.model->messageAt(c.model->confirmedCount() - 1).id; }

    static QStringList readers(ClientStack &c, Wire::Id channelId, Wire::Id message, const QString &author)
    {
        QStringList names;
        for (const auto &r : c.session->readReceipts()->readers(channelId, message, Wire::Id::fromString(author)))
            names.append(r.name);
        return names;
    }

private slots:
    void readReceiptLiveAndAfterReconnect()
    {
        Fixture f;
        QVERIFY(f.setUp());
        auto a = f.client(f.alice);
        auto b = f.client(f.bob);
        QVERIFY(startAndOpen(*a, f.channelId));
        QVERIFY(startAndOpen(*b, f.channelId));
        a->session->sendMessage(f.channelId, QStringLiteral("Did you see the release notes?"));
        QTRY_COMPARE(b->model->confirmedCount(), 1);
        const Wire::Id first = lastId(*b);
        QCOMPARE(readers(*a, f.channelId, first, f.alice.id), QStringList());

        // Bob's window is not active: what is on his screen is not read yet, and nothing goes out.
        b->session->readTracker()->setWindowActive(false);
        b->session->readTracker()->seen(f.channelId, first);
        QTest::qWait(400);
        QCOMPARE(readers(*a, f.channelId, first, f.alice.id), QStringList());
        RestClient rest(f.server);
        auto members = rest.get(QStringLiteral("/api/v1/channels/%1/members").arg(f.channelId.toString()), f.alice.token);
        for (const QJsonValue &v : members.json.value(u"members").toArray())
            if (v[u"user"][u"id"].toString() == f.bob.id) QVERIFY(v[u"lastReadMessageId"].toString() != first.toString());

        // Nobody was reading: it counts as unread even in his open channel.
        QCOMPARE(b->session->channel(f.channelId).unreadCount, 1);
        // He comes back to the window: Alice sees "read by bob" live (read.updated), and his count goes.
        b->session->readTracker()->setWindowActive(true);
        QTRY_COMPARE(b->session->channel(f.channelId).unreadCount, 0);
        QTRY_COMPARE(readers(*a, f.channelId, first, f.alice.id), QStringList { QStringLiteral("Bob") });

        // Alice is away while Bob reads her second message; her next session seeds the marker from the server.
        a->session->sendMessage(f.channelId, QStringLiteral("And the migration plan?"));
        QTRY_COMPARE(b->model->confirmedCount(), 2);
        const Wire::Id second = lastId(*b);
        a->session->stop();
        a.reset();
        b->session->readTracker()->seen(f.channelId, second);
        QTRY_VERIFY(b->session->readTracker()->marked(f.channelId) == second);
        QTest::qWait(200);
        auto again = f.client(f.alice);
        QVERIFY(startAndOpen(*again, f.channelId));
        QTRY_COMPARE(readers(*again, f.channelId, second, f.alice.id), QStringList { QStringLiteral("Bob") });
    }

    void typingAsTheOtherSeesIt()
    {
        Fixture f;
        QVERIFY(f.setUp());
        auto a = f.client(f.alice);
        auto b = f.client(f.bob);
        QVERIFY(startAndOpen(*a, f.channelId));
        QVERIFY(startAndOpen(*b, f.channelId));
        TypingTracker atAlice;
        atAlice.setExpiryMs(1500);
        QObject::connect(a->session.get(), &Session::typingChanged, &atAlice,
            [&](Wire::Id channel, Wire::Id user, bool typing) {
                if (channel == f.channelId) atAlice.setTyping(user, QStringLiteral("Bob"), typing);
            });
        b->session->setTyping(f.channelId, true);
        QTRY_COMPARE(atAlice.text(), QStringLiteral("Bob is typing…"));
        // No news: it clears itself.
        QTRY_COMPARE_WITH_TIMEOUT(atAlice.text(), QString(), 4000);
        // typing is relayed at most once per 2 s per user and channel: wait for the next window
        QTest::qWait(800);
        b->session->setTyping(f.channelId, true);
        QTRY_COMPARE_WITH_TIMEOUT(atAlice.text(), QStringLiteral("Bob is typing…"), 5000);
        b->session->setTyping(f.channelId, false);
        QTRY_COMPARE(atAlice.text(), QString());

        // After a reconnect the typing events reach Alice again.
        f.server.stop();
        QTRY_VERIFY(!a->gateway.isConnected());
        QVERIFY(f.server.start());
        QTRY_VERIFY_WITH_TIMEOUT(a->session->isSynced() && b->session->isSynced() && a->gateway.isConnected() && b->gateway.isConnected(), 60000);
        QTest::qWait(2100);
        b->session->setTyping(f.channelId, true);
        QTRY_COMPARE(atAlice.text(), QStringLiteral("Bob is typing…"));
    }

    void mentionAsTheOtherSeesIt()
    {
        Fixture f;
        QVERIFY(f.setUp());
        auto a = f.client(f.alice);
        auto b = f.client(f.bob);
        QVERIFY(startAndOpen(*a, f.channelId));
        QVERIFY(startAndOpen(*b, f.channelId));
        FakeNotifier desktop;
        Alerts alerts(a->session->channelModel(), nullptr);
        alerts.setMe(Wire::Id::fromString(f.alice.id));
        alerts.setNotifier(&desktop);
        alerts.setWindowActive(false);
        QObject::connect(a->session.get(), &Session::messageReceived, &alerts, [&](const Message &m) {
            if (a->session->isSynced()) alerts.consider(m);
        });
        b->session->sendMessage(f.channelId, QStringLiteral("@alice can you review this?"));
        b->session->sendMessage(f.channelId, QStringLiteral("nothing for anyone"));
        QTRY_COMPARE(a->model->confirmedCount(), 2);
        QCOMPARE(desktop.shown.size(), 1);
        QCOMPARE(desktop.shown.at(0).title, QStringLiteral("Bob in #general"));
        QCOMPARE(desktop.shown.at(0).body, QStringLiteral("@alice can you review this?"));
        QVERIFY(a->model->messageAt(0).mentions.contains(Wire::Id::fromString(f.alice.id)));

        // Alice goes away; Bob mentions her again. Back online, the sync brings the message with its mention
        // and the channel list counts it, without a notification for old news.
        a->session->openChannel(a->model.get(), Wire::Id()); // she is not reading #general
        a->session->stop();
        a.reset();
        b->session->sendMessage(f.channelId, QStringLiteral("@alice ping again"));
        QTRY_COMPARE(b->session->outboxSize(), 0);
        auto again = f.client(f.alice);
        Alerts alerts2(again->session->channelModel(), nullptr);
        alerts2.setMe(Wire::Id::fromString(f.alice.id));
        alerts2.setNotifier(&desktop);
        QObject::connect(again->session.get(), &Session::messageReceived, &alerts2, [&](const Message &m) {
            if (again->session->isSynced()) alerts2.consider(m);
        });
        again->session->start();
        QTRY_VERIFY_WITH_TIMEOUT(again->session->isSynced(), 20000);
        QTRY_VERIFY(again->session->channel(f.channelId).mentionCount >= 1);
        QCOMPARE(desktop.shown.size(), 1);
        again->session->openChannel(again->model.get(), f.channelId);
        QTRY_VERIFY(!again->model->isLoading() && again->model->confirmedCount() == 3);
        QCOMPARE(again->model->messageAt(2).text, QStringLiteral("@alice ping again"));
        QVERIFY(again->model->messageAt(2).mentions.contains(Wire::Id::fromString(f.alice.id)));
        // And live again after the reconnect.
        b->session->sendMessage(f.channelId, QStringLiteral("@alice third time"));
        QTRY_COMPARE(desktop.shown.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestAwarenessStack)
#include "tst_awarenessstack.moc"
