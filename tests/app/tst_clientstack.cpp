#include "clientstack.h"
#include "testclient.h"
#include "testserver.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <signal.h>

// The client core against a real natter-server: live exchange, the outbox across a server restart, and
// catching up through `sync` after being offline.
using namespace Natter::Client;
namespace Wire = Natter::Wire;

class TestClientStack : public QObject
{
    Q_OBJECT

private:
    static constexpr int ReconnectWaitMs = 60000;

    struct Fixture
    {
        explicit Fixture(QStringList serverArgs = {})
            : server(std::move(serverArgs))
        {
        }
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
            channelId = Wire::Id::fromString(
                rest.createChannel(alice, QStringLiteral("general"), QStringLiteral("public"), { bob.id }));
            return !alice.token.isEmpty() && !bob.token.isEmpty() && channelId.isValid();
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
        QCOMPARE(Natter::Client::GatewayClient::backoffDelay(0, 1000, 30000, 1.0), 1000);
        QCOMPARE(Natter::Client::GatewayClient::backoffDelay(1, 1000, 30000, 1.0), 2000);
        QCOMPARE(Natter::Client::GatewayClient::backoffDelay(4, 1000, 30000, 1.0), 16000);
        QCOMPARE(Natter::Client::GatewayClient::backoffDelay(5, 1000, 30000, 1.0), 30000);
        QCOMPARE(Natter::Client::GatewayClient::backoffDelay(40, 1000, 30000, 1.0), 30000);
        // Jitter spreads a reconnect storm over the upper half of each step.
        QCOMPARE(Natter::Client::GatewayClient::backoffDelay(2, 1000, 30000, 0.0), 2000);
        QCOMPARE(Natter::Client::GatewayClient::backoffDelay(2, 1000, 30000, 0.5), 3000);
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

        // Typing is relayed to the others, never back to the typer.
        QSignalSpy typingAtBob(b->session.get(), &Session::typingChanged);
        QSignalSpy typingAtAlice(a->session.get(), &Session::typingChanged);
        a->session->setTyping(f.channelId, true);
        QTRY_COMPARE(typingAtBob.size(), 1);
        QCOMPARE(typingAtBob.at(0).at(1).value<Wire::Id>(), Wire::Id::fromString(f.alice.id));
        QVERIFY(typingAtBob.at(0).at(2).toBool());
        QCOMPARE(typingAtAlice.size(), 0);
    }

