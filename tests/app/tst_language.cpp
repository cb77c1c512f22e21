// Switching the language applies at once: installing another translation (what Settings does) retranslates the
// main window's menus and rebuilds the chat in the new language, keeping the open channel and the draft.
// Offline on a warm profile cache (no server needed).
#include "chatwidget.h"
#include "composer.h"
#include "language.h"
#include "mainwindow.h"
#include "signinwidget.h"

#include "net/apiclient.h"
#include "session/account.h"
#include "store/cache.h"
#include "store/profile.h"
#include "store/tokenstore.h"

#include <common/protocol/codec.h>

#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Natter::Client;
namespace Wire = Natter::Wire;

class TestLanguage : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { installTranslations(u"en"_qs); }

    void switchingLanguageRetranslatesAtOnce()
    {
        QTemporaryDir dir;
        Profile profile(u"lang"_qs, dir.path());
        // What a previous run left: the last server and user, the token, the cache (as Account writes them).
        const QUrl server = normalizeServerUrl(u"http://127.0.0.1:9"_qs); // nothing listens: offline
        {
            QSettings settings(profile.settingsPath(), QSettings::IniFormat);
            settings.setValue(u"server"_qs, server.toString());
            settings.setValue(u"username"_qs, u"ana"_qs);
        }
        MemoryTokenStore tokens;
        tokens.writeToken(profile.keychainKey(server, u"ana"_qs), u"token"_qs);
        {
            Cache cache;
            QVERIFY(cache.open(profile.cachePath(server, u"ana"_qs)));
            cache.setMeta(u"me"_qs, QString::fromUtf8(Wire::encode(Wire::User { Wire::Id(5), u"ana"_qs, u"Ana"_qs })));
            QList<Channel> channels;
            for (int i = 1; i <= 2; ++i) {
                Channel c;
                c.id = Wire::Id(i);
                c.name = i == 1 ? u"general"_qs : u"design"_qs;
                c.memberCount = 3;
                channels.append(c);
            }
            cache.saveChannels(channels);
        }
        installTranslations(u"en"_qs);
        QNetworkAccessManager nam;
        Account account(profile, &tokens, &nam);
        MainWindow window(&account);
        window.show();
        window.startUp({});
        QVERIFY(window.chatWidget());
        window.chatWidget()->selectChannel(Wire::Id(2));
        window.chatWidget()->composer()->setPlainText(u"half a thought"_qs);
        QCOMPARE(window.menuBar()->actions().value(0)->text(), u"&Account"_qs);
        QTRY_COMPARE(window.chatWidget()->composer()->placeholderText(), u"Message #design"_qs);

        installTranslations(u"de"_qs);
        QTRY_COMPARE(window.menuBar()->actions().value(0)->text(), u"&Konto"_qs);
        QTRY_COMPARE(window.chatWidget()->composer()->placeholderText(), u"Nachricht an #design"_qs);
        // Where the user was stays: the channel and the draft.
        QCOMPARE(window.chatWidget()->currentChannel(), Wire::Id(2));
        QCOMPARE(window.chatWidget()->composer()->toPlainText(), u"half a thought"_qs);

        installTranslations(u"en"_qs);
        QTRY_COMPARE(window.chatWidget()->composer()->placeholderText(), u"Message #design"_qs);
    }

    void signInScreenFollowsTheLanguage()
    {
        QTemporaryDir dir;
        Profile profile(u"signin"_qs, dir.path());
        MemoryTokenStore tokens;
        QNetworkAccessManager nam;
        Account account(profile, &tokens, &nam);
        MainWindow window(&account);
        window.show();
        window.startUp({}); // nothing stored: the sign-in screen
        auto *submit = window.signInWidget()->findChild<QPushButton *>(u"submit"_qs);
        QVERIFY(submit);
        QCOMPARE(submit->text(), u"Sign in"_qs);
        installTranslations(u"de"_qs);
        QTRY_COMPARE(submit->text(), u"Anmelden"_qs);
        bool found = false;
        for (const QLabel *label : window.signInWidget()->findChildren<QLabel *>())
            found |= label->text() == u"Serveradresse"_qs;
        QVERIFY(found);
    }
};

QTEST_MAIN(TestLanguage)
#include "tst_language.moc"
