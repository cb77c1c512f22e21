#pragma once

#include "apiclient.h"
#include "channel.h"
#include "profile.h"

#include <QMainWindow>
#include <QSettings>

#include <memory>

class Cache;
class ChatWidget;
class Gateway;
class LocalServer;
class QLabel;
class QStackedWidget;
class Session;
class SignInWidget;
class TokenStore;

// The top-level window: the sign-in screen until a session exists, then the chat. Owns the session and
// everything it needs; the token store and network manager come from main() (tests pass fakes).
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(
        const Profile &profile, TokenStore *tokens, QNetworkAccessManager *nam, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Resumes the stored session for SERVER (or the last one used) or shows the sign-in screen. With a
    // username and password it signs in at once (scripts and screenshots).
    void startUp(const QString &server, const QString &username = {}, const QString &password = {});

    SignInWidget *signInWidget() const { return m_signIn; }
    ChatWidget *chatWidget() const { return m_chat; }
    LocalServer *localServer() const { return m_localServer; }
    Session *session() const { return m_session.get(); }

public slots:
    void signOut();

private:
    void submitSignIn();
    void openSession(const QUrl &server, const QString &username, const QString &token, const User &me);
    void closeSession();
    void showSignIn(const QString &notice = {});
    void hostServer();
    void showHostedServer(const QUrl &url);

    Profile m_profile;
    QSettings m_settings;
    TokenStore *m_tokens;
    ApiClient m_api;
    std::unique_ptr<Cache> m_cache;
    std::unique_ptr<Gateway> m_gateway;
    std::unique_ptr<Session> m_session;
    QStackedWidget *m_stack;
    SignInWidget *m_signIn;
    ChatWidget *m_chat = nullptr;
    QLabel *m_keychainNotice;
    QAction *m_signOutAction;
    // The bundled server, once "Host a server on this computer" was used; stops with the window.
    LocalServer *m_localServer = nullptr;
};
