#pragma once

#include <QMainWindow>
#include <QPalette>

class QCloseEvent;
class QLabel;
class QMenu;
class QStackedWidget;

namespace Natter::Client {

class Account;
class AdminEntry;
class Attention;
class ChatWidget;
class HostController;
class Notifier;
class LocalServer;
class Session;
class SignInWidget;

// The top-level window: the sign-in screen until the account has a session, then the chat. The account (built
// by main(); tests pass one over a fake token store) owns the session and everything under it.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Account *account, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Resumes the stored session for SERVER (or the last one used) or shows the sign-in screen. With a
    // username and password it signs in at once (scripts and screenshots).
    void startUp(const QString &server, const QString &username = {}, const QString &password = {});

    SignInWidget *signInWidget() const { return m_signIn; }
    ChatWidget *chatWidget() const { return m_chat; }
    // The platform's palette at start-up, which the theme "Follow the system" follows.
    void setSystemPalette(const QPalette &palette) { m_systemPalette = palette; }
    // Settings (Ctrl+,): applies a new theme at once.
    void openSettings();
    // The composer's spell checking, as the profile's settings say.
    void applySpelling();
    // Desktop notifications on or off, as the profile's settings say.
    void applyNotifications();
    // The bundled server of "Host a server on this computer" (the account's; not started until asked).
    LocalServer *localServer() const { return m_localServer; }
    Session *session() const;
    // Notifications, unread total and mutes of the open chat; null while signed out.
    Attention *attention() const { return m_attention; }
    // Invite people, the administration window and the open report count (app/ui/admin/).
    AdminEntry *admin() const { return m_admin; }
    // The desktop notifier for the next chat (tests pass a fake); by default the best available one.
    void setDesktopNotifier(Notifier *notifier) { m_desktopNotifier = notifier; }

public slots:
    void signOut();

protected:
    // A new language (Settings, or installTranslations() anywhere): menus and the chat in the new language.
    void changeEvent(QEvent *event) override;
    // While a hosted server runs, asks whether to keep serving the team (HostController::confirmQuit).
    void closeEvent(QCloseEvent *event) override;

private:
    void submitSignIn();
    void submitPasswordChange();
    void showChat(Session *session);
    void dropChat();
    void showSignIn(const QString &notice = {});
    void retranslate();
    void rebuildChat();

    Account *m_account;
    QStackedWidget *m_stack;
    SignInWidget *m_signIn;
    ChatWidget *m_chat = nullptr;
    QPalette m_systemPalette;
    QLabel *m_keychainNotice;
    QAction *m_signOutAction;
    QMenu *m_accountMenu;
    QMenu *m_helpMenu;
    QAction *m_settingsAction;
    QAction *m_quitAction;
    QAction *m_shortcutsAction;
    bool m_retranslating = false;
    bool m_keychainUnavailable = false;
    LocalServer *m_localServer = nullptr;
    HostController *m_host = nullptr;
    Attention *m_attention = nullptr;
    Notifier *m_desktopNotifier = nullptr;
    AdminEntry *m_admin = nullptr;
};

} // namespace Natter::Client
