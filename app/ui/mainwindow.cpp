#include "mainwindow.h"
#include "admin/adminentry.h"
#include "composer.h"
#include "logging.h"
#include "settingsdialog.h"
#include "text/spellchecker.h"
#include "shortcutsdialog.h"
#include "chatpalette.h"
#include "attention.h"
#include "chatwidget.h"
#include "hostcontroller.h"
#include "signinwidget.h"

#include "host/localserver.h"
#include "session/account.h"
#include "session/session.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QLabel>
#include <QMenuBar>
#include <QStackedWidget>
#include <QStatusBar>

namespace Natter::Client {

MainWindow::MainWindow(Account *account, QWidget *parent)
    : QMainWindow(parent)
    , m_account(account)
    , m_stack(new QStackedWidget)
    , m_signIn(new SignInWidget)
    , m_keychainNotice(new QLabel)
{
    const QString profile = account->profile().name();
    setWindowTitle(profile == u"default" ? tr("Natter") : tr("Natter (%1)").arg(profile));
    resize(1200, 780);
    m_stack->addWidget(m_signIn);
    setCentralWidget(m_stack);
    setThemedStyleSheet(m_keychainNotice, u"color: @warning; padding: 2px 8px;"_qs);
    statusBar()->addPermanentWidget(m_keychainNotice, 1);
    statusBar()->setSizeGripEnabled(false);
    statusBar()->hide();

    QMenu *menu = menuBar()->addMenu(tr("&Account"));
    m_signOutAction = menu->addAction(tr("Sign &out"), this, &MainWindow::signOut);
    m_signOutAction->setEnabled(false);
    QAction *settingsSeparator = menu->addSeparator();
    menu->addAction(tr("&Settings…"), QKeySequence(u"Ctrl+,"_qs), this, &MainWindow::openSettings);
    m_admin = new AdminEntry(this, menu, settingsSeparator, this); // Invite people…, Administration…
    menu->addSeparator();
    menu->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard shortcuts"), QKeySequence(u"Ctrl+/"_qs), this, [this] { ShortcutsDialog(this).exec(); });

    connect(m_signIn, &SignInWidget::submitted, this, &MainWindow::submitSignIn);
    // Host mode: who may join, start or adopt the server, the addresses to share (app/ui/hostcontroller.h).
    m_localServer = m_account->localServer();
    m_host = new HostController(m_localServer, m_signIn, this);
    connect(m_signIn, &SignInWidget::hostRequested, m_host, &HostController::host);
    connect(m_account, &Account::sessionStarted, this, &MainWindow::showChat);
    connect(m_account, &Account::sessionAboutToEnd, this, &MainWindow::dropChat);
    connect(m_account, &Account::sessionExpired, this,
        [this] { showSignIn(tr("Your session has ended. Please sign in again.")); });
    connect(m_account, &Account::tokenPersistenceUnavailable, this, [this] {
        m_keychainNotice->setText(
            tr("No system keychain is available: you stay signed in until Natter is closed, "
               "and nothing is saved to disk."));
        statusBar()->show();
    });
}

MainWindow::~MainWindow()
{
    dropChat();
}

Session *MainWindow::session() const
{
    return m_account->session();
}

void MainWindow::startUp(const QString &server, const QString &username, const QString &password)
{
    // A profile that hosted a server starts it again (or adopts the one left running for the team).
    m_host->resumeIfHosting();
    m_signIn->setServer(server.isEmpty() ? m_account->lastServer() : server);
    m_signIn->setUsername(username.isEmpty() ? m_account->lastUsername() : username);
    if (!username.isEmpty() && !password.isEmpty()) {
        // Filled in only to submit it; the field is cleared when the session opens.
        m_signIn->setPassword(password);
        submitSignIn();
        return;
    }
    m_account->resume(server, [this](bool resumed) {
        if (!resumed) showSignIn();
    });
}

void MainWindow::showSignIn(const QString &notice)
{
    m_stack->setCurrentWidget(m_signIn);
    m_signOutAction->setEnabled(false);
    if (!notice.isEmpty()) m_signIn->showNotice(notice);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_host->confirmQuit();
    QMainWindow::closeEvent(event);
}

void MainWindow::submitSignIn()
{
    Credentials credentials;
    credentials.server = m_signIn->server();
    credentials.username = m_signIn->username();
    credentials.password = m_signIn->password();
    credentials.displayName = m_signIn->displayName();
    credentials.registering = m_signIn->isRegistering();
    m_signIn->setBusy(true);
    m_account->signIn(credentials, [this](const QString &error) {
        m_signIn->setBusy(false);
        if (!error.isEmpty()) m_signIn->showError(error);
    });
}

void MainWindow::showChat(Session *session)
{
    dropChat();
    m_chat = new ChatWidget(session);
    m_stack->addWidget(m_chat);
    m_stack->setCurrentWidget(m_chat);
    m_chat->setMedia(m_account->uploads(), m_account->media(), AppSettings(m_account->profile()).downloadDir());
    applySpelling();
    m_attention = new Attention(this, m_chat, session,
        QDir(m_account->profile().dataDir()).filePath(u"mutes.ini"_qs), m_desktopNotifier, this);
    applyNotifications();
    m_admin->setSession(session);
    m_signOutAction->setEnabled(true);
    m_signIn->setPassword({});
}

void MainWindow::dropChat()
{
    if (m_admin) m_admin->setSession(nullptr);
    delete m_attention;
    m_attention = nullptr;
    if (!m_chat) return;
    m_stack->removeWidget(m_chat);
    delete m_chat;
    m_chat = nullptr;
}

void MainWindow::signOut()
{
    if (!m_account->isSignedIn()) return;
    m_account->signOut();
    showSignIn(tr("You are signed out."));
}

void MainWindow::openSettings()
{
    SettingsDialog dialog(m_account->profile(), m_account->mediaCache(), this);
    connect(&dialog, &SettingsDialog::themeChanged, this,
        [this](AppSettings::Theme theme) { applyTheme(theme, m_systemPalette); });
    if (dialog.exec() == QDialog::Accepted && m_chat) {
        m_chat->setMedia(m_account->uploads(), m_account->media(), AppSettings(m_account->profile()).downloadDir());
        applySpelling();
        applyNotifications();
    }
}

void MainWindow::applyNotifications()
{
    // Off: no desktop notifications; the in-app banner still tells about mentions elsewhere.
    if (!m_attention) return;
    m_attention->alerts()->setNotifier(
        AppSettings(m_account->profile()).notifications() ? m_attention->desktopNotifier() : nullptr);
}

void MainWindow::applySpelling()
{
    const AppSettings settings(m_account->profile());
    auto checker = settings.spellCheck()
        ? std::make_shared<SpellChecker>(settings.spellLanguage(), m_account->profile().dataDir() + u"/dictionary.txt"_qs)
        : nullptr;
    qCInfo(lcSession) << "spell checking:" << (checker ? checker->language() : u"off"_qs)
                      << (checker && !checker->isValid() ? "(no dictionary)" : "");
    m_chat->composer()->setSpellChecker(std::move(checker));
}

} // namespace Natter::Client
