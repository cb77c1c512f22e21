#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QPlainTextEdit;

namespace Natter::Client {

// "Report message…": why the message breaks the rules (a kind and optional details), sent to the server's
// administrators. The reporter hears back once they act on it.
class ReportDialog : public QDialog
{
    Q_OBJECT
public:
    ReportDialog(const QString &author, const QString &excerpt, QWidget *parent = nullptr);

    // The reason as the administrators read it: "Spam: details" (details alone for "Other").
    QString reason() const;
    QComboBox *kind() const { return m_kind; }
    QPlainTextEdit *details() const { return m_details; }

private:
    void updateButton();

    QComboBox *m_kind;
    QPlainTextEdit *m_details;
    QDialogButtonBox *m_buttons;
};

} // namespace Natter::Client
