#include "clientstack.h"
#include "testclient.h"
#include "testserver.h"

#include "data/emojicatalog.h"
#include "inlineeditor.h"
#include "messageactioncontroller.h"
#include "messagedelegate.h"
#include "messageview.h"
#include "models/emojimodel.h"
#include "models/threadmodel.h"
#include "session/messageactions.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBuffer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUuid>
#include <QTest>

// Issue 11, part A against a real natter-server: edits (and a refused one), deletes (by an admin too),
// reactions (and one refused offline), pins, threads with paging and live replies, as the other user sees
// them live and after a reconnect with `sync`; plus the emoji data and the Markdown layout cache.
using namespace Natter::Client;
using Natter::Wire::Id;

class TestConversation : public QObject
{
    Q_OBJECT

    struct Fixture
    {
        TestServer server { QStringList { QStringLiteral("--rate-limit"), QStringLiteral("0") } };
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
            channelId = rest.createChannel(alice, QStringLiteral("general"), QStringLiteral("public"), { bob.id });
            return !channelId.isEmpty();
        }
        // Posts TEXT as WHO through REST (optionally as a reply) and returns the message id.
        QString post(const TestAccount &who, const QString &text, const QString &parentId = {})
        {
            RestClient rest(server);
            QJsonObject body { { QStringLiteral("clientMsgId"), QUuid::createUuid().toString() },
                { QStringLiteral("text"), text } };
            if (!parentId.isEmpty()) body.insert(QStringLiteral("parentId"), parentId);
            return rest.post(QStringLiteral("/api/v1/channels/%1/messages").arg(channelId), body, who.token)
                .json.value(QStringLiteral("id"))
                .toString();
        }
        std::unique_ptr<ClientStack> open(const TestAccount &who)
        {
            auto c = std::make_unique<ClientStack>(
                server.httpUrl(), who.token, dir.filePath(who.username + QStringLiteral(".sqlite")));
            c->session->start();
            if (!QTest::qWaitFor([&] { return c->session->isSynced(); }, 20000)) return nullptr;
            c->session->openChannel(c->model.get(), Id::fromString(channelId));
            QTest::qWaitFor([&] { return !c->model->isLoading(); }, 10000);
            return c;
        }
    };

    static Message byText(const MessageListModel &model, const QString &text)
    {
        for (int i = 0; i < model.rowCount(); ++i)
            if (model.messageAt(i).text == text) return model.messageAt(i);
        return {};
    }
    static Message byId(const MessageListModel &model, const QString &id)
    {
        const int row = model.rowOfId(Id::fromString(id));
        return row >= 0 ? model.messageAt(row) : Message();
    }
    // Waits for DONE's callback and returns its error sentence.
    struct Answer
    {
        bool called = false;
        QString error;
        MessageActions::Done done()
        {
            return [this](const QString &e) {
                called = true;
                error = e;
            };
        }
    };

