#include "chatwidget.h"
#include "composer.h"
#include "fakepagesource.h"
#include "host/localserver.h"
#include "mainwindow.h"
#include "messagelayout.h"
#include "messageview.h"
#include "models/messagelistmodel.h"
#include "session/account.h"
#include "session/session.h"
#include "signinwidget.h"
#include "store/tokenstore.h"
#include "testclient.h"
#include "testserver.h"
#include "testwindow.h"

#include <QApplication>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Natter::Client;

// The widgets, offscreen: sign-in errors, sending from the composer, and the scroll anchor across a prepend.
class TestWidgets : public QObject
{
    Q_OBJECT

private:
    using Window = TestWindow;

    static void submit(MainWindow &window, const QString &server, const QString &user,
        const QString &password, bool registering)
    {
        SignInWidget *s = window.signInWidget();
        s->setServer(server);
        s->setUsername(user);
        s->setPassword(password);
        s->setRegistering(registering);
        QTest::mouseClick(s->findChild<QPushButton *>(QStringLiteral("submit")), Qt::LeftButton);
    }

    // Host mode asks once who may join (a modal box): click BUTTON in it as soon as it is shown.
    static void answerReach(const QString &button)
    {
        QTimer::singleShot(0, [button] {
            QWidget *box = QApplication::activeModalWidget();
            QVERIFY(box && box->objectName() == QStringLiteral("askReach"));
            QTest::mouseClick(box->findChild<QPushButton *>(button), Qt::LeftButton);
        });
    }

private slots:
    void initTestCase() { QApplication::setStyle(QStringLiteral("Fusion")); }

    void signInUnreachableServer()
    {
        // A port that was free a moment ago: nothing listens there.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        Window w;
        w.window.show();
        w.window.startUp({});
        submit(w.window, QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("alice"),
            QStringLiteral("correct horse battery"), false);
        QTRY_VERIFY(w.window.signInWidget()->errorText().contains(QStringLiteral("Cannot reach the server")));
        QVERIFY(!w.window.chatWidget());
    }

    void hostServerFillsAddressAndRegisters()
    {
        Window w;
        w.window.startUp(QString());
        SignInWidget *s = w.window.signInWidget();
        auto *host = s->findChild<QPushButton *>(QStringLiteral("host"));
        QVERIFY(host);
        QCOMPARE(host->text(), QStringLiteral("Host a server on this computer"));
        answerReach(QStringLiteral("thisComputer"));
        QTest::mouseClick(host, Qt::LeftButton);
        QVERIFY(!host->isEnabled());
        QCOMPARE(host->text(), QStringLiteral("Starting the server…"));
        QTRY_VERIFY_WITH_TIMEOUT(host->isEnabled(), 20000);
        // HostController shows where the data lives (and, for the network, the addresses to share).
        auto *dataDir = s->findChild<QLabel *>(QStringLiteral("hostDataDir"));
        QVERIFY(dataDir);
        QVERIFY(dataDir->text().contains(QStringLiteral("server")));
        QVERIFY(s->server().startsWith(QStringLiteral("http://127.0.0.1:")));
        QVERIFY(s->isRegistering());
        QVERIFY(w.window.localServer()->isRunning());
        QCOMPARE(w.window.localServer()->dataDir(), w.profile.dataDir() + QStringLiteral("/server"));

        submit(w.window, s->server(), QStringLiteral("first"), QStringLiteral("correct horse"), true);
        QTRY_VERIFY_WITH_TIMEOUT(w.window.session() != nullptr, 30000);
    }

    void hostServerMissingBinaryShowsError()
    {
        const QByteArray previous = qgetenv("NATTER_SERVER_BIN");
        qputenv("NATTER_SERVER_BIN", "/nonexistent/natter-server");
        Window w;
        w.window.startUp(QString());
        SignInWidget *s = w.window.signInWidget();
        auto *host = s->findChild<QPushButton *>(QStringLiteral("host"));
        answerReach(QStringLiteral("thisComputer"));
        QTest::mouseClick(host, Qt::LeftButton);
        qputenv("NATTER_SERVER_BIN", previous);
        QTRY_VERIFY(s->errorText().contains(QStringLiteral("Could not host a server")));
        QVERIFY(host->isEnabled());
        QVERIFY(s->server().isEmpty());
    }

