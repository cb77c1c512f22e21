#include "clientstack.h"
#include "testclient.h"
#include "testserver.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

// The client core against a real natter-server: live exchange, the outbox across a server restart, and
// catching up through `sync` after being offline.
class TestClientStack : public QObject
{
    Q_OBJECT

private:
    static constexpr int ReconnectWaitMs = 60000;

    struct Fixture
    {
        TestServer server;
        QTemporaryDir dir;
        TestAccount alice;
        TestAccount bob;
        QString channelId;

        bool setUp()
        {
            if (!server.start()) return false;
            RestClient rest(server);
            alice = rest.registerUser(QStringLiteral("alice"));
            bob = rest.registerUser(QStringLiteral("bob"));
            channelId
                = rest.createChannel(alice, QStringLiteral("general"), QStringLiteral("public"), { bob.id });
            return !alice.token.isEmpty() && !bob.token.isEmpty() && !channelId.isEmpty();
        }
        std::unique_ptr<ClientStack> client(const TestAccount &who)
        {
            return std::make_unique<ClientStack>(
                server.httpUrl(), who.token, dir.filePath(who.username + QStringLiteral(".sqlite")));
        }
    };

    static bool waitSynced(ClientStack &c, int timeoutMs = 20000)
    {
        return QTest::qWaitFor([&] { return c.session->isSynced(); }, timeoutMs);
    }

    static bool strictlyConsecutive(const MessageListModel &model)
    {
        for (int i = 1; i < model.confirmedCount(); ++i)
            if (model.messageAt(i).seq != model.messageAt(i - 1).seq + 1) return false;
        return true;
    }

private slots:
    void backoffDoublesToThirtySeconds()
    {
        QCOMPARE(Gateway::backoffDelay(0, 1000, 30000, 1.0), 1000);
        QCOMPARE(Gateway::backoffDelay(1, 1000, 30000, 1.0), 2000);
        QCOMPARE(Gateway::backoffDelay(4, 1000, 30000, 1.0), 16000);
        QCOMPARE(Gateway::backoffDelay(5, 1000, 30000, 1.0), 30000);
        QCOMPARE(Gateway::backoffDelay(40, 1000, 30000, 1.0), 30000);
        // Jitter spreads a reconnect storm over the upper half of each step.
        QCOMPARE(Gateway::backoffDelay(2, 1000, 30000, 0.0), 2000);
        QCOMPARE(Gateway::backoffDelay(2, 1000, 30000, 0.5), 3000);
    }

