// Choosing a new password after an administrator's reset (issue 16), offscreen against a real natter-server:
// signing in with the temporary password turns the sign-in screen into the new-password form; a mismatch and a
// too-short password are refused before anything is sent; Esc goes back to the normal sign-in; a valid new
// password opens the chat with the token stored as after a login; afterwards the new password signs in and the
// temporary one no longer does.
#include "chatwidget.h"
#include "mainwindow.h"
#include "session/account.h"
#include "session/session.h"
#include "signinwidget.h"
#include "store/tokenstore.h"
#include "testclient.h"
#include "testserver.h"
#include "testwindow.h"

#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace Natter::Client;

namespace {

using Window = TestWindow;

} // namespace

class TestPasswordChange : public QObject
{
    Q_OBJECT

private slots:
    void resetPasswordThenChooseANewOne()
    {
        TestServer server;
        QVERIFY(server.start());
        RestClient rest(server);
        const TestAccount root
            = rest.registerUser(QStringLiteral("root")); // the first account: administrator
        const TestAccount dana = rest.registerUser(QStringLiteral("dana"));
        const HttpResult reset
            = rest.post(QStringLiteral("/api/v1/admin/users/%1/reset-password").arg(dana.id), {}, root.token);
        QCOMPARE(reset.status, 200);
        const QString temporary = reset.json.value(u"temporaryPassword").toString();
        QVERIFY(!temporary.isEmpty());

        Window w;
        w.window.resize(900, 650);
        w.window.show();
        auto *signIn = w.window.findChild<SignInWidget *>();
        QVERIFY(signIn);
        const QString address = QStringLiteral("127.0.0.1:%1").arg(server.port());
        w.window.startUp(address, dana.username, temporary);
        QVERIFY(QTest::qWaitFor([&] { return signIn->isChangingPassword(); }, 20000));
        QVERIFY(!w.window.session());
        QCOMPARE(signIn->errorText(), QString()); // the form says why; no "Not allowed" on top
        auto *newPassword = signIn->findChild<QLineEdit *>(u"newPassword"_qs);
        auto *confirm = signIn->findChild<QLineEdit *>(u"confirmPassword"_qs);
        auto *submit = signIn->findChild<QPushButton *>(u"submit"_qs);
        QVERIFY(newPassword && confirm && submit);
        QVERIFY(newPassword->isVisible() && confirm->isVisible());
        QVERIFY(!signIn->findChild<QLineEdit *>(u"server"_qs)->isVisible());
        QVERIFY(!newPassword->accessibleName().isEmpty());

        // Refused here, before anything is sent.
        newPassword->setText(QStringLiteral("abc"));
        confirm->setText(QStringLiteral("abc"));
        QTest::mouseClick(submit, Qt::LeftButton);
        QVERIFY(signIn->errorText().startsWith(u"The new password is too short"));
        const QString chosen = QStringLiteral("a brand new secret");
        newPassword->setText(chosen);
        confirm->setText(chosen + u'!');
        QTest::mouseClick(submit, Qt::LeftButton);
        QCOMPARE(signIn->errorText(), QStringLiteral("The two passwords do not match."));
        QVERIFY(signIn->isChangingPassword());
        QVERIFY(!w.window.session());

        // Esc: back to the normal sign-in, the temporary password to be typed again.
        QTest::keyClick(newPassword, Qt::Key_Escape);
        QVERIFY(!signIn->isChangingPassword());
        QVERIFY(signIn->findChild<QLineEdit *>(u"server"_qs)->isVisible());
        QCOMPARE(signIn->password(), QString());

        signIn->setPassword(temporary);
        QTest::mouseClick(submit, Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return signIn->isChangingPassword(); }, 20000));
        QCOMPARE(newPassword->text(), QString()); // a fresh form
        newPassword->setText(chosen);
        confirm->setText(chosen);
        QTest::keyClick(confirm, Qt::Key_Return);
        QVERIFY(QTest::qWaitFor(
            [&] { return w.window.chatWidget() && w.window.session() && w.window.session()->isSynced(); },
            20000));
        QVERIFY(!signIn->isChangingPassword());
        // Stored as after a login: the next start resumes with it.
        const QString key = w.profile.keychainKey(w.account.server(), dana.username);
        QString stored;
        w.tokens.readToken(key, [&](const QString &token) { stored = token; });
        QVERIFY(!stored.isEmpty());
        QCOMPARE(w.account.lastUsername(), dana.username);

        const QJsonObject withNew { { u"username"_qs, dana.username }, { u"password"_qs, chosen } };
        const QJsonObject withTemporary { { u"username"_qs, dana.username }, { u"password"_qs, temporary } };
        QCOMPARE(rest.post(QStringLiteral("/api/v1/auth/login"), withNew).status, 200);
        QCOMPARE(rest.post(QStringLiteral("/api/v1/auth/login"), withTemporary).status, 401);

        // And through the app: a second window signs in with the new password, straight to the chat.
        Window again;
        again.window.show();
        again.window.startUp(address, dana.username, chosen);
        QVERIFY(QTest::qWaitFor([&] { return again.window.chatWidget() != nullptr; }, 20000));
    }
};

QTEST_MAIN(TestPasswordChange)
#include "tst_passwordchange.moc"
