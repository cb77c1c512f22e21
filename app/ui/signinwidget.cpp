#include "signinwidget.h"
#include "chatpalette.h"

#include <common/protocollimits.h>

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDir>
#include <QGridLayout>
#include <QFormLayout>
#include <QEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Natter::Client {

SignInWidget::SignInWidget(QWidget *parent)
    : QWidget(parent)
    , m_server(new QLineEdit)
    , m_username(new QLineEdit)
    , m_password(new QLineEdit)
    , m_displayName(new QLineEdit)
    , m_displayNameLabel(new QLabel)
    , m_register(new QCheckBox)
    , m_submit(new QPushButton)
    , m_host(new QPushButton)
    , m_error(new QLabel)
    , m_title(new QLabel)
    , m_subtitle(new QLabel)
    , m_serverLabel(new QLabel)
    , m_usernameLabel(new QLabel)
    , m_passwordLabel(new QLabel)
    , m_hostPanel(new QWidget)
    , m_newPassword(new QLineEdit)
    , m_confirmPassword(new QLineEdit)
    , m_newPasswordLabel(new QLabel)
    , m_confirmPasswordLabel(new QLabel)
    , m_cancel(new QPushButton)
{
    m_hostPanel->setObjectName(u"hostPanel"_qs);
    m_hostPanel->hide();
    m_server->setObjectName(u"server"_qs);
    m_username->setObjectName(u"username"_qs);
    m_password->setObjectName(u"password"_qs);
    m_displayName->setObjectName(u"displayName"_qs);
    m_register->setObjectName(u"register"_qs);
    m_submit->setObjectName(u"submit"_qs);
    m_error->setObjectName(u"error"_qs);
    m_host->setObjectName(u"host"_qs);
    m_host->setFlat(true);
    m_host->setCursor(Qt::PointingHandCursor);
    setThemedStyleSheet(m_host, 
        u"QPushButton { color: @accent; border: none; padding: 4px; text-decoration: underline; }"
        " QPushButton:disabled { color: @muted; text-decoration: none; }"_qs);
    m_password->setEchoMode(QLineEdit::Password);
    m_newPassword->setObjectName(u"newPassword"_qs);
    m_confirmPassword->setObjectName(u"confirmPassword"_qs);
    m_cancel->setObjectName(u"cancelPasswordChange"_qs);
    m_newPassword->setEchoMode(QLineEdit::Password);
    m_confirmPassword->setEchoMode(QLineEdit::Password);
    m_newPasswordLabel->setBuddy(m_newPassword);
    m_confirmPasswordLabel->setBuddy(m_confirmPassword);
    m_cancel->setFlat(true);
    m_cancel->hide();
    m_error->setWordWrap(true);
    setThemedStyleSheet(m_error, u"QLabel { color: @danger; background: @dangerBg; border: 1px solid @dangerBorder;"
                           " border-radius: 6px; padding: 8px; }"_qs);
    m_error->hide();
    m_submit->setDefault(true);
    m_submit->setMinimumHeight(34);
    setThemedStyleSheet(m_submit, 
        u"QPushButton { background: @accent; color: @onAccent; border: none; border-radius: 6px;"
        " padding: 6px 18px; font-weight: bold; } QPushButton:disabled { background: @accentDisabled; }"_qs);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    auto *card = new QWidget;
    card->setObjectName(u"card"_qs);
    card->setMaximumWidth(440);
    setThemedStyleSheet(card, u"#card { background: @base; border: 1px solid @border; border-radius: 10px; }"_qs);
    auto *form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapAllRows);
    form->addRow(m_serverLabel, m_server);
    form->addRow(m_usernameLabel, m_username);
    form->addRow(m_passwordLabel, m_password);
    form->addRow(m_displayNameLabel, m_displayName);
    form->addRow(m_newPasswordLabel, m_newPassword);
    form->addRow(m_confirmPasswordLabel, m_confirmPassword);
    auto *cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(28, 24, 28, 24);
    cardLayout->setSpacing(12);
    cardLayout->addWidget(m_title);
    m_subtitle->setWordWrap(true);
    setThemedStyleSheet(m_subtitle, u"color: @muted;"_qs);
    cardLayout->addWidget(m_subtitle);
    cardLayout->addLayout(form);
    cardLayout->addWidget(m_register);
    cardLayout->addWidget(m_error);
    cardLayout->addWidget(m_hostPanel);
    cardLayout->addWidget(m_submit);
    cardLayout->addWidget(m_cancel, 0, Qt::AlignHCenter);
    cardLayout->addWidget(m_host, 0, Qt::AlignHCenter);

    auto *outer = new QVBoxLayout(this);
    outer->addStretch();
    auto *row = new QHBoxLayout;
    row->addStretch();
    row->addWidget(card, 1);
    row->addStretch();
    outer->addLayout(row);
    outer->addStretch();

    connect(m_register, &QCheckBox::toggled, this, &SignInWidget::updateMode);
    connect(m_submit, &QPushButton::clicked, this, &SignInWidget::submit);
    connect(m_cancel, &QPushButton::clicked, this, &SignInWidget::cancelPasswordChange);
    connect(m_host, &QPushButton::clicked, this, &SignInWidget::hostRequested);
    for (QLineEdit *edit : { m_server, m_username, m_password, m_displayName, m_newPassword, m_confirmPassword })
        connect(edit, &QLineEdit::returnPressed, this, &SignInWidget::submit);
    showPasswordFields(false);
    retranslate();
}

