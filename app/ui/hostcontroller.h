#pragma once

#include <QObject>
#include <QPointer>

class QWidget;

namespace Natter::Client {

class LocalServer;
class SignInWidget;

// Host mode's screens around a LocalServer, so that the main window needs three lines:
//   auto *host = new HostController(m_account->localServer(), m_signIn, this);
//   connect(m_signIn, &SignInWidget::hostRequested, host, &HostController::host);   // instead of hostServer()
//   host->resumeIfHosting();   // at start-up; in closeEvent: host->confirmQuit();
// - host(): asks once who may join (HostDialogs::askReach), starts (or adopts) the server, then shows the
//   addresses teammates should enter and where the data lives; a failure shows the last lines of its log.
// - resumeIfHosting(): at start-up, starts the server again (or adopts the one left running) when this profile
//   hosted one; the account then signs back in with its stored token as for any server.
// - confirmQuit(): when a server is running, asks whether to keep serving the team.
class HostController : public QObject
{
    Q_OBJECT
public:
    HostController(LocalServer *server, SignInWidget *signIn, QWidget *window);

    void host();
    void resumeIfHosting();
    void confirmQuit();

private:
    void onStarted();
    void onFailed(const QString &reason);

    LocalServer *m_server;
    QPointer<SignInWidget> m_signIn;
    QPointer<QWidget> m_window;
};

} // namespace Natter::Client
