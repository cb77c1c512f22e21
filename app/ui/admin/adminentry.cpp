#include "admin/adminentry.h"
#include "admin/invitedialog.h"
#include "chatpalette.h"
#include "session/moderation.h"
#include "session/session.h"

#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QToolButton>

namespace Natter::Client {

AdminEntry::AdminEntry(QMainWindow *window, QMenu *menu, QAction *before, QObject *parent)
    : QObject(parent)
    , m_mainWindow(window)
    , m_invite(new QAction(this))
    , m_admin(new QAction(this))
    , m_reports(new QToolButton)
{
    m_invite->setObjectName(u"invitePeople"_qs);
    m_admin->setObjectName(u"administration"_qs);
    menu->insertAction(before, m_invite);
    menu->insertAction(before, m_admin);
    m_reports->setObjectName(u"openReports"_qs);
    m_reports->setAutoRaise(true);
    m_reports->setCursor(Qt::PointingHandCursor);
    setThemedStyleSheet(m_reports, u"QToolButton { color: @danger; font-weight: bold; padding: 2px 10px; }"_qs);
    window->menuBar()->setCornerWidget(m_reports, Qt::TopRightCorner);
    connect(m_invite, &QAction::triggered, this, &AdminEntry::invitePeople);
    connect(m_admin, &QAction::triggered, this, [this] { openAdministration(); });
    connect(m_reports, &QToolButton::clicked, this, [this] { openAdministration(AdminWindow::Reports); });
    retranslate();
}

void AdminEntry::retranslate()
{
    m_invite->setText(tr("&Invite people…"));
    m_admin->setText(tr("A&dministration…"));
    update();
}

void AdminEntry::setSession(Session *session)
{
    if (m_session) m_session->moderation()->disconnect(this);
    delete m_window; // belongs to the session that ends
    m_session = session;
    if (m_session) {
        connect(m_session->moderation(), &Moderation::serverRoleChanged, this, &AdminEntry::update);
        connect(m_session->moderation(), &Moderation::openReportsChanged, this, &AdminEntry::update);
    }
    update();
}

void AdminEntry::update()
{
    const bool admin = m_session && m_session->moderation()->isServerAdmin();
    const qint64 open = admin ? m_session->moderation()->openReports() : 0;
    m_invite->setEnabled(m_session);
    m_admin->setVisible(admin);
    const int n = int(open);
    m_reports->setText(tr("⚑ %n open reports", nullptr, n));
    m_reports->setToolTip(tr("Open the report queue"));
    m_reports->setAccessibleName(m_reports->text());
    m_reports->setVisible(open > 0);
    if (!admin && m_window) m_window->close();
}

AdminWindow *AdminEntry::openAdministration(AdminWindow::Tab tab)
{
    if (!m_session || !m_session->moderation()->isServerAdmin()) return nullptr;
    if (!m_window) {
        m_window = new AdminWindow(m_session, m_mainWindow);
        m_window->setAttribute(Qt::WA_DeleteOnClose);
        m_window->move(m_mainWindow->geometry().center() - m_window->rect().center()); // over the main window
    }
    m_window->showTab(tab);
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
    return m_window;
}

void AdminEntry::invitePeople()
{
    if (!m_session) return;
    auto *dialog = new InviteDialog(m_session, m_mainWindow);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace Natter::Client
