#pragma once

#include "admin/adminwindow.h"

#include <QObject>
#include <QPointer>

class QAction;
class QMainWindow;
class QMenu;
class QToolButton;

namespace Natter::Client {

class Session;

// The main window's way into moderation: "Invite people…" for everyone, "Administration…" for server
// administrators only (hidden otherwise), and the open report count beside the menus (a click opens the
// queue). Follows the signed-in session; null while signed out.
class AdminEntry : public QObject
{
    Q_OBJECT
public:
    AdminEntry(QMainWindow *window, QMenu *menu, QAction *before, QObject *parent = nullptr);

    void setSession(Session *session);
    // The menu entries' and the report count's texts in the current language.
    void retranslate();
    QAction *administrationAction() const { return m_admin; }
    QAction *inviteAction() const { return m_invite; }
    QToolButton *reportsButton() const { return m_reports; }
    // The administration window, once opened.
    AdminWindow *adminWindow() const { return m_window; }
    AdminWindow *openAdministration(AdminWindow::Tab tab = AdminWindow::Users);
    void invitePeople();

private:
    void update();

    QMainWindow *m_mainWindow;
    Session *m_session = nullptr;
    QAction *m_invite;
    QAction *m_admin;
    QToolButton *m_reports;
    QPointer<AdminWindow> m_window;
};

} // namespace Natter::Client
