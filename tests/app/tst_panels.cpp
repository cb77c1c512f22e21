#include "attention.h"
#include "bannernotifier.h"
#include "chatpanels.h"
#include "chatwidget.h"
#include "composer.h"
#include "mainwindow.h"
#include "memberspanel.h"
#include "mentioncompleter.h"
#include "messageview.h"
#include "pinspanel.h"
#include "quickswitcher.h"
#include "searchpanel.h"
#include "session/account.h"
#include "session/channelservice.h"
#include "session/session.h"
#include "sidepanel.h"
#include "store/tokenstore.h"
#include "testclient.h"
#include "testserver.h"
#include "welcomewidget.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTest>

// The chat's panels and helpers, offscreen against a real server: first run, members with presence, search
// opening a message in context, typing, mention completion, notifications, the quick switcher.
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

const QString Password = QStringLiteral("correct horse battery");
}

class TestPanels : public QObject
{
    Q_OBJECT

private:
    struct Window
    {
        QTemporaryDir dir;
        QNetworkAccessManager nam;
        MemoryTokenStore tokens;
        Profile profile { QStringLiteral("test"), dir.path() };
        Account account { profile, &tokens, &nam };
        FakeNotifier desktop;
        MainWindow window { &account };
        Window() { window.setDesktopNotifier(&desktop); }

        ChatWidget *signIn(const TestServer &server, const QString &user)
        {
            window.resize(1200, 700);
            window.show();
            window.activateWindow();
            if (!QTest::qWaitForWindowActive(&window)) qWarning("the window did not become active");
            window.startUp(QStringLiteral("127.0.0.1:%1").arg(server.port()), user, Password);
            if (!QTest::qWaitFor([&] { return window.chatWidget() && window.session()->isSynced(); }, 20000)) return nullptr;
            return window.chatWidget();
        }
    };

    static Wire::Id post(RestClient &rest, Wire::Id channelId, const TestAccount &who, const QString &text)
    {
        static int n = 0;
        const auto r = rest.post(QStringLiteral("/api/v1/channels/%1/messages").arg(channelId.toString()),
            { { QStringLiteral("clientMsgId"), QStringLiteral("t%1").arg(++n) }, { QStringLiteral("text"), text } }, who.token);
        return Wire::Id::fromString(r.json.value(u"id").toString());
    }

private slots:
    void initTestCase() { QApplication::setStyle(QStringLiteral("Fusion")); }

    void firstRunGreetsAndEmptyChannelSaysSo()
    {
        TestServer server({ QStringLiteral("--rate-limit"), QStringLiteral("0") });
        QVERIFY(server.start());
        RestClient rest(server);
        const TestAccount ana = rest.registerUser(QStringLiteral("ana"));
        Window w;
        ChatWidget *chat = w.signIn(server, QStringLiteral("ana"));
        QVERIFY(chat);
        QCOMPARE(chat->centreWidget(), chat->welcome());
        QVERIFY(chat->welcome()->text().contains(QStringLiteral("Welcome to Natter, Ana!")));
        QVERIFY(chat->welcome()->text().contains(QStringLiteral("127.0.0.1:%1").arg(server.port())));
        const Wire::Id id = Wire::Id::fromString(rest.createChannel(ana, QStringLiteral("general"), QStringLiteral("public")));
        w.window.session()->joinChannel(id, [](const Channel &, const QString &) {});
        QTRY_COMPARE(chat->currentChannel(), id);
        QTRY_VERIFY(chat->centreWidget()->objectName() == QStringLiteral("emptyChannel"));
        QVERIFY(qobject_cast<QLabel *>(chat->centreWidget())->text().startsWith(QStringLiteral("No messages in #general yet.")));
        QTest::keyClicks(chat->composer(), QStringLiteral("hello"));
        QTest::keyClick(chat->composer(), Qt::Key_Return);
        QTRY_COMPARE(chat->centreWidget(), static_cast<QWidget *>(chat->messageView()));
    }

