#include "certificatedialog.h"

#include "session/account.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace Natter::Client {

namespace {
QLabel *fingerprintLabel(const QString &fingerprint, const QString &objectName)
{
    auto *label = new QLabel(CertificateDialog::twoLines(fingerprint));
    label->setObjectName(objectName);
    label->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}
} // namespace

CertificateDialog::CertificateDialog(const QString &server, const QString &fingerprint, const QString &subject,
    const QString &pinnedFingerprint, QWidget *parent)
    : QDialog(parent)
    , m_server(server)
    , m_fingerprint(fingerprint)
    , m_pinned(pinnedFingerprint)
    , m_subject(subject)
{
    const bool changed = isChange();
    setWindowTitle(changed ? tr("The server's certificate has changed") : tr("Check the server's certificate"));

    auto *icon = new QLabel;
    icon->setPixmap(style()
                        ->standardIcon(changed ? QStyle::SP_MessageBoxWarning : QStyle::SP_MessageBoxQuestion)
                        .pixmap(48, 48));
    icon->setAlignment(Qt::AlignTop);

    m_headline = new QLabel(changed
            ? tr("%1 now shows a different certificate from the one you trusted.").arg(server)
            : tr("%1 uses a certificate that this computer cannot verify.").arg(server));
    QFont bold = m_headline->font();
    bold.setBold(true);
    m_headline->setFont(bold);
    m_headline->setWordWrap(true);

    m_explanation = new QLabel(changed
            ? tr("Natter did not connect and sent nothing to it. A certificate changes when the server's "
                 "administrator replaces it, but also when someone intercepts the connection. Trust the new "
                 "certificate only if the administrator confirms its fingerprint.")
            : tr("This is normal for a server on a local network that made its own certificate. Compare the "
                 "fingerprint below with the one the server's administrator gives you (natter-server prints it "
                 "when it makes the certificate). Nothing has been sent to the server yet."));
    m_explanation->setWordWrap(true);

    auto *details = new QGridLayout;
    int row = 0;
    if (changed) {
        details->addWidget(new QLabel(tr("Trusted before:")), row, 0, Qt::AlignTop);
        details->addWidget(fingerprintLabel(pinnedFingerprint, u"pinnedFingerprint"_qs), row++, 1);
        details->addWidget(new QLabel(tr("Shown now:")), row, 0, Qt::AlignTop);
    } else {
        details->addWidget(new QLabel(tr("SHA-256 fingerprint:")), row, 0, Qt::AlignTop);
    }
    details->addWidget(fingerprintLabel(fingerprint, u"fingerprint"_qs), row++, 1);
    if (!subject.isEmpty()) {
        details->addWidget(new QLabel(tr("Issued to:")), row, 0);
        details->addWidget(new QLabel(subject), row++, 1);
    }

    auto *buttons = new QDialogButtonBox;
    m_trust = buttons->addButton(
        changed ? tr("Trust the new certificate") : tr("Trust this certificate"), QDialogButtonBox::AcceptRole);
    m_refuse = buttons->addButton(changed ? tr("Don't connect") : tr("Cancel"), QDialogButtonBox::RejectRole);
    // Never trust by a reflexive Enter.
    m_trust->setAutoDefault(false);
    m_refuse->setDefault(true);
    m_refuse->setFocus();
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *text = new QVBoxLayout;
    text->addWidget(m_headline);
    text->addWidget(m_explanation);
    text->addLayout(details);
    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    top->addLayout(text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buttons);
}

QString CertificateDialog::twoLines(const QString &fingerprint)
{
    // 32 bytes are 95 characters; the first 16 bytes and their colon take 48.
    if (fingerprint.size() != 95 || fingerprint.at(47) != u':') return fingerprint;
    return fingerprint.left(47) + u'\n' + fingerprint.mid(48);
}

QString CertificateDialog::text() const
{
    QStringList lines { m_headline->text(), m_explanation->text() };
    if (isChange()) lines << tr("Trusted before: %1").arg(m_pinned) << tr("Shown now: %1").arg(m_fingerprint);
    else lines << tr("SHA-256 fingerprint: %1").arg(m_fingerprint);
    if (!m_subject.isEmpty()) lines << tr("Issued to: %1").arg(m_subject);
    return lines.join(u'\n');
}

CertificatePrompt::CertificatePrompt(Account *account, QWidget *window)
    : QObject(window)
    , m_account(account)
    , m_window(window)
{
    connect(account, &Account::certificateNeedsApproval, this,
        [this](const QString &server, const QString &fingerprint, const QString &subject) {
            show(server, fingerprint, subject, {});
        });
    connect(account, &Account::certificateChanged, this,
        [this](const QString &server, const QString &pinned, const QString &fingerprint, const QString &subject) {
            show(server, fingerprint, subject, pinned);
        });
}

void CertificatePrompt::show(
    const QString &server, const QString &fingerprint, const QString &subject, const QString &pinned)
{
    if (m_dialog) {
        if (m_dialog->server() == server && m_dialog->fingerprint() == fingerprint) return;
        // The account asks one question at a time; a new one replaces the old (which it no longer awaits).
        m_dialog->disconnect(this);
        m_dialog->close();
    }
    auto *dialog = new CertificateDialog(server, fingerprint, subject, pinned, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    connect(dialog, &QDialog::finished, this, [this, server, fingerprint](int result) {
        m_account->answerCertificate(server, fingerprint, result == QDialog::Accepted);
    });
    dialog->open();
    emit dialogShown(dialog);
}

} // namespace Natter::Client
