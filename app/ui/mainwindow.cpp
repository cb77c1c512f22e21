#include "mainwindow.h"
#include "admin/adminentry.h"
#include "models/threadmodel.h"
#include "store/appsettings.h"
#include "language.h"
#include "threadpanel.h"
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

#include <QTimer>
#include <QEvent>
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
    resize(1200, 780);
    m_stack->addWidget(m_signIn);
    setCentralWidget(m_stack);
    setThemedStyleSheet(m_keychainNotice, u"color: @warning; padding: 2px 8px;"_qs);
    statusBar()->addPermanentWidget(m_keychainNotice, 1);
    statusBar()->setSizeGripEnabled(false);
    statusBar()->hide();

    m_accountMenu = menuBar()->addMenu(QString());
    m_signOutAction = m_accountMenu->addAction(QString(), this, &MainWindow::signOut);
    m_signOutAction->setEnabled(false);
    QAction *settingsSeparator = m_accountMenu->addSeparator();
    m_settingsAction = m_accountMenu->addAction(QString(), QKeySequence(u"Ctrl+,"_qs), this, &MainWindow::openSettings);
    m_admin = new AdminEntry(this, m_accountMenu, settingsSeparator, this); // Invite people…, Administration…
    m_accountMenu->addSeparator();
    m_quitAction = m_accountMenu->addAction(QString(), QKeySequence::Quit, qApp, &QApplication::quit);
    m_helpMenu = menuBar()->addMenu(QString());
    m_shortcutsAction = m_helpMenu->addAction(
        QString(), QKeySequence(u"Ctrl+/"_qs), this, [this] { ShortcutsDialog(this).exec(); });
    retranslate();

    connect(m_signIn, &SignInWidget::submitted, this, &MainWindow::submitSignIn);
    connect(m_signIn, &SignInWidget::passwordChangeSubmitted, this, &MainWindow::submitPasswordChange);
    connect(m_account, &Account::passwordChangeRequired, m_signIn, &SignInWidget::showPasswordChange);
    // Host mode: who may join, start or adopt the server, the addresses to share (app/ui/hostcontroller.h).
    m_localServer = m_account->localServer();
    m_host = new HostController(m_localServer, m_signIn, this);
    connect(m_signIn, &SignInWidget::hostRequested, m_host, &HostController::host);
    connect(m_account, &Account::sessionStarted, this, &MainWindow::showChat);
    connect(m_account, &Account::sessionAboutToEnd, this, &MainWindow::dropChat);
    connect(m_account, &Account::sessionExpired, this,
        [this] { showSignIn(tr("Your session has ended. Please sign in again.")); });
    connect(m_account, &Account::tokenPersistenceUnavailable, this, [this] {
        m_keychainUnavailable = true;
        retranslate();
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
        // A reset password: the form now asks for a new one and says why; the refusal itself is no news.
        if (!error.isEmpty() && !m_signIn->isChangingPassword()) m_signIn->showError(error);
    });
}

void MainWindow::submitPasswordChange()
{
    Credentials credentials;
    credentials.server = m_signIn->server();
    credentials.username = m_signIn->username();
    credentials.password = m_signIn->password(); // the temporary one the administrator gave
    m_signIn->setBusy(true);
    m_account->changePassword(credentials, m_signIn->newPassword(), [this](const QString &error) {
        m_signIn->setBusy(false);
        if (error.isEmpty())
            m_signIn->cancelPasswordChange(); // signed in: the next sign-in screen is the normal one
        else
            m_signIn->showError(error);
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

void MainWindow::retranslate()
{
    const QString profile = m_account->profile().name();
    setWindowTitle(profile == u"default" ? tr("Natter") : tr("Natter (%1)").arg(profile));
    m_accountMenu->setTitle(tr("&Account"));
    m_signOutAction->setText(tr("Sign &out"));
    m_settingsAction->setText(tr("&Settings…"));
    m_quitAction->setText(tr("&Quit"));
    m_helpMenu->setTitle(tr("&Help"));
    m_shortcutsAction->setText(tr("&Keyboard shortcuts"));
    m_admin->retranslate();
    if (m_keychainUnavailable)
        m_keychainNotice->setText(tr("No system keychain is available: you stay signed in until Natter is closed, "
                                     "and nothing is saved to disk."));
}

void MainWindow::changeEvent(QEvent *event)
{
    // Installing a translation sends one LanguageChange per translator added or removed: act once, after them.
    if (event->type() == QEvent::LanguageChange && !m_retranslating) {
        m_retranslating = true;
        QTimer::singleShot(0, this, [this] {
            m_retranslating = false;
            retranslate();
            rebuildChat();
        });
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::rebuildChat()
{
    // The chat's strings are set where its state is shown (headers, placeholders, counts, panels): building it
    // again in the new language is simpler and surer than retranslating each. What the user was doing stays:
    // the open channel, the text being written, the open thread.
    Session *session = m_account->session();
    if (!m_chat || !session) return;
    const Wire::Id channel = m_chat->currentChannel();
    const QString draft = m_chat->composer()->toPlainText();
    std::optional<Message> root;
    if (m_chat->threadPanel()->isVisible() && m_chat->threadPanel()->model())
        root = m_chat->threadPanel()->model()->root();
    showChat(session);
    if (channel.isValid()) m_chat->selectChannel(channel);
    m_chat->composer()->setPlainText(draft);
    m_chat->composer()->moveCursor(QTextCursor::End);
    if (root) m_chat->openThread(*root);
}

void MainWindow::openSettings()
{
    SettingsDialog dialog(m_account->profile(), m_account->mediaCache(), this);
    const QString language = AppSettings(m_account->profile()).language();
    connect(&dialog, &SettingsDialog::themeChanged, this,
        [this](AppSettings::Theme theme) { applyTheme(theme, m_systemPalette); });
    const bool accepted = dialog.exec() == QDialog::Accepted;
    // A new language applies at once: the translators change and every window gets a LanguageChange.
    if (accepted && AppSettings(m_account->profile()).language() != language)
        installTranslations(AppSettings(m_account->profile()).language());
    if (accepted && m_chat) {
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
    // The thread panel's composer checks spelling like the channel's (one checker, one personal dictionary).
    m_chat->threadPanel()->composer()->setSpellChecker(checker);
    m_chat->composer()->setSpellChecker(std::move(checker));
}

} // namespace Natter::Client
