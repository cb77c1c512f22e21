#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
namespace Natter::Client {


// The first-run screen: server address, username, password, and either "Sign in" or "Create account".
class SignInWidget : public QWidget
{
    Q_OBJECT
public:
    explicit SignInWidget(QWidget *parent = nullptr);

    void setServer(const QString &server);
    void setUsername(const QString &username);
    void setPassword(const QString &password);
    QString server() const;
    QString username() const;
    QString password() const;
    QString displayName() const;
    bool isRegistering() const;
    void setRegistering(bool registering);

    void setBusy(bool busy);
    // After an administrator reset the password: the form asks for a new one (twice) instead of the sign-in
    // fields, keeping server, username and the temporary password for the change. Cancel (or Esc) goes back.
    void showPasswordChange();
    void cancelPasswordChange();
    bool isChangingPassword() const { return m_changing; }
    QString newPassword() const;
    // "Host a server on this computer": disabled and reading "Starting the server…" while STARTING.
    void setHostingStarting(bool starting);
    // The hosted server's panel: what teammates should enter (each address with a copy button; none when only
    // this computer may join) and where the data lives. Hidden by clearHostedServer().
    void showHostedServer(const QString &localUrl, const QStringList &teammateAddresses, const QString &dataDir);
    void clearHostedServer();
    QStringList shownTeammateAddresses() const { return m_shownAddresses; }
    void showError(const QString &message);
    void showNotice(const QString &message);
    QString errorText() const;

signals:
    void submitted();
    void hostRequested();
    // The new password was entered twice alike and is long enough (checked here, before anything is sent).
    void passwordChangeSubmitted();

protected:
    // Another language chosen in Settings while signed out: the screen in the new language at once.
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void updateMode();
    void submit();
    void showPasswordFields(bool changing);
    QString busyText() const;
    void retranslate();

    QLineEdit *m_server;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QLineEdit *m_displayName;
    QLabel *m_displayNameLabel;
    QCheckBox *m_register;
    QPushButton *m_submit;
    QPushButton *m_host;
    QLabel *m_error;
    QLabel *m_title;
    QLabel *m_subtitle;
    QLabel *m_serverLabel;
    QLabel *m_usernameLabel;
    QLabel *m_passwordLabel;
    QWidget *m_hostPanel;
    QLineEdit *m_newPassword;
    QLineEdit *m_confirmPassword;
    QLabel *m_newPasswordLabel;
    QLabel *m_confirmPasswordLabel;
    QPushButton *m_cancel;
    bool m_changing = false;
    QStringList m_shownAddresses;
};

} // namespace Natter::Client