    void twoClientsExchangeLive()
    {
        Fixture f;
        QVERIFY(f.setUp());
        auto a = f.client(f.alice);
        auto b = f.client(f.bob);
        QAbstractItemModelTester testerA(
            a->model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester testerB(
            b->model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        testerA.setUseFetchMore(false);
        testerB.setUseFetchMore(false);
        a->session->start();
        b->session->start();
        QVERIFY(waitSynced(*a));
        QVERIFY(waitSynced(*b));
        QCOMPARE(a->session->channelModel()->rowCount(), 1);
        a->session->openChannel(a->model.get(), f.channelId);
        b->session->openChannel(b->model.get(), f.channelId);
        QTRY_VERIFY(!a->model->isLoading() && !b->model->isLoading());

        a->session->sendMessage(f.channelId, QStringLiteral("Hi Bob, is the build green?"));
        // Shown at once, before any answer from the server.
        QCOMPARE(a->model->rowCount(), 1);
        QCOMPARE(a->model->index(0).data(MessageListModel::SendStateRole).toInt(), int(SendState::Sending));
        QTRY_COMPARE(b->texts(), QStringList { QStringLiteral("Hi Bob, is the build green?") });
        QTRY_COMPARE(a->model->pendingCount(), 0);
        QCOMPARE(a->model->index(0).data(MessageListModel::SendStateRole).toInt(), int(SendState::Sent));

        b->session->sendMessage(f.channelId, QStringLiteral("Green since this morning."));
        const QStringList both { QStringLiteral("Hi Bob, is the build green?"),
            QStringLiteral("Green since this morning.") };
        QTRY_COMPARE(a->texts(), both);
        QTRY_COMPARE(b->model->pendingCount(), 0);
        QCOMPARE(b->texts(), both);
        QTest::qWait(200); // late echoes, if any, must not add rows
        QCOMPARE(a->texts(), both);
        QCOMPARE(b->texts(), both);
        QVERIFY(strictlyConsecutive(*a->model));
    }

    void outboxSurvivesServerRestart()
    {
        Fixture f;
        QVERIFY(f.setUp());
        auto a = f.client(f.alice);
        auto b = f.client(f.bob);
        a->session->start();
        b->session->start();
        QVERIFY(waitSynced(*a));
        QVERIFY(waitSynced(*b));
        a->session->openChannel(a->model.get(), f.channelId);
        b->session->openChannel(b->model.get(), f.channelId);
        QTRY_VERIFY(!a->model->isLoading() && !b->model->isLoading());

        f.server.stop();
        QTRY_VERIFY(!a->gateway.isConnected());
        const QStringList written { QStringLiteral("one"), QStringLiteral("two"), QStringLiteral("three") };
        for (const QString &text : written)
            a->session->sendMessage(f.channelId, text);
        QCOMPARE(a->model->pendingCount(), 3);
        QCOMPARE(a->session->outboxSize(), 3);

        QVERIFY(f.server.start());
        QTRY_VERIFY_WITH_TIMEOUT(a->session->outboxSize() == 0, ReconnectWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(b->texts(), written, ReconnectWaitMs);
        QTRY_COMPARE(a->texts(), written);
        QCOMPARE(a->model->pendingCount(), 0);

        // The server holds each exactly once, in the order written.
        RestClient rest(f.server);
        const auto page = rest.get(
            QStringLiteral("/api/v1/channels/") + f.channelId + QStringLiteral("/messages"), f.bob.token);
        QStringList stored;
        for (const QJsonValue &v : page.json.value(u"messages").toArray())
            stored.append(v.toObject().value(u"text").toString());
        QCOMPARE(stored, written);
    }

    void offlineClientCatchesUpThroughSync()
    {
        Fixture f;
        QVERIFY(f.setUp());
        auto a = f.client(f.alice);
        a->session->start();
        QVERIFY(waitSynced(*a));
        a->session->openChannel(a->model.get(), f.channelId);
        QStringList expected;
        for (int i = 1; i <= 3; ++i) {
            expected.append(QStringLiteral("before %1").arg(i));
            a->session->sendMessage(f.channelId, expected.last());
        }
        {
            auto b = f.client(f.bob);
            b->session->start();
            QVERIFY(waitSynced(*b));
            b->session->openChannel(b->model.get(), f.channelId);
            QTRY_COMPARE(b->texts(), expected);
            b->session->stop(); // Bob closes the app; his cache stays
        }
        for (int i = 1; i <= 12; ++i) {
            expected.append(QStringLiteral("while away %1").arg(i));
            a->session->sendMessage(f.channelId, expected.last());
        }
        QTRY_COMPARE(a->session->outboxSize(), 0);

        auto b = f.client(f.bob);
        QAbstractItemModelTester tester(
            b->model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false);
        b->session->start();
        // The cached state is there before the network answers.
        b->session->openChannel(b->model.get(), f.channelId);
        QCOMPARE(b->texts(), expected.mid(0, 3));
        QVERIFY(waitSynced(*b));
        QTRY_COMPARE(b->texts(), expected);
        QVERIFY(strictlyConsecutive(*b->model));
        QCOMPARE(b->session->cursor(f.channelId), b->model->messageAt(b->model->rowCount() - 1).seq);
    }
};

QTEST_GUILESS_MAIN(TestClientStack)
#include "tst_clientstack.moc"
