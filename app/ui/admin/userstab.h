#pragma once

#include "models/adminusermodel.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace Natter::Client {

class Moderation;

// Accounts: who is on the server, their server role and whether they are active; make or unmake
// administrators, deactivate and reactivate, reset a password (the temporary one is shown once).
class UsersTab : public QWidget
{
    Q_OBJECT
public:
    explicit UsersTab(Moderation *moderation, QWidget *parent = nullptr);

    AdminUserModel *model() { return &m_model; }
    QTableView *table() const { return m_table; }
    void setConfirm(bool confirm) { m_confirm = confirm; }
    QString notice() const;
    void reload();
    // The buttons act on the selected row.
    void selectRow(int row);
    void toggleRole();
    void toggleActive();
    void resetPassword();

signals:
    void loaded();

private:
    void updateButtons();
    void showNotice(const QString &text, bool error);
    Wire::User selected() const;

    Moderation *m_moderation;
    AdminUserModel m_model;
    QLineEdit *m_search;
    QTableView *m_table;
    QPushButton *m_role;
    QPushButton *m_active;
    QPushButton *m_reset;
    QLabel *m_notice;
    bool m_confirm = true;
};

} // namespace Natter::Client