    void signInWrongPasswordAndNameTaken()
    {
        TestServer server;
        QVERIFY(server.start());
        RestClient(server).registerUser(QStringLiteral("alice"));
        const QString address = QStringLiteral("127.0.0.1:%1").arg(server.port());
        Window w;
        w.window.show();
        w.window.startUp({});
        submit(w.window, address, QStringLiteral("alice"), QStringLiteral("not her password"), false);
        QTRY_COMPARE(w.window.signInWidget()->errorText(), QStringLiteral("Wrong username or password."));
        submit(w.window, address, QStringLiteral("alice"), QStringLiteral("another password"), true);
        QTRY_VERIFY(w.window.signInWidget()->errorText().contains(QStringLiteral("already taken")));
        QVERIFY(!w.window.chatWidget());
        // And the right details get in.
        submit(w.window, address, QStringLiteral("alice"), QStringLiteral("correct horse battery"), false);
        QTRY_VERIFY(w.window.chatWidget());
    }

    void sendFromComposer()
    {
        TestServer server;
        QVERIFY(server.start());
        RestClient rest(server);
        const TestAccount alice = rest.registerUser(QStringLiteral("alice"));
        const Wire::Id channelId = Wire::Id::fromString(
            rest.createChannel(alice, QStringLiteral("general"), QStringLiteral("public")));
        Window w;
        w.window.resize(900, 600);
        w.window.show();
        w.window.startUp(QStringLiteral("127.0.0.1:%1").arg(server.port()), QStringLiteral("alice"),
            QStringLiteral("correct horse battery"));
        QTRY_VERIFY(w.window.chatWidget());
        ChatWidget *chat = w.window.chatWidget();
        QTRY_COMPARE(chat->currentChannel(), channelId);
        QTRY_VERIFY(w.window.session()->isSynced());
        Composer *composer = chat->composer();
        QCOMPARE(composer->placeholderText(), QStringLiteral("Message #general"));
        QTest::keyClicks(composer, QStringLiteral("First line"));
        QTest::keyClick(composer, Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClicks(composer, QStringLiteral("second line"));
        QCOMPARE(chat->messageModel()->rowCount(), 0); // Shift+Enter only breaks the line
        QTest::keyClick(composer, Qt::Key_Return);
        QCOMPARE(composer->toPlainText(), QString());
        QCOMPARE(chat->messageModel()->rowCount(), 1);
        QCOMPARE(chat->messageModel()->messageAt(0).text, QStringLiteral("First line\nsecond line"));
        QTRY_COMPARE(chat->messageModel()->index(0).data(MessageListModel::SendStateRole).toInt(),
            int(SendState::Sent));
        QCOMPARE(chat->messageModel()->rowCount(), 1);
        QCOMPARE(chat->bannerText(), QString());

        // Offline: the banner says so, and what is written waits as "sending" until the server is back.
        server.stop();
        QTRY_COMPARE(chat->bannerText(), QStringLiteral("Offline – messages will be sent when you're back"));
        QTest::keyClicks(composer, QStringLiteral("written offline"));
        QTest::keyClick(composer, Qt::Key_Enter);
        QCOMPARE(chat->messageModel()->rowCount(), 2);
        QCOMPARE(chat->messageModel()->index(1).data(MessageListModel::SendStateRole).toInt(),
            int(SendState::Sending));
        QVERIFY(server.start());
        QTRY_COMPARE_WITH_TIMEOUT(
            chat->messageModel()->index(1).data(MessageListModel::SendStateRole).toInt(),
            int(SendState::Sent), 60000);
        QCOMPARE(chat->bannerText(), QString());
        QCOMPARE(chat->messageModel()->rowCount(), 2);
    }

    void signOutRevokesToken()
    {
        TestServer server;
        QVERIFY(server.start());
        RestClient rest(server);
        rest.registerUser(QStringLiteral("alice"));
        Window w;
        w.window.show();
        w.window.startUp(QStringLiteral("127.0.0.1:%1").arg(server.port()), QStringLiteral("alice"),
            QStringLiteral("correct horse battery"));
        QTRY_VERIFY(w.window.chatWidget());
        QString token;
        const QUrl url = normalizeServerUrl(QStringLiteral("127.0.0.1:%1").arg(server.port()));
        w.tokens.readToken(
            w.profile.keychainKey(url, QStringLiteral("alice")), [&](const QString &t) { token = t; });
        QVERIFY(!token.isEmpty());
        QCOMPARE(rest.get(QStringLiteral("/api/v1/users/me"), token).status, 200);
        w.window.signOut();
        QVERIFY(!w.window.chatWidget());
        QTRY_COMPARE(rest.get(QStringLiteral("/api/v1/users/me"), token).status, 401);
        QString after;
        w.tokens.readToken(
            w.profile.keychainKey(url, QStringLiteral("alice")), [&](const QString &t) { after = t; });
        QCOMPARE(after, QString());
    }

    void startsFromCacheBeforeTheNetwork()
    {
        TestServer server;
        QVERIFY(server.start());
        RestClient rest(server);
        const TestAccount alice = rest.registerUser(QStringLiteral("alice"));
        const Wire::Id channelId = Wire::Id::fromString(
            rest.createChannel(alice, QStringLiteral("general"), QStringLiteral("public")));
        const QString address = QStringLiteral("127.0.0.1:%1").arg(server.port());
        QTemporaryDir dir;
        QNetworkAccessManager nam;
        MemoryTokenStore tokens; // stands in for the keychain across the two runs
        Profile profile(QStringLiteral("test"), dir.path());
        {
            Account firstAccount(profile, &tokens, &nam);
            MainWindow first(&firstAccount);
            first.show();
            first.startUp(address, QStringLiteral("alice"), QStringLiteral("correct horse battery"));
            QTRY_VERIFY(first.chatWidget() && first.session()->isSynced());
            // The channel is opened once the list has arrived; under load that can come after the sync.
            QTRY_COMPARE(first.chatWidget()->currentChannel(), channelId);
            first.session()->sendMessage(channelId, QStringLiteral("remember me"));
            QTRY_COMPARE(first.session()->outboxSize(), 0);
        }
        server.stop();
        Account secondAccount(profile, &tokens, &nam);
        MainWindow second(&secondAccount);
        second.show();
        second.startUp(QString());
        // No server at all, yet the last state is on screen.
        QVERIFY(second.chatWidget());
        QCOMPARE(second.chatWidget()->currentChannel(), channelId);
        QCOMPARE(second.chatWidget()->messageModel()->rowCount(), 1);
        QCOMPARE(second.chatWidget()->messageModel()->messageAt(0).text, QStringLiteral("remember me"));
        QCOMPARE(second.chatWidget()->bannerText(), QStringLiteral("Connecting…"));
    }

    void scrollPositionKeptAcrossPrepend()
    {
        FakePageSource source(5000);
        source.deferred = true;
        MessageListModel model(&source);
        MessageView view;
        view.resize(640, 480);
        view.setMessageModel(&model);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        model.setChannel(Wire::Id(100));
        QTRY_COMPARE(model.rowCount(), 50);
        QTRY_VERIFY(view.isAtBottom());
        QScrollBar *bar = view.verticalScrollBar();
        QVERIFY(bar->maximum() > view.viewport()->height() * 2);

        // Scroll up to where the older page is asked for, with a row cut by the top edge.
        bar->setValue(view.viewport()->height() / 2 + 7);
        const int row = view.firstVisibleRow();
        QVERIFY(row >= 0);
        const Wire::Id anchorId = model.messageAt(row).id;
        const int yBefore = view.visualRect(view.model()->index(row, 0)).top();
        QVERIFY(yBefore < 0);
        QVERIFY(model.isLoading());
        QTRY_COMPARE(model.rowCount(), 100);
        const int newRow = model.rowOfId(anchorId);
        QCOMPARE(newRow, row + 50);
        QCOMPARE(view.visualRect(view.model()->index(newRow, 0)).top(), yBefore);
        QCOMPARE(view.firstVisibleRow(), newRow);

        // A live message while reading history does not move the view; the button offers the way down.
        const int value = bar->value();
        model.addMessage(source.make(5001));
        QCOMPARE(bar->value(), value);
        QVERIFY(view.isJumpButtonVisible());
        view.jumpToBottom();
        QVERIFY(view.isAtBottom());
        // At the bottom, new messages keep it there.
        model.addMessage(source.make(5002));
        QVERIFY(view.isAtBottom());
        QVERIFY(!view.isJumpButtonVisible());
    }

    void failedRowGrowsInPlace()
    {
        FakePageSource source(30);
        MessageListModel model(&source);
        MessageView view;
        view.resize(640, 480);
        view.setMessageModel(&model);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        model.setChannel(Wire::Id(100));
        Message pending = source.make(31);
        pending.id = {};
        pending.clientMsgId = QStringLiteral("c-1");
        pending.state = SendState::Sending;
        model.addPending(pending);
        QTRY_VERIFY(view.isAtBottom());
        const int row = model.rowCount() - 1;
        const int before = view.visualRect(view.model()->index(row, 0)).height();
        QSignalSpy retries(&view, &MessageView::retryRequested);
        model.setSendState(QStringLiteral("c-1"), SendState::Failed);
        const QRect failed = view.visualRect(view.model()->index(row, 0));
        QVERIFY(failed.height() > before); // room for "Not sent. Click to retry."
        QVERIFY(view.isAtBottom());
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, QPoint(200, failed.center().y()));
        QCOMPARE(retries.size(), 1);
        QCOMPARE(retries.at(0).at(0).toString(), QStringLiteral("c-1"));
    }