    void reactionsPinsAndDeletesReachTheModels()
    {
        Fixture f;
        QVERIFY(f.setUp());
        auto a = f.client(f.alice);
        auto b = f.client(f.bob);
        auto testerA = std::make_unique<QAbstractItemModelTester>(
            a->model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester testerB(
            b->model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        testerA->setUseFetchMore(false);
        testerB.setUseFetchMore(false);
        a->session->start();
        b->session->start();
        QVERIFY(waitSynced(*a));
        QVERIFY(waitSynced(*b));
        a->session->openChannel(a->model.get(), f.channelId);
        b->session->openChannel(b->model.get(), f.channelId);
        QTRY_VERIFY(!a->model->isLoading() && !b->model->isLoading());
        a->session->sendMessage(f.channelId, QStringLiteral("Ship it?"));
        a->session->sendMessage(f.channelId, QStringLiteral("Or wait for QA?"));
        QTRY_COMPARE(b->texts().size(), 2);
        QTRY_COMPARE(a->model->pendingCount(), 0);
        const Wire::Id messageId = a->model->messageAt(0).id;
        QCOMPARE(b->model->messageAt(0).id, messageId);

        // The chips of row 0 as "emoji count" with a star for the viewer's own reaction.
        const auto chips = [](const ClientStack &c) {
            QStringList out;
            for (const QVariant &v : c.model->index(0).data(MessageListModel::ReactionsRole).toList()) {
                const QVariantMap chip = v.toMap();
                out.append(chip.value(u"emoji"_qs).toString() + u' '
                    + QString::number(chip.value(u"count"_qs).toInt())
                    + (chip.value(u"me"_qs).toBool() ? u"*"_qs : QString()));
            }
            return out;
        };
        const QString thumbs = QStringLiteral("👍");
        const QString party = QStringLiteral("🎉");

        // Bob reacts: Alice sees his chip, Bob sees it as his own.
        b->session->setReaction(messageId, thumbs, true);
        QTRY_COMPARE(chips(*a), QStringList { thumbs + u" 1"_qs });
        QTRY_COMPARE(chips(*b), QStringList { thumbs + u" 1*"_qs });
        // Alice adds the same emoji: two, and hers on her side.
        a->session->setReaction(messageId, thumbs, true);
        QTRY_COMPARE(chips(*a), QStringList { thumbs + u" 2*"_qs });
        QTRY_COMPARE(chips(*b), QStringList { thumbs + u" 2*"_qs });
        // Bob repeats his: the server changes nothing and says nothing. The next reaction is the proof, as
        // events arrive in seq order.
        b->session->setReaction(messageId, thumbs, true);
        b->session->setReaction(messageId, party, true);
        QTRY_COMPARE(chips(*a), (QStringList { thumbs + u" 2*"_qs, party + u" 1"_qs }));
        QTRY_COMPARE(chips(*b), (QStringList { thumbs + u" 2*"_qs, party + u" 1*"_qs }));
        // Bob takes his thumb back.
        b->session->setReaction(messageId, thumbs, false);
        QTRY_COMPARE(chips(*a), (QStringList { thumbs + u" 1*"_qs, party + u" 1"_qs }));
        QTRY_COMPARE(chips(*b), (QStringList { thumbs + u" 1"_qs, party + u" 1*"_qs }));
        // Only the reacted message changed.
        QVERIFY(a->model->index(1).data(MessageListModel::ReactionsRole).toList().isEmpty());
        // The cache has the same aggregate, so a restart paints it.
        QCOMPARE(a->cache.message(f.channelId, messageId)->reactions,
            (QList<Wire::Reaction> { { thumbs, 1, true }, { party, 1, false } }));

        // A reaction while Alice is away reaches her through sync, into the cached page she shows at start.
        testerA.reset();
        a.reset();
        b->session->setReaction(messageId, party, false);
        QTRY_COMPARE(chips(*b), QStringList { thumbs + u" 1"_qs });
        a = f.client(f.alice);
        a->session->start();
        a->session->openChannel(a->model.get(), f.channelId);
        QVERIFY(waitSynced(*a));
        QTRY_COMPARE(chips(*a), QStringList { thumbs + u" 1*"_qs });

        // A pin shows on the row; unpinning takes it off.
        RestClient rest(f.server);
        const QString pinPath = u"/api/v1/messages/"_qs + messageId.toString() + u"/pin"_qs;
        QCOMPARE(rest.post(pinPath, {}, f.alice.token).status, 200);
        QTRY_VERIFY(b->model->index(0).data(MessageListModel::PinnedRole).toBool());
        QTRY_VERIFY(a->model->index(0).data(MessageListModel::PinnedRole).toBool());
        QVERIFY(!b->model->index(1).data(MessageListModel::PinnedRole).toBool());
        QCOMPARE(rest.del(pinPath, f.alice.token).status, 200);
        QTRY_VERIFY(!b->model->index(0).data(MessageListModel::PinnedRole).toBool());

        // A delete leaves the tombstone the server keeps: no text, no reactions, in the model and the cache.
        QCOMPARE(rest.del(u"/api/v1/messages/"_qs + messageId.toString(), f.alice.token).status, 204);
        QTRY_VERIFY(b->model->index(0).data(MessageListModel::DeletedRole).toBool());
        const Message tombstone = b->model->messageAt(0);
        QVERIFY(tombstone.text.isEmpty());
        QVERIFY(tombstone.reactions.isEmpty());
        QVERIFY(tombstone.deletedAt > 0);
        QCOMPARE(tombstone.seq, a->model->messageAt(0).seq);
        const std::optional<Message> cached = b->cache.message(f.channelId, messageId);
        QVERIFY(cached && cached->isDeleted());
        QVERIFY(cached->text.isEmpty() && cached->reactions.isEmpty());
        QCOMPARE(b->texts().at(1), QStringLiteral("Or wait for QA?"));
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
            QStringLiteral("/api/v1/channels/") + f.channelId.toString() + QStringLiteral("/messages"), f.bob.token);
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
        QCOMPARE(b->session->channel(f.channelId).unreadCount, 0); // it is the open channel
        QCOMPARE(b->session->channel(f.channelId).unreadCount, 0); // it is the open channel
        QCOMPARE(b->session->cursor(f.channelId), b->model->messageAt(b->model->rowCount() - 1).seq);
    }
    void outboxSurvivesAppRestart()
    {
        Fixture f;
        QVERIFY(f.setUp());
        const QStringList written { QStringLiteral("written on the train"),
            QStringLiteral("still no signal") };
        {
            auto a = f.client(f.alice);
            a->session->start();
            QVERIFY(waitSynced(*a));
            f.server.stop();
            QTRY_VERIFY(!a->gateway.isConnected());
            for (const QString &text : written)
                a->session->sendMessage(f.channelId, text);
            QCOMPARE(a->session->outboxSize(), 2);
        } // the app is closed with both still waiting
        QVERIFY(f.server.start());
        auto a = f.client(f.alice);
        a->session->start();
        a->session->openChannel(a->model.get(), f.channelId);
        QCOMPARE(a->model->pendingCount(), 2); // shown as sending straight from the cache
        QTRY_COMPARE_WITH_TIMEOUT(a->session->outboxSize(), 0, ReconnectWaitMs);
        QTRY_COMPARE(a->texts(), written);
        RestClient rest(f.server);
        const auto page = rest.get(
            QStringLiteral("/api/v1/channels/") + f.channelId.toString() + QStringLiteral("/messages"), f.bob.token);
        QStringList stored;
        for (const QJsonValue &v : page.json.value(u"messages").toArray())
            stored.append(v.toObject().value(u"text").toString());
        QCOMPARE(stored, written);
    }

    void refusedMessageIsMarkedFailed()
    {
        Fixture f;
        QVERIFY(f.setUp());
        auto a = f.client(f.alice);
        a->session->start();
        QVERIFY(waitSynced(*a));
        a->session->openChannel(a->model.get(), f.channelId);
        QTRY_VERIFY(!a->model->isLoading());
        const QString tooLong(4001, QLatin1Char('x'));
        const QString failedId = a->session->sendMessage(f.channelId, tooLong);
        a->session->sendMessage(f.channelId, QStringLiteral("short enough"));
        QTRY_COMPARE(a->model->index(a->model->rowOfClientMsgId(failedId))
                         .data(MessageListModel::SendStateRole)
                         .toInt(),
            int(SendState::Failed));
        // The refused one stays (with its retry action); the next one is not held up by it.
        QTRY_COMPARE(a->session->outboxSize(), 1);
        QTRY_COMPARE(a->model->confirmedCount(), 1);
        QCOMPARE(a->model->messageAt(0).text, QStringLiteral("short enough"));
        a->session->retry(failedId);
        QCOMPARE(a->model->index(a->model->rowOfClientMsgId(failedId))
                     .data(MessageListModel::SendStateRole)
                     .toInt(),
            int(SendState::Sending));
        QTRY_COMPARE(a->model->index(a->model->rowOfClientMsgId(failedId))
                         .data(MessageListModel::SendStateRole)
                         .toInt(),
            int(SendState::Failed));
    }

    void deadConnectionIsDetected()
    {
        // A short heartbeat so that two silent heartbeats pass quickly; SIGSTOP freezes the server with its
        // TCP connections open, which is what a dead network path looks like to the client.
        Fixture f({ QStringLiteral("--heartbeat-ms"), QStringLiteral("300") });
        QVERIFY(f.setUp());
        auto a = f.client(f.alice);
        a->session->start();
        QVERIFY(waitSynced(*a));
        QVERIFY(a->gateway.isConnected());
        QCOMPARE(::kill(pid_t(f.server.pid()), SIGSTOP), 0);
        const bool dropped = QTest::qWaitFor([&] { return !a->gateway.isConnected(); }, 20000);
        QCOMPARE(::kill(pid_t(f.server.pid()), SIGCONT), 0);
        QVERIFY(dropped);
        QTRY_VERIFY_WITH_TIMEOUT(a->gateway.isConnected() && a->session->isSynced(), ReconnectWaitMs);
        a->session->openChannel(a->model.get(), f.channelId);
        a->session->sendMessage(f.channelId, QStringLiteral("still here"));
        QTRY_COMPARE(a->session->outboxSize(), 0);
    }

    void resetRefetchesHistory()
    {
        Fixture f({ QStringLiteral("--rate-limit"), QStringLiteral("0") });
        QVERIFY(f.setUp());
        {
            auto b = f.client(f.bob);
            b->session->start();
            QVERIFY(waitSynced(*b));
            b->session->stop();
        }
        // More than the 1000 events sync replays: the server answers reset and the client reloads the newest
        // page.
        RestClient rest(f.server);
        constexpr int written = 1010;
        for (int i = 1; i <= written; ++i) {
            const auto r
                = rest.post(QStringLiteral("/api/v1/channels/") + f.channelId.toString() + QStringLiteral("/messages"),
                    { { QStringLiteral("clientMsgId"), QStringLiteral("seed-%1").arg(i) },
                        { QStringLiteral("text"), QStringLiteral("m%1").arg(i) } },
                    f.alice.token);
            QCOMPARE(r.status, 201);
        }
        auto b = f.client(f.bob);
        QAbstractItemModelTester tester(
            b->model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false);
        QSignalSpy resets(b->session.get(), &Session::channelReset);
        b->session->start();
        b->session->openChannel(b->model.get(), f.channelId);
        QVERIFY(waitSynced(*b));
        QCOMPARE(resets.size(), 1);
        QTRY_VERIFY(b->model->rowCount() > 0 && !b->model->isLoading());
        QCOMPARE(b->model->messageAt(b->model->rowCount() - 1).text, QStringLiteral("m%1").arg(written));
        QVERIFY(strictlyConsecutive(*b->model));
        QVERIFY(b->model->canFetchMore({}));
    }

    void createJoinAndDirectChannels()
    {
        Fixture f;
        QVERIFY(f.setUp());
        auto a = f.client(f.alice);
        auto b = f.client(f.bob);
        a->session->start();
        b->session->start();
        QVERIFY(waitSynced(*a));
        QVERIFY(waitSynced(*b));
        Channel created;
        QString error;
        a->session->createGroupChannel(
            QStringLiteral("design"), false, [&](const Channel &c, const QString &e) {
                created = c;
                error = e;
            });
        QTRY_VERIFY(created.id.isValid() || !error.isEmpty());
        QCOMPARE(error, QString());
        QVERIFY(a->session->channelModel()->rowOf(created.id) >= 0);
        QVERIFY(b->session->channelModel()->rowOf(created.id) < 0);

        Channel joined;
        b->session->joinChannel(created.id, [&](const Channel &c, const QString &e) {
            joined = c;
            error = e;
        });
        QTRY_VERIFY(joined.id.isValid() || !error.isEmpty());
        QCOMPARE(error, QString());
        QCOMPARE(joined.id, created.id);
        QVERIFY(b->session->channelModel()->rowOf(created.id) >= 0);

        Channel direct;
        a->session->openDirectChannel(Wire::Id::fromString(f.bob.id), [&](const Channel &c, const QString &e) {
            direct = c;
            error = e;
        });
        QTRY_VERIFY(direct.id.isValid() || !error.isEmpty());
        QCOMPARE(error, QString());
        QVERIFY(direct.isDirect());
        QCOMPARE(direct.name, QStringLiteral("Bob"));
        // Bob is connected, so his side of the direct channel shows him online, until he leaves.
        const auto bobOnline = [&] {
            const int row = a->session->channelModel()->rowOf(direct.id);
            return row >= 0
                && a->session->channelModel()->index(row).data(ChannelListModel::OnlineRole).toBool();
        };
        QTRY_VERIFY(bobOnline());
        b->session->stop();
        QTRY_VERIFY(!bobOnline());
        a->session->openChannel(a->model.get(), direct.id);
        a->session->sendMessage(direct.id, QStringLiteral("psst"));
        // Bob learns about the channel from the gateway (channel.added) or from its first message.
        QTRY_COMPARE(a->session->outboxSize(), 0);
    }
};

QTEST_GUILESS_MAIN(TestClientStack)
#include "tst_clientstack.moc"
