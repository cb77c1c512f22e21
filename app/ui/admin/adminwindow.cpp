#include "admin/adminwindow.h"
#include "admin/audittab.h"
#include "admin/invitestab.h"
#include "admin/reportstab.h"
#include "admin/userstab.h"
#include "session/moderation.h"
#include "session/session.h"

#include <QTabWidget>
#include <QVBoxLayout>

namespace Natter::Client {

AdminWindow::AdminWindow(Session *session, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_session(session)
    , m_tabs(new QTabWidget)
{
    setObjectName(u"adminWindow"_qs);
    setWindowTitle(tr("Administration"));
    setAccessibleName(tr("Administration"));
    resize(1120, 620);
    const auto people = [this](Wire::Id id) { return personName(id); };
    const auto channels = [this](Wire::Id id) { return channelName(id); };
    m_users = new UsersTab(session->moderation());
    m_invites = new InvitesTab(session->moderation(), session->serverUrl());
    m_reports = new ReportsTab(session->moderation(), people, channels);
    m_audit = new AuditTab(session->moderation(), people, channels);
    m_tabs->setObjectName(u"adminTabs"_qs);
    m_tabs->addTab(m_users, tr("Users"));
    m_tabs->addTab(m_invites, tr("Invites"));
    m_tabs->addTab(m_reports, tr("Reports"));
    m_tabs->addTab(m_audit, tr("Audit log"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(m_tabs);
    // Names in the reports and the audit log come from the accounts list: refresh them when it arrives.
    connect(m_users, &UsersTab::loaded, m_reports, &ReportsTab::refreshNames);
    connect(m_users, &UsersTab::loaded, m_audit, &AuditTab::refreshNames);
    connect(session->moderation(), &Moderation::openReportsChanged, this, &AdminWindow::updateReportsTitle);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == Audit) m_audit->reload(); // the log grows with every action taken in the other tabs
    });
    updateReportsTitle(session->moderation()->openReports());
    m_users->reload();
    m_invites->reload();
    m_reports->reload();
    m_audit->reload();
}

void AdminWindow::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(tab);
}

void AdminWindow::setConfirm(bool confirm)
{
    m_users->setConfirm(confirm);
    m_reports->setConfirm(confirm);
}

QString AdminWindow::personName(Wire::Id id) const
{
    const Wire::User u = m_users->model()->userAt(m_users->model()->rowOf(id));
    if (!u.id.isValid()) return id == m_session->me().id ? m_session->me().username : QString();
    return u.displayName.isEmpty() ? u.username : u.displayName;
}

QString AdminWindow::channelName(Wire::Id id) const
{
    const Channel c = m_session->channel(id);
    return c.id.isValid() ? c.name : tr("channel %1").arg(id.toString());
}

void AdminWindow::updateReportsTitle(qint64 open)
{
    m_tabs->setTabText(Reports, open > 0 ? tr("Reports (%1)").arg(open) : tr("Reports"));
}

} // namespace Natter::Client