private slots:
    void emojiCatalogComesFromUnicodeData()
    {
        const EmojiCatalog &catalog = EmojiCatalog::builtIn();
        QVERIFY(catalog.emoji().size() > 1000);
        QVERIFY(catalog.groups().contains(QStringLiteral("Smileys & Emotion")));
        QVERIFY(!catalog.groups().contains(QStringLiteral("Component")));
        QVERIFY(catalog.indexOf(QStringLiteral("👍")) >= 0);
        const QList<int> thumbs = catalog.search(QStringLiteral("thumbs up"));
        QVERIFY(!thumbs.isEmpty());
        QCOMPARE(catalog.emoji().at(thumbs.first()).text, QStringLiteral("👍"));

        QByteArray text("# group: Smileys & Emotion\n1F600 ; fully-qualified # \xF0\x9F\x98\x80 E1.0 grinning face\n"
                        "263A ; unqualified # \xE2\x98\xBA E0.6 smiling face\n"
                        "1F44B 1F3FB ; fully-qualified # x E1.0 waving hand: light skin tone\n");
        QBuffer buffer(&text);
        buffer.open(QIODevice::ReadOnly);
        const EmojiCatalog small = EmojiCatalog::read(buffer);
        QCOMPARE(small.emoji().size(), 1);
        QCOMPARE(small.emoji().first().name, QStringLiteral("grinning face"));
    }

    void emojiModelPutsRecentsFirstAndSearches()
    {
        EmojiModel model(EmojiCatalog::builtIn());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int all = model.rowCount();
        model.noteUsed(QStringLiteral("🎉"));
        model.noteUsed(QStringLiteral("👍"));
        QCOMPARE(model.rowCount(), all + 2);
        QCOMPARE(model.index(0).data(EmojiModel::EmojiRole).toString(), QStringLiteral("👍"));
        QCOMPARE(model.index(1).data(EmojiModel::EmojiRole).toString(), QStringLiteral("🎉"));
        QVERIFY(model.index(0).data(EmojiModel::RecentRole).toBool());
        model.setFilter(QStringLiteral("party"));
        QVERIFY(model.rowCount() >= 1);
        for (int i = 0; i < model.rowCount(); ++i)
            QVERIFY(model.index(i).data(EmojiModel::NameRole).toString().contains(QStringLiteral("party")));
        model.setFilter({});
        model.setGroup(1);
        QVERIFY(model.rowCount() > 0 && model.rowCount() < all);
    }

    void markdownLayoutsAreCachedPerMessageAndWidth()
    {
        QCOMPARE(MessageLayoutCache::chatMarkdown(QStringLiteral("a\nb")), QStringLiteral("a\\\nb"));
        QCOMPARE(MessageLayoutCache::chatMarkdown(QStringLiteral("x\n- a\n- b")), QStringLiteral("x\n- a\n- b"));
        QCOMPARE(MessageLayoutCache::chatMarkdown(QStringLiteral("```\na\nb\n```")), QStringLiteral("```\na\nb\n```"));
    }

    void editIsAppliedAndARefusedEditShowsTheServersReason()
    {
        Fixture f;
        QVERIFY(f.setUp());
        const QString aliceMsg = f.post(f.alice, QStringLiteral("Lunch at *noon*?"));
        auto a = f.open(f.alice);
        auto b = f.open(f.bob);
        QVERIFY(a && b);
        QAbstractItemModelTester ta(a->model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester tb(b->model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY(a->model->rowOfId(Id::fromString(aliceMsg)) >= 0);

        Answer ok;
        a->session->actions()->edit(Id::fromString(aliceMsg), QStringLiteral("Lunch at **one**?"), ok.done());
        QTRY_VERIFY(ok.called);
        QCOMPARE(ok.error, QString());
        QVERIFY(byId(*a->model, aliceMsg).isEdited());
        QTRY_COMPARE(byId(*b->model, aliceMsg).text, QStringLiteral("Lunch at **one**?"));
        QVERIFY(byId(*b->model, aliceMsg).isEdited());

        // Bob may not edit Alice's message: the view he edits in shows the server's reason under the editor.
        MessageView view;
        view.resize(700, 500);
        view.setMessageModel(b->model.get());
        MessageActionController controller(&view, b->session.get(), false);
        view.show();
        QVERIFY(!view.permissionsFor(byId(*b->model, aliceMsg)).canEdit);
        view.startEdit(b->model->rowOfId(Id::fromString(aliceMsg)));
        QVERIFY(view.isEditing());
        view.editor()->setText(QStringLiteral("hacked"));
        QTest::keyClick(view.editor()->focusProxy(), Qt::Key_Return);
        QTRY_VERIFY(!view.editor()->error().isEmpty());
        QVERIFY2(view.editor()->error().contains(QStringLiteral("author"), Qt::CaseInsensitive)
                || view.editor()->error().contains(QStringLiteral("Not allowed")),
            qPrintable(view.editor()->error()));
        QVERIFY(view.isEditing()); // the text stays for another try
        QTest::keyClick(view.editor()->focusProxy(), Qt::Key_Escape);
        QTRY_VERIFY(!view.isEditing());
        QCOMPARE(byId(*b->model, aliceMsg).text, QStringLiteral("Lunch at **one**?"));
    }

    void ownerDeletesOthersMessagesMembersCannot()
    {
        Fixture f;
        QVERIFY(f.setUp());
        const QString bobMsg = f.post(f.bob, QStringLiteral("spam spam"));
        const QString aliceMsg = f.post(f.alice, QStringLiteral("house rules"));
        auto a = f.open(f.alice);
        auto b = f.open(f.bob);
        QVERIFY(a && b);
        QAbstractItemModelTester tb(b->model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY(a->model->rowOfId(Id::fromString(bobMsg)) >= 0 && b->model->rowOfId(Id::fromString(aliceMsg)) >= 0);
        // Alice owns the channel; Bob is a plain member.
        QVERIFY(a->session->actions()->canDelete(byId(*a->model, bobMsg)));
        QVERIFY(!b->session->actions()->canDelete(byId(*b->model, aliceMsg)));
        QVERIFY(b->session->actions()->canDelete(byId(*b->model, bobMsg)));

        Answer refused;
        b->session->actions()->remove(Id::fromString(aliceMsg), refused.done());
        QTRY_VERIFY(refused.called);
        QVERIFY(!refused.error.isEmpty());
        QVERIFY(!byId(*b->model, aliceMsg).isDeleted());

        Answer done;
        a->session->actions()->remove(Id::fromString(bobMsg), done.done());
        QTRY_VERIFY(done.called);
        QCOMPARE(done.error, QString());
        QTRY_VERIFY(byId(*b->model, bobMsg).isDeleted());
        QTRY_VERIFY(byId(*a->model, bobMsg).isDeleted());
        QCOMPARE(byId(*b->model, bobMsg).text, QString());
    }

    void reactionsToggleAndOfflineIsRefusedClearly()
    {
        Fixture f;
        QVERIFY(f.setUp());
        const QString msg = f.post(f.alice, QStringLiteral("ship it?"));
        auto a = f.open(f.alice);
        auto b = f.open(f.bob);
        QVERIFY(a && b);
        QAbstractItemModelTester ta(a->model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY(a->model->rowOfId(Id::fromString(msg)) >= 0 && b->model->rowOfId(Id::fromString(msg)) >= 0);
        const Id id = Id::fromString(msg);

        Answer r1, r2;
        a->session->actions()->react(id, QStringLiteral("👍"), true, r1.done());
        b->session->actions()->react(id, QStringLiteral("👍"), true, r2.done());
        QTRY_VERIFY(r1.called && r2.called);
        QTRY_COMPARE(byId(*a->model, msg).reactions.value(0).count, 2);
        QVERIFY(byId(*a->model, msg).reactions.value(0).me);
        QTRY_COMPARE(byId(*b->model, msg).reactions.value(0).count, 2);
        QVERIFY(byId(*b->model, msg).reactions.value(0).me);

        Answer off;
        b->session->actions()->react(id, QStringLiteral("👍"), false, off.done());
        QTRY_VERIFY(off.called);
        QTRY_COMPARE(byId(*a->model, msg).reactions.value(0).count, 1);
        QVERIFY(byId(*a->model, msg).reactions.value(0).me);

        // Offline: refused at once with a sentence, and nothing changes.
        b->session->stop();
        QTRY_VERIFY(!b->session->isSynced() || b->session->connectionState() != Session::ConnectionState::Connected);
        MessageView view;
        view.setMessageModel(b->model.get());
        MessageActionController controller(&view, b->session.get(), false);
        view.show();
        controller.toggleReaction(byId(*b->model, msg), QStringLiteral("🎉"));
        QVERIFY2(view.noticeText().contains(QStringLiteral("offline")), qPrintable(view.noticeText()));
        QCOMPARE(byId(*b->model, msg).reactions.size(), 1);
        // Edit, delete and pin are refused the same way (not queued, never dropped silently), and the message
        // stays as it was.
        Answer edit, remove, pin;
        b->session->actions()->edit(id, QStringLiteral("changed offline"), edit.done());
        b->session->actions()->remove(id, remove.done());
        b->session->actions()->setPinned(id, true, pin.done());
        QTRY_VERIFY(edit.called && remove.called && pin.called);
        for (const Answer *a : { &edit, &remove, &pin })
            QVERIFY2(a->error.contains(QStringLiteral("offline")), qPrintable(a->error));
        QCOMPARE(byId(*b->model, msg).text, QStringLiteral("ship it?"));
        QVERIFY(!byId(*b->model, msg).isDeleted());
    }

    void threadPanelPagesAndReceivesLiveReplies()
    {
        Fixture f;
        QVERIFY(f.setUp());
        const QString root = f.post(f.alice, QStringLiteral("Release notes thread"));
        for (int i = 1; i <= 25; ++i)
            QVERIFY(!f.post(i % 2 ? f.bob : f.alice, QStringLiteral("note %1").arg(i), root).isEmpty());
        f.post(f.alice, QStringLiteral("top level after"));
        auto a = f.open(f.alice);
        auto b = f.open(f.bob);
        QVERIFY(a && b);
        // Replies stay out of the channel's list; the root shows their count.
        QTRY_VERIFY(a->model->rowOfId(Id::fromString(root)) >= 0);
        QCOMPARE(a->model->rowCount(), 2);
        QCOMPARE(byId(*a->model, root).replyCount, 25);

        auto source = a->session->actions()->threadSource(byId(*a->model, root));
        ThreadModel thread(source.get());
        QAbstractItemModelTester tt(&thread, QAbstractItemModelTester::FailureReportingMode::QtTest);
        thread.setPageSize(10);
        a->session->attach(&thread);
        thread.setRoot(byId(*a->model, root));
        QTRY_COMPARE(thread.rowCount(), 10);
        QCOMPARE(thread.messageAt(9).text, QStringLiteral("note 25"));
        while (thread.canFetchMore({})) {
            thread.fetchMore({});
            QTRY_VERIFY(!thread.isLoading());
        }
        QCOMPARE(thread.rowCount(), 26);
        QCOMPARE(thread.messageAt(0).id.toString(), root); // the root heads the thread
        QCOMPARE(thread.messageAt(1).text, QStringLiteral("note 1"));

        // Bob replies from his client: Alice's thread gets it live, her channel list does not, and the root's
        // count moves in both of Alice's lists.
        Answer sent;
        const QString clientMsgId = b->session->actions()->sendReply(byId(*b->model, root), QStringLiteral("LGTM"), sent.done());
        QVERIFY(!clientMsgId.isEmpty());
        QTRY_VERIFY(sent.called);
        QCOMPARE(sent.error, QString());
        QTRY_COMPARE(thread.rowCount(), 27);
        QCOMPARE(thread.messageAt(26).text, QStringLiteral("LGTM"));
        QTRY_COMPARE(byId(*a->model, root).replyCount, 26);
        QTRY_COMPARE(thread.messageAt(0).replyCount, 26);
        QCOMPARE(a->model->rowCount(), 2);
        QVERIFY(a->model->index(a->model->rowOfId(Id::fromString(root))).data(MessageListModel::LastReplyAtRole).toDateTime().isValid());

        // Offline, a reply is refused at once and not shown.
        b->session->stop();
        QTRY_VERIFY(b->session->connectionState() != Session::ConnectionState::Connected);
        Answer offline;
        QVERIFY(b->session->actions()->sendReply(byId(*b->model, root), QStringLiteral("lost?"), offline.done()).isEmpty());
        QVERIFY(offline.error.contains(QStringLiteral("offline")));
    }

    void otherUserSeesEverythingLiveAndAfterReconnect()
    {
        Fixture f;
        QVERIFY(f.setUp());
        const QString first = f.post(f.alice, QStringLiteral("first"));
        const QString second = f.post(f.alice, QStringLiteral("second"));
        const QString third = f.post(f.alice, QStringLiteral("third"));
        auto a = f.open(f.alice);
        auto b = f.open(f.bob);
        QVERIFY(a && b);
        QAbstractItemModelTester tb(b->model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY(b->model->rowOfId(Id::fromString(third)) >= 0);
        MessageActions *act = a->session->actions();
        Answer e, p, r;
        act->edit(Id::fromString(first), QStringLiteral("first (fixed)"), e.done());
        act->setPinned(Id::fromString(second), true, p.done());
        act->react(Id::fromString(third), QStringLiteral("🚀"), true, r.done());
        QTRY_VERIFY(e.called && p.called && r.called);
        QTRY_COMPARE(byId(*b->model, first).text, QStringLiteral("first (fixed)"));
        QTRY_VERIFY(b->model->isPinned(Id::fromString(second)));
        QTRY_COMPARE(byId(*b->model, third).reactions.value(0).emoji, QStringLiteral("🚀"));

        // Bob goes away; Alice changes things; Bob comes back and `sync` brings it all.
        b->session->stop();
        QTRY_VERIFY(b->session->connectionState() == Session::ConnectionState::Disconnected);
        Answer d, u, r2, t;
        act->remove(Id::fromString(third), d.done());
        act->setPinned(Id::fromString(second), false, u.done());
        act->react(Id::fromString(first), QStringLiteral("👀"), true, r2.done());
        act->sendReply(byId(*a->model, second), QStringLiteral("a reply while Bob was away"), t.done());
        QTRY_VERIFY(d.called && u.called && r2.called && t.called);
        QCOMPARE(d.error + u.error + r2.error + t.error, QString());
        b->session->start();
        QTRY_VERIFY_WITH_TIMEOUT(b->session->isSynced(), 20000);
        QTRY_VERIFY(byId(*b->model, third).isDeleted());
        QTRY_VERIFY(!b->model->isPinned(Id::fromString(second)));
        QTRY_COMPARE(byId(*b->model, first).reactions.value(0).emoji, QStringLiteral("👀"));
        QTRY_COMPARE(byId(*b->model, second).replyCount, 1);
        QCOMPARE(b->model->rowCount(), 3); // the reply stays in its thread

        // A fresh client of Bob's (a restart) shows the same from the cache and the server.
        b.reset();
        auto b2 = f.open(f.bob);
        QVERIFY(b2);
        b2->session->actions()->loadPins(Id::fromString(f.channelId));
        QTRY_VERIFY(b2->model->rowOfId(Id::fromString(third)) >= 0);
        QVERIFY(byId(*b2->model, third).isDeleted());
        QCOMPARE(byId(*b2->model, first).text, QStringLiteral("first (fixed)"));
        QCOMPARE(byId(*b2->model, second).replyCount, 1);
    }
};

QTEST_MAIN(TestConversation)
#include "tst_conversation.moc"