    void rowHeightsFollowWidth()
    {
        FakePageSource source(200);
        MessageListModel model(&source);
        MessageView view;
        view.resize(640, 480);
        view.setMessageModel(&model);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        Message longOne = source.make(201);
        longOne.text = QString(QStringLiteral("lorem ipsum dolor sit amet ")).repeated(30);
        model.setChannel(Wire::Id(100));
        model.addMessage(longOne);
        QTRY_VERIFY(view.isAtBottom());
        const int last = model.rowCount() - 1;
        const int wideHeight = view.visualRect(view.model()->index(last, 0)).height();
        view.resize(320, 480);
        QTRY_VERIFY(view.visualRect(view.model()->index(last, 0)).height() > wideHeight);
        QVERIFY(view.isAtBottom());
    }

    // Issue 15: a message of 4000 combining characters (what a hostile server or user can send within the
    // protocol's limit) is laid out with at most DisplayText::MaxCombiningMarks marks per letter, and the
    // view paints it without trouble.
    void combiningMarksAreBoundedWhenRendered()
    {
        FakePageSource source(5);
        MessageListModel model(&source);
        MessageView view;
        view.resize(640, 480);
        view.setMessageModel(&model);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        model.setChannel(Wire::Id(100));
        Message zalgo = source.make(6);
        zalgo.text = QStringLiteral("a") + QString(3999, QChar(0x0301));
        model.addMessage(zalgo);
        QTRY_VERIFY(view.isAtBottom());
        const QModelIndex last = model.index(model.rowCount() - 1, 0);
        QCOMPARE(last.data(MessageListModel::MessageRole).value<Message>().text, zalgo.text);
        MessageLayoutCache layouts;
        const MessageLayout &l = layouts.layout(last, 600);
        QVERIFY(l.doc);
        QCOMPARE(l.doc->toPlainText(), QStringLiteral("a") + QString(8, QChar(0x0301)));
        QVERIFY(!view.grab().isNull());
    }
};

QTEST_MAIN(TestWidgets)
#include "tst_widgets.moc"
