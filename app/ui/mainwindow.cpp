#include "mainwindow.h"
#include "cache.h"
#include "chatwidget.h"
#include "gateway.h"
#include "localserver.h"
#include "session.h"
#include "signinwidget.h"
#include "tokenstore.h"

#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QStackedWidget>
#include <QStatusBar>

MainWindow::MainWindow(
    const Profile &profile, TokenStore *tokens, QNetworkAccessManager *nam, QWidget *parent)
    : QMainWindow(parent)
    , m_profile(profile)
    , m_settings(profile.settingsPath(), QSettings::IniFormat)
    , m_tokens(tokens)
    , m_api(nam)
    , m_stack(new QStackedWidget)
    , m_signIn(new SignInWidget)
    , m_keychainNotice(new QLabel)
{
    setWindowTitle(profile.name() == u"default" ? tr("Natter") : tr("Natter (%1)").arg(profile.name()));
    resize(1200, 780);
    m_stack->addWidget(m_signIn);
    setCentralWidget(m_stack);
    m_keychainNotice->setStyleSheet(u"color: #92400e; padding: 2px 8px;"_qs);
    statusBar()->addPermanentWidget(m_keychainNotice, 1);
    statusBar()->setSizeGripEnabled(false);
    statusBar()->hide();

    QMenu *account = menuBar()->addMenu(tr("&Account"));
    m_signOutAction = account->addAction(tr("Sign &out"), this, &MainWindow::signOut);
    m_signOutAction->setEnabled(false);
    account->addSeparator();
    account->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);

    connect(m_signIn, &SignInWidget::submitted, this, &MainWindow::submitSignIn);
    connect(m_signIn, &SignInWidget::hostRequested, this, &MainWindow::hostServer);
    connect(m_tokens, &TokenStore::persistenceUnavailable, this, [this](const QString &reason) {
        Q_UNUSED(reason)
        m_keychainNotice->setText(
            tr("No system keychain is available: you stay signed in until Natter is closed, "
               "and nothing is saved to disk."));
        statusBar()->show();
    });
}

MainWindow::~MainWindow()
{
    closeSession();
}

void MainWindow::startUp(const QString &server, const QString &username, const QString &password)
{
    const QString lastServer = m_settings.value(u"server"_qs).toString();
    const QString serverText = server.isEmpty() ? lastServer : server;
    m_signIn->setServer(serverText);
    const QString lastUser = m_settings.value(u"username"_qs).toString();
    m_signIn->setUsername(username.isEmpty() ? lastUser : username);
    if (!username.isEmpty() && !password.isEmpty()) {
        m_signIn->setUsername(username);
        // Filled in only to submit it; the field is cleared when the session opens.
        m_signIn->setPassword(password);
        submitSignIn();
        return;
    }
    const QUrl url = normalizeServerUrl(serverText);
    if (!url.isValid() || lastUser.isEmpty()
        || (!server.isEmpty() && normalizeServerUrl(lastServer) != url)) {
        showSignIn();
        return;
    }
    m_tokens->readToken(m_profile.keychainKey(url, lastUser), [this, url, lastUser](const QString &token) {
        if (token.isEmpty()) {
            showSignIn();
            return;
        }
        User me;
        me.username = lastUser;
        openSession(url, lastUser, token, me);
    });
}

void MainWindow::showSignIn(const QString &notice)
{
    m_stack->setCurrentWidget(m_signIn);
    m_signOutAction->setEnabled(false);
    if (!notice.isEmpty()) m_signIn->showNotice(notice);
}

void MainWindow::hostServer()
{
    if (!m_localServer) {
        m_localServer = new LocalServer(m_profile.dataDir() + u"/server"_qs, this);
        connect(m_localServer, &LocalServer::started, this, &MainWindow::showHostedServer);
        connect(m_localServer, &LocalServer::failed, this, [this](const QString &reason) {
            m_signIn->setHostingStarting(false);
            m_signIn->showError(tr("Could not host a server on this computer. %1").arg(reason));
        });
    }
    if (m_localServer->isRunning() && m_localServer->url().isValid()) {
        showHostedServer(m_localServer->url());
        return;
    }
    m_signIn->setHostingStarting(true);
    m_localServer->start();
}

