#include "chatpalette.h"
#include "language.h"
#include "certificatedialog.h"
#include "mainwindow.h"

#include "session/account.h"
#include "store/appsettings.h"
#include "store/profile.h"
#include "store/tokenstore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QNetworkAccessManager>
#include <QPalette>

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
    window.setSystemPalette(systemPalette);
    // Self-signed servers: asks whether to trust a certificate that does not verify, warns when one changed.
    CertificatePrompt certificates(&account, &window);
    window.show();
    window.startUp(
        parser.value(serverOption), parser.value(userOption), qEnvironmentVariable("NATTER_PASSWORD"));
    return app.exec();
}
