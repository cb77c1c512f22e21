#pragma once

#include <common/protocol/id.h>

#include <QWidget>

class QTabWidget;

namespace Natter::Client {

class AuditTab;
class InvitesTab;
class ReportsTab;
class Session;
class UsersTab;

// The administration window (server administrators only; the menu entry is hidden for others): accounts,
// invites, the report queue and the audit log, each a tab. Everything goes through the session's Moderation.
class AdminWindow : public QWidget
{
    Q_OBJECT
public:
    enum Tab { Users, Invites, Reports, Audit };

    explicit AdminWindow(Session *session, QWidget *parent = nullptr);

    void showTab(Tab tab);
    QTabWidget *tabs() const { return m_tabs; }
    UsersTab *users() const { return m_users; }
    InvitesTab *invites() const { return m_invites; }
    ReportsTab *reports() const { return m_reports; }
    AuditTab *audit() const { return m_audit; }
    // Questions (reasons, confirmations) are asked in dialogs unless switched off (tests).
    void setConfirm(bool confirm);
    // A person's name as the accounts list has it, else the id.
    QString personName(Wire::Id id) const;
    QString channelName(Wire::Id id) const;

private:
    void updateReportsTitle(qint64 open);

    Session *m_session;
    QTabWidget *m_tabs;
    UsersTab *m_users;
    InvitesTab *m_invites;
    ReportsTab *m_reports;
    AuditTab *m_audit;
};

} // namespace Natter::Client