void SignInWidget::retranslate()
{
    if (m_changing) {
        m_title->setText(tr("Choose a new password"));
        m_subtitle->setText(tr("An administrator reset your password. Choose a new one to continue."));
    } else {
        m_title->setText(tr("Join your team on Natter"));
        m_subtitle->setText(tr("Sign in with the account your team gave you, or create one."));
    }
    m_newPasswordLabel->setText(tr("New password"));
    m_confirmPasswordLabel->setText(tr("New password again"));
    m_newPassword->setPlaceholderText(tr("At least %n character(s)", nullptr, Limits::MinPasswordChars));
    m_newPassword->setAccessibleName(tr("New password"));
    m_confirmPassword->setAccessibleName(tr("New password again"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setAccessibleName(tr("Cancel and sign in again"));
    m_serverLabel->setText(tr("Server address"));
    m_usernameLabel->setText(tr("Username"));
    m_passwordLabel->setText(tr("Password"));
    m_displayNameLabel->setText(tr("Display name"));
    m_register->setText(tr("Create a new account on this server"));
    m_server->setPlaceholderText(tr("chat.example.com:%1").arg(Limits::DefaultPort));
    m_username->setPlaceholderText(tr("e.g. alice"));
    m_displayName->setPlaceholderText(tr("How others see you (optional)"));
    m_host->setToolTip(tr("Start a Natter server on this computer, with its data in this profile, "
                          "and create the first account on it."));
    // The texts that follow a state keep it: busy signing in, a server starting.
    if (m_submit->isEnabled())
        updateMode();
    else
        m_submit->setText(busyText());
    m_host->setText(m_host->isEnabled() ? tr("Host a server on this computer") : tr("Starting the server…"));
}

void SignInWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void SignInWidget::updateMode()
{
    const bool registering = m_register->isChecked() && !m_changing;
    m_displayName->setVisible(registering);
    m_displayNameLabel->setVisible(registering);
    if (m_changing)
        m_submit->setText(tr("Set password and sign in"));
    else
        m_submit->setText(registering ? tr("Create account") : tr("Sign in"));
}

QString SignInWidget::busyText() const
{
    if (m_changing) return tr("Setting the password…");
    return isRegistering() ? tr("Creating account…") : tr("Signing in…");
}

// The sign-in fields and the new-password fields take turns in one form.
void SignInWidget::showPasswordFields(bool changing)
{
    for (QWidget *w : std::initializer_list<QWidget *> {
             m_server, m_serverLabel, m_username, m_usernameLabel, m_password, m_passwordLabel, m_register })
        w->setVisible(!changing);
    for (QWidget *w : std::initializer_list<QWidget *> {
             m_newPassword, m_newPasswordLabel, m_confirmPassword, m_confirmPasswordLabel, m_cancel })
        w->setVisible(changing);
    m_host->setVisible(!changing);
}

void SignInWidget::showPasswordChange()
{
    m_changing = true;
    m_newPassword->clear();
    m_confirmPassword->clear();
    m_error->hide();
    m_hostPanel->hide();
    showPasswordFields(true);
    retranslate();
    m_newPassword->setFocus();
}

void SignInWidget::cancelPasswordChange()
{
    if (!m_changing) return;
    m_changing = false;
    m_newPassword->clear();
    m_confirmPassword->clear();
    m_password->clear(); // the temporary password is spent on this screen: type it again to retry
    m_error->hide();
    showPasswordFields(false);
    if (!m_shownAddresses.isEmpty() || m_hostPanel->layout()) m_hostPanel->show();
    retranslate();
    m_password->setFocus();
}

QString SignInWidget::newPassword() const
{
    return m_newPassword->text();
}

void SignInWidget::submit()
{
    if (!m_submit->isEnabled()) return;
    if (!m_changing) {
        emit submitted();
        return;
    }
    // Checked here so that a typo never reaches the server (and never counts against the rate limit).
    if (m_newPassword->text().size() < Limits::MinPasswordChars) {
        showError(tr("The new password is too short: use at least %n character(s).", nullptr,
            Limits::MinPasswordChars));
        m_newPassword->setFocus();
        return;
    }
    if (m_newPassword->text() != m_confirmPassword->text()) {
        showError(tr("The two passwords do not match."));
        m_confirmPassword->setFocus();
        return;
    }
    emit passwordChangeSubmitted();
}

void SignInWidget::keyPressEvent(QKeyEvent *event)
{
    // Not while the change is on its way: its answer would open a session behind the normal sign-in screen.
    if (m_changing && event->key() == Qt::Key_Escape && m_submit->isEnabled()) {
        cancelPasswordChange();
        return;
    }
    QWidget::keyPressEvent(event);
}

void SignInWidget::setServer(const QString &server)
{
    m_server->setText(server);
}
void SignInWidget::setUsername(const QString &username)
{
    m_username->setText(username);
}
void SignInWidget::setPassword(const QString &password)
{
    m_password->setText(password);
}
QString SignInWidget::server() const
{
    return m_server->text().trimmed();
}
QString SignInWidget::username() const
{
    return m_username->text().trimmed();
}
QString SignInWidget::password() const
{
    return m_password->text();
}
QString SignInWidget::displayName() const
{
    return m_displayName->text().trimmed();
}
bool SignInWidget::isRegistering() const
{
    return m_register->isChecked();
}
void SignInWidget::setRegistering(bool registering)
{
    m_register->setChecked(registering);
}
QString SignInWidget::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void SignInWidget::setBusy(bool busy)
{
    for (QWidget *w : std::initializer_list<QWidget *> { m_server, m_username, m_password, m_displayName,
             m_register, m_newPassword, m_confirmPassword, m_cancel })
        w->setEnabled(!busy);
    m_submit->setEnabled(!busy);
    if (busy) {
        m_submit->setText(busyText());
        m_error->hide();
    } else {
        updateMode();
    }
}

void SignInWidget::setHostingStarting(bool starting)
{
    m_host->setEnabled(!starting);
    m_host->setText(starting ? tr("Starting the server…") : tr("Host a server on this computer"));
    if (starting)
        m_error->hide();
}

void SignInWidget::showHostedServer(
    const QString &localUrl, const QStringList &teammateAddresses, const QString &dataDir)
{
    clearHostedServer();
    m_shownAddresses = teammateAddresses;
    auto *grid = new QGridLayout(m_hostPanel);
    grid->setContentsMargins(0, 0, 0, 0);
    int row = 0;
    const auto heading = [&](const QString &text) {
        auto *label = new QLabel(text);
        label->setWordWrap(true);
        setThemedStyleSheet(label, u"color: @cardText; font-weight: bold;"_qs);
        grid->addWidget(label, row++, 0, 1, 2);
    };
    if (teammateAddresses.isEmpty()) {
        heading(tr("Only this computer can join (%1).").arg(localUrl));
    } else {
        heading(tr("Teammates enter one of these server addresses:"));
        for (const QString &address : teammateAddresses) {
            auto *label = new QLabel(address);
            label->setObjectName(u"teammateAddress"_qs);
            label->setTextInteractionFlags(Qt::TextSelectableByMouse);
            auto *copy = new QPushButton(tr("Copy"));
            copy->setObjectName(u"copyAddress"_qs);
            connect(copy, &QPushButton::clicked, this, [address] { QApplication::clipboard()->setText(address); });
            grid->addWidget(label, row, 0);
            grid->addWidget(copy, row++, 1);
        }
    }
    auto *data = new QLabel(tr("Data: %1").arg(QDir::toNativeSeparators(dataDir)));
    data->setObjectName(u"hostDataDir"_qs);
    data->setWordWrap(true);
    data->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setThemedStyleSheet(data, u"color: @muted;"_qs);
    grid->addWidget(data, row++, 0, 1, 2);
    m_hostPanel->show();
}

void SignInWidget::clearHostedServer()
{
    m_shownAddresses.clear();
    m_hostPanel->hide();
    delete m_hostPanel->layout();
    qDeleteAll(m_hostPanel->findChildren<QWidget *>(QString(), Qt::FindDirectChildrenOnly));
}

void SignInWidget::showError(const QString &message)
{
    setThemedStyleSheet(m_error, u"QLabel { color: @danger; background: @dangerBg; border: 1px solid @dangerBorder;"
                           " border-radius: 6px; padding: 8px; }"_qs);
    m_error->setText(message);
    m_error->show();
}

void SignInWidget::showNotice(const QString &message)
{
    setThemedStyleSheet(m_error, u"QLabel { color: @info; background: @infoBg; border: 1px solid @infoBorder;"
                           " border-radius: 6px; padding: 8px; }"_qs);
    m_error->setText(message);
    m_error->show();
}

} // namespace Natter::Client