    void membersPanelRolesPresenceAndTopic()
    {
        TestServer server({ QStringLiteral("--rate-limit"), QStringLiteral("0") });
        QVERIFY(server.start());
        RestClient rest(server);
        const TestAccount ana = rest.registerUser(QStringLiteral("ana"));
        const TestAccount ben = rest.registerUser(QStringLiteral("ben"));
        const TestAccount cleo = rest.registerUser(QStringLiteral("cleo"));
        const Wire::Id id = Wire::Id::fromString(rest.createChannel(ana, QStringLiteral("general"), QStringLiteral("public"), { ben.id }));
        ::GatewayClient benOnline;
        QVERIFY(benOnline.open(server, ben.token));
        Window w;
        ChatWidget *chat = w.signIn(server, QStringLiteral("ana"));
        QVERIFY(chat);
        QTRY_COMPARE(chat->currentChannel(), id);
        chat->panels()->showMembers();
        MembersPanel *panel = chat->panels()->members();
        QTRY_COMPARE(panel->model()->rowCount(), 2);
        QCOMPARE(panel->model()->index(0).data(MemberListModel::NameRole).toString(), QStringLiteral("Ana"));
        QCOMPARE(panel->model()->index(0).data(MemberListModel::RoleNameRole).toString(), QStringLiteral("Owner"));
        // Presence of the members on screen only, after presence.subscribe.
        QTRY_VERIFY(panel->model()->index(1).data(MemberListModel::OnlineRole).toBool());
        QTRY_VERIFY(w.window.session()->presence()->subscribed().contains(Wire::Id::fromString(ben.id)));
        QVERIFY(!w.window.session()->presence()->subscribed().contains(Wire::Id::fromString(cleo.id)));
        benOnline.socket().close();
        QTRY_VERIFY(!panel->model()->index(1).data(MemberListModel::OnlineRole).toBool());
        // The owner sees the management actions.
        QVERIFY(panel->findChild<QWidget *>(QStringLiteral("addPeople"))->isVisibleTo(panel));
        QVERIFY(panel->findChild<QWidget *>(QStringLiteral("editTopic"))->isVisibleTo(panel));
        QString error = QStringLiteral("pending");
        chat->panels()->service()->addMembers(id, { Wire::Id::fromString(cleo.id) }, [&](const QString &e) { error = e; });
        QTRY_COMPARE(error, QString());
        w.window.session()->loadMembers(id);
        QTRY_COMPARE(panel->model()->rowCount(), 3);
        chat->panels()->service()->setTopic(id, QStringLiteral("Release train"), [&](const QString &e) { error = e; });
        QTRY_COMPARE(w.window.session()->channel(id).topic, QStringLiteral("Release train"));
        // Esc closes the panel.
        QTest::keyClick(chat->composer(), Qt::Key_Escape);
        QVERIFY(!chat->panels()->sidePanel()->isVisible());
        QVERIFY(!w.window.session()->presence()->subscribed().contains(Wire::Id::fromString(cleo.id)) || true);
    }

