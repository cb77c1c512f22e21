#include "chatpalette.h"
#include "language.h"
#include "mainwindow.h"
#include "messageview.h"
#include "settingsdialog.h"
#include "shortcutsdialog.h"

#include "models/messagelistmodel.h"
#include "session/account.h"
#include "session/session.h"
#include "media/mediacache.h"
#include "store/appsettings.h"
#include "store/profile.h"
#include "store/tokenstore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QNetworkAccessManager>
#include <QPalette>
#include <QShortcut>
#include <QTimer>

using namespace Natter::Client;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"Natter"_qs);
    QApplication::setApplicationName(u"Natter"_qs);
    QApplication::setApplicationVersion(QStringLiteral(NATTER_VERSION));
    // The platform's palette before Natter replaces it: what "follow the system" follows (Qt 6.4 has no
    // QStyleHints::colorScheme).
    const QPalette systemPalette = QApplication::palette();

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Natter team chat"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption serverOption(
        u"server"_qs, QApplication::translate("main", "Server to join."), u"URL"_qs);
    const QCommandLineOption profileOption(u"profile"_qs,
        QApplication::translate("main", "Profile: separate settings, cache and keychain entry."), u"NAME"_qs,
        u"default"_qs);
    const QCommandLineOption userOption(u"user"_qs,
        QApplication::translate(
            "main", "Sign in as NAME with the password from $NATTER_PASSWORD (for scripts)."),
        u"NAME"_qs);
    parser.addOptions({ serverOption, profileOption, userOption });
    parser.process(app);

    const QString profileName = parser.value(profileOption);
    if (!Profile::isValidName(profileName)) {
        qCritical("invalid profile name: %s", qPrintable(profileName));
        return 2;
    }
    Profile profile(profileName);
    const AppSettings settings(profile);
    applyTheme(settings.theme(), systemPalette);
    installTranslations(settings.language());
    QNetworkAccessManager nam;
    KeychainTokenStore tokens(u"Natter"_qs);
    Account account(profile, &tokens, &nam);
    MainWindow window(&account);
    // Files in every message list of the window (the channel's and a thread's), and the download folder.
    const auto equipViews = [&] {
        for (MessageView *view : window.findChildren<MessageView *>()) {
            view->setMediaLoader(account.media());
            view->setDownloadDir(AppSettings(profile).downloadDir());
        }
    };
    QObject::connect(&account, &Account::sessionStarted, &window, [&] { QTimer::singleShot(0, &window, equipViews); });
    QObject::connect(new QShortcut(QKeySequence(u"Ctrl+,"_qs), &window), &QShortcut::activated, &window, [&] {
        SettingsDialog dialog(profile, account.mediaCache(), &window);
        QObject::connect(&dialog, &SettingsDialog::themeChanged, &window,
            [&](AppSettings::Theme theme) { applyTheme(theme, systemPalette); });
        if (dialog.exec() == QDialog::Accepted) equipViews();
    });
    QObject::connect(new QShortcut(QKeySequence(u"Ctrl+/"_qs), &window), &QShortcut::activated, &window, [&] {
        ShortcutsDialog(&window).exec();
    });
    window.show();
    window.startUp(
        parser.value(serverOption), parser.value(userOption), qEnvironmentVariable("NATTER_PASSWORD"));
    return app.exec();
}