void MainWindow::showHostedServer(const QUrl &url)
{
    m_signIn->setHostingStarting(false);
    m_signIn->setServer(url.toString());
    m_signIn->setRegistering(true);
    m_signIn->showNotice(tr("A Natter server is running on this computer at %1 until you quit Natter. "
                            "Create the first account on it.")
                             .arg(url.toString()));
}

void MainWindow::submitSignIn()
{
    const QUrl url = normalizeServerUrl(m_signIn->server());
    const QString username = m_signIn->username();
    if (!url.isValid()) {
        m_signIn->showError(tr("Enter the server's address, for example chat.example.com:8787."));
        return;
    }
    if (username.isEmpty() || m_signIn->password().isEmpty()) {
        m_signIn->showError(tr("Enter your username and password."));
        return;
    }
    const bool registering = m_signIn->isRegistering();
    m_signIn->setBusy(true);
    m_api.setBaseUrl(url);
    m_api.setToken({});
    const QString serverText = m_signIn->server();
    auto done = [this, url, username, registering, serverText](const ApiResult &result) {
        m_signIn->setBusy(false);
        if (!result.ok()) {
            m_signIn->showError(SignInWidget::describeFailure(result, serverText, username, registering));
            return;
        }
        const User me = User::fromJson(result.json.value(u"user").toObject());
        const QString token = result.json.value(u"token").toString();
        m_tokens->writeToken(m_profile.keychainKey(url, me.username), token);
        m_settings.setValue(u"server"_qs, url.toString());
        m_settings.setValue(u"username"_qs, me.username);
        openSession(url, me.username, token, me);
    };
    if (registering)
        m_api.registerUser(username, m_signIn->password(), m_signIn->displayName(), this, done);
    else
        m_api.login(username, m_signIn->password(), this, done);
}

void MainWindow::openSession(
    const QUrl &server, const QString &username, const QString &token, const User &me)
{
    closeSession();
    m_api.setBaseUrl(server);
    m_api.setToken(token);
    m_cache = std::make_unique<Cache>();
    m_cache->open(m_profile.cachePath(server, username));
    m_gateway = std::make_unique<Gateway>();
    m_session = std::make_unique<Session>(&m_api, m_gateway.get(), m_cache.get());
    if (!me.id.isEmpty()) m_session->setMe(me);
    connect(m_session.get(), &Session::signedOut, this, [this] {
        const QUrl url = m_api.baseUrl();
        m_tokens->deleteToken(m_profile.keychainKey(url, m_settings.value(u"username"_qs).toString()));
        closeSession();
        showSignIn(tr("Your session has ended. Please sign in again."));
    });
    m_session->start();
    m_chat = new ChatWidget(m_session.get());
    m_stack->addWidget(m_chat);
    m_stack->setCurrentWidget(m_chat);
    m_signOutAction->setEnabled(true);
    m_signIn->setPassword({});
}

void MainWindow::closeSession()
{
    if (m_chat) {
        m_stack->removeWidget(m_chat);
        delete m_chat;
        m_chat = nullptr;
    }
    if (m_session) m_session->stop();
    m_session.reset();
    m_gateway.reset();
    m_cache.reset();
}

void MainWindow::signOut()
{
    if (!m_session) return;
    const QUrl url = m_api.baseUrl();
    const QString username = m_settings.value(u"username"_qs).toString();
    // Revoke on the server first; the local copy goes whatever the answer, so signing out always works
    // offline.
    m_api.logout(this, [](const ApiResult &) {});
    m_tokens->deleteToken(m_profile.keychainKey(url, username));
    closeSession();
    showSignIn(tr("You are signed out."));
}