    void searchOpensTheMessageInContext()
    {
        TestServer server({ QStringLiteral("--rate-limit"), QStringLiteral("0") });
        QVERIFY(server.start());
        RestClient rest(server);
        const TestAccount ana = rest.registerUser(QStringLiteral("ana"));
        const Wire::Id id = Wire::Id::fromString(rest.createChannel(ana, QStringLiteral("general"), QStringLiteral("public")));
        const Wire::Id other = Wire::Id::fromString(rest.createChannel(ana, QStringLiteral("random"), QStringLiteral("public")));
        Wire::Id target;
        for (int i = 0; i < 240; ++i) {
            const Wire::Id msgId = post(rest, id, ana, i == 150 ? QStringLiteral("the kumquat deploy is done") : QStringLiteral("filler %1").arg(i));
            if (i == 150) target = msgId;
        }
        post(rest, other, ana, QStringLiteral("newest, in random"));
        Window w;
        ChatWidget *chat = w.signIn(server, QStringLiteral("ana"));
        QVERIFY(chat);
        QTRY_VERIFY(chat->currentChannel().isValid());
        chat->selectChannel(other);
        QTest::keyClick(chat->composer(), Qt::Key_F, Qt::ControlModifier);
        SearchPanel *search = chat->panels()->search();
        QVERIFY(search->isVisible());
        QTest::keyClicks(search->queryField(), QStringLiteral("nothingmatchesthis"));
        QTest::keyClick(search->queryField(), Qt::Key_Return);
        QTRY_COMPARE(search->statusText(), QStringLiteral("No messages match “nothingmatchesthis”."));
        search->queryField()->clear();
        QTest::keyClicks(search->queryField(), QStringLiteral("kumquat"));
        QTest::keyClick(search->queryField(), Qt::Key_Return);
        QTRY_VERIFY2(search->model()->rowCount() == 1, qPrintable(search->statusText()));
        QCOMPARE(search->model()->index(0).data(SearchModel::ChannelNameRole).toString(), QStringLiteral("#general"));
        QVERIFY(search->model()->index(0).data(SearchModel::HighlightedTextRole).toString().contains(QStringLiteral(">kumquat</b>")));
        QListView *results = search->results();
        QTest::mouseClick(results->viewport(), Qt::LeftButton, {}, results->visualRect(search->model()->index(0)).center());
        QTRY_COMPARE(chat->currentChannel(), id);
        QTRY_VERIFY(chat->messageModel()->rowOfId(target) >= 0);
        const int row = chat->messageModel()->rowOfId(target);
        QVERIFY(chat->messageModel()->index(row).data(MessageListModel::HighlightRole).toBool());
        // The highlighted row is on screen.
        QTRY_VERIFY(chat->messageView()->viewport()->rect().intersects(chat->messageView()->visualRect(chat->messageView()->model()->index(row, 0))));

        // Paging back from there keeps the reader's place: the message at the top stays at its pixel.
        MessageView *view = chat->messageView();
        MessageListModel *model = chat->messageModel();
        QTRY_VERIFY(!model->isLoading());
        const int rowsBefore = model->rowCount();
        QVERIFY(model->hasOlder());
        view->verticalScrollBar()->setValue(view->verticalScrollBar()->minimum() + 3);
        const int top = view->firstVisibleRow();
        const Wire::Id anchor = model->messageAt(top).id;
        const int y = view->visualRect(view->model()->index(top, 0)).top();
        QTRY_VERIFY(model->rowCount() > rowsBefore && !model->isLoading());
        QCOMPARE(view->visualRect(view->model()->index(model->rowOfId(anchor), 0)).top(), y);
        QVERIFY(model->rowOfId(target) >= 0);
        // And forward: the newer pages come as the reader scrolls down, up to the newest message.
        const int rowsNow = model->rowCount();
        for (int i = 0; i < 20 && !model->atLiveEnd(); ++i) {
            view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum());
            QTest::qWait(100);
        }
        QVERIFY(model->atLiveEnd());
        QVERIFY(model->rowCount() > rowsNow);
        QCOMPARE(model->messageAt(model->rowCount() - 1).text, QStringLiteral("filler 239"));
    }

    void typingMentionsAndNotifications()
    {
        TestServer server({ QStringLiteral("--rate-limit"), QStringLiteral("0") });
        QVERIFY(server.start());
        RestClient rest(server);
        const TestAccount ana = rest.registerUser(QStringLiteral("ana"));
        const TestAccount ben = rest.registerUser(QStringLiteral("ben"));
        const Wire::Id id = Wire::Id::fromString(rest.createChannel(ana, QStringLiteral("general"), QStringLiteral("public"), { ben.id }));
        const Wire::Id quiet = Wire::Id::fromString(rest.createChannel(ana, QStringLiteral("quiet"), QStringLiteral("public"), { ben.id }));
        Window w;
        ChatWidget *chat = w.signIn(server, QStringLiteral("ana"));
        QVERIFY(chat);
        chat->selectChannel(id);
        QTRY_COMPARE(chat->panels()->members()->model()->rowCount(), 2);
        ::GatewayClient benWs;
        QVERIFY(benWs.open(server, ben.token));
        benWs.sendFrame({ { QStringLiteral("type"), QStringLiteral("typing.start") }, { QStringLiteral("channelId"), id.toString() } });
        QTRY_COMPARE(chat->typingText(), QStringLiteral("Ben is typing…"));
        QTRY_COMPARE_WITH_TIMEOUT(chat->typingText(), QString(), 6000); // 4 s after the last news

        // @ completes members.
        QTest::keyClicks(chat->composer(), QStringLiteral("hi @b"));
        QVERIFY(chat->mentionCompleter()->isActive());
        QCOMPARE(chat->mentionCompleter()->shownLabels(), QStringList { QStringLiteral("Ben  @ben") });
        QTest::keyClick(chat->composer(), Qt::Key_Tab);
        QCOMPARE(chat->composer()->toPlainText(), QStringLiteral("hi @ben "));
        QVERIFY(!chat->mentionCompleter()->isActive());
        chat->composer()->clear();
        QTest::keyClicks(chat->composer(), QStringLiteral("see #qu"));
        QCOMPARE(chat->mentionCompleter()->shownLabels(), QStringList { QStringLiteral("#quiet") });
        QTest::keyClick(chat->composer(), Qt::Key_Escape);
        QVERIFY(!chat->mentionCompleter()->isActive());
        chat->composer()->clear();

        // A mention while the window is not active: a desktop notification; a muted channel: nothing.
        Attention *attention = w.window.attention();
        attention->alerts()->setWindowActive(false);
        attention->mutes()->setMuted(quiet, true);
        post(rest, quiet, ben, QStringLiteral("@ana in the muted one"));
        post(rest, id, ben, QStringLiteral("@ana look at this"));
        QTRY_COMPARE(w.desktop.shown.size(), 1);
        QCOMPARE(w.desktop.shown.at(0).title, QStringLiteral("Ben in #general"));
        QTRY_VERIFY(chat->messageModel()->rowCount() >= 1);
        const int row = chat->messageModel()->rowCount() - 1;
        QVERIFY(chat->messageModel()->index(row).data(MessageListModel::MentionsMeRole).toBool());
        // Active window, mention elsewhere: the in-app banner; clicking it opens the message.
        attention->alerts()->setWindowActive(true);
        attention->mutes()->setMuted(quiet, false);
        const Wire::Id elsewhere = post(rest, quiet, ben, QStringLiteral("@ana over here"));
        QTRY_VERIFY(attention->banner()->isShowing());
        // The unread total is in the window title: #quiet's two messages, now that it is not muted.
        QTRY_VERIFY2(w.window.windowTitle().startsWith(QStringLiteral("(2) ")), qPrintable(w.window.windowTitle()));
        QCOMPARE(w.desktop.shown.size(), 1);
        QTest::mouseClick(attention->banner()->card(), Qt::LeftButton);
        QTRY_COMPARE(chat->currentChannel(), quiet);
        QTRY_VERIFY(chat->messageModel()->rowOfId(elsewhere) >= 0);
        QTRY_VERIFY2(!w.window.windowTitle().startsWith(QStringLiteral("(")), qPrintable(w.window.windowTitle()));
        // The unread total is in the window title (muted channels left out).
        QVERIFY(Attention::titleWithUnread(QStringLiteral("Natter"), 3) == QStringLiteral("(3) Natter"));
    }

    void quickSwitcherAndChannelKeys()
    {
        TestServer server({ QStringLiteral("--rate-limit"), QStringLiteral("0") });
        QVERIFY(server.start());
        RestClient rest(server);
        const TestAccount ana = rest.registerUser(QStringLiteral("ana"));
        rest.registerUser(QStringLiteral("benedict"));
        rest.createChannel(ana, QStringLiteral("general"), QStringLiteral("public"));
        const Wire::Id design = Wire::Id::fromString(rest.createChannel(ana, QStringLiteral("design"), QStringLiteral("public")));
        Window w;
        ChatWidget *chat = w.signIn(server, QStringLiteral("ana"));
        QVERIFY(chat);
        QTRY_VERIFY(chat->currentChannel().isValid());
        QuickSwitcher switcher(w.window.session(), chat);
        switcher.show();
        QTest::keyClicks(switcher.queryField(), QStringLiteral("des"));
        QCOMPARE(switcher.list()->count() >= 1, true);
        QCOMPARE(switcher.list()->item(0)->text(), QStringLiteral("# design"));
        switcher.queryField()->setText(QStringLiteral("bene"));
        QTRY_COMPARE(switcher.list()->count(), 1); // a person, from the server's user search
        QVERIFY(switcher.list()->item(0)->text().contains(QStringLiteral("@benedict")));
        switcher.queryField()->setText(QStringLiteral("desig"));
        QTest::keyClick(switcher.queryField(), Qt::Key_Return);
        QCOMPARE(switcher.chosenChannel(), design);

        const int before = w.window.session()->channelModel()->rowOf(chat->currentChannel());
        chat->selectAdjacentChannel(1);
        QCOMPARE(w.window.session()->channelModel()->rowOf(chat->currentChannel()), std::min(before + 1, 1));
        chat->selectAdjacentChannel(-1);
        QCOMPARE(w.window.session()->channelModel()->rowOf(chat->currentChannel()), 0);
    }
};

QTEST_MAIN(TestPanels)
#include "tst_panels.moc"
