#include "certificatedialog.h"
#include "mainwindow.h"

#include "session/account.h"
#include "store/profile.h"
#include "store/tokenstore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QNetworkAccessManager>
#include <QPalette>
#include <QStyleFactory>

using namespace Natter::Client;

namespace {
// Natter is drawn light whatever the desktop theme: the delegates paint fixed light colours.
void applyLightTheme(QApplication &app)
{
    app.setStyle(QStyleFactory::create(u"Fusion"_qs));
    QPalette p;
    p.setColor(QPalette::Window, QColor(0xf9fafb));
    p.setColor(QPalette::WindowText, QColor(0x111827));
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::AlternateBase, QColor(0xf3f4f6));
    p.setColor(QPalette::Text, QColor(0x111827));
    p.setColor(QPalette::Button, QColor(0xf3f4f6));
    p.setColor(QPalette::ButtonText, QColor(0x111827));
    p.setColor(QPalette::Highlight, QColor(0x2563eb));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0x9ca3af));
    p.setColor(QPalette::ToolTipBase, Qt::white);
    p.setColor(QPalette::ToolTipText, QColor(0x111827));
    app.setPalette(p);
}
}

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"Natter"_qs);
    QApplication::setApplicationName(u"Natter"_qs);
    QApplication::setApplicationVersion(QStringLiteral(NATTER_VERSION));
    applyLightTheme(app);

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
    QNetworkAccessManager nam;
    KeychainTokenStore tokens(u"Natter"_qs);
    Account account(profile, &tokens, &nam);
    MainWindow window(&account);
    // Self-signed servers: asks whether to trust a certificate that does not verify, warns when one changed.
    CertificatePrompt certificates(&account, &window);
    window.show();
    window.startUp(
        parser.value(serverOption), parser.value(userOption), qEnvironmentVariable("NATTER_PASSWORD"));
    return app.exec();
}
