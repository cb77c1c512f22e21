#pragma once

#include <QDialog>
#include <QPointer>

class QLabel;
class QPushButton;

namespace Natter::Client {

class Account;

// Asks whether to trust a server's certificate that does not verify (self-signed, unknown CA). It shows the
// server, the certificate's SHA-256 fingerprint (to compare with what `natter-server make-cert` printed) and
// its subject. With PINNED_FINGERPRINT set it is the warning for a pinned server that now shows another
// certificate: both fingerprints, "Don't connect" as the default. Accepted means "trust it".
class CertificateDialog : public QDialog
{
    Q_OBJECT
public:
    CertificateDialog(const QString &server, const QString &fingerprint, const QString &subject,
        const QString &pinnedFingerprint, QWidget *parent = nullptr);

    QString server() const { return m_server; }
    QString fingerprint() const { return m_fingerprint; }
    bool isChange() const { return !m_pinned.isEmpty(); }
    // Everything the dialog says, as plain text (fingerprints on one line each).
    QString text() const;
    QPushButton *trustButton() const { return m_trust; }
    QPushButton *refuseButton() const { return m_refuse; }

    // "AB:CD:…" split in two lines of 16 bytes, as most tools show a SHA-256 fingerprint.
    static QString twoLines(const QString &fingerprint);

private:
    QString m_server;
    QString m_fingerprint;
    QString m_pinned;
    QString m_subject;
    QLabel *m_headline = nullptr;
    QLabel *m_explanation = nullptr;
    QPushButton *m_trust = nullptr;
    QPushButton *m_refuse = nullptr;
};

// Shows the account's certificate questions over WINDOW, one at a time (window-modal), and answers them.
class CertificatePrompt : public QObject
{
    Q_OBJECT
public:
    CertificatePrompt(Account *account, QWidget *window);

    // The dialog on screen, or null.
    CertificateDialog *dialog() const { return m_dialog; }

signals:
    void dialogShown(Natter::Client::CertificateDialog *dialog);

private:
    void show(const QString &server, const QString &fingerprint, const QString &subject, const QString &pinned);

    Account *m_account;
    QPointer<QWidget> m_window;
    QPointer<CertificateDialog> m_dialog;
};

} // namespace Natter::Client
