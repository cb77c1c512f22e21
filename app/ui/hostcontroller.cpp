#include "hostcontroller.h"
#include "hostdialogs.h"
#include "signinwidget.h"

#include "host/localserver.h"

#include <QFileInfo>

namespace Natter::Client {

HostController::HostController(LocalServer *server, SignInWidget *signIn, QWidget *window)
    : QObject(window)
    , m_server(server)
    , m_signIn(signIn)
    , m_window(window)
{
    connect(m_server, &LocalServer::started, this, &HostController::onStarted);
    connect(m_server, &LocalServer::failed, this, &HostController::onFailed);
}

void HostController::host()
{
    if (m_server->isRunning() && m_server->url().isValid()) {
        onStarted();
        return;
    }
    if (m_server->reach() == LocalServer::Reach::Unset) {
        const LocalServer::Reach reach = HostDialogs::askReach(m_window);
        if (reach == LocalServer::Reach::Unset)
            return; // cancelled
        m_server->setReach(reach);
    }
    if (m_signIn)
        m_signIn->setHostingStarting(true);
    m_server->start();
}

void HostController::resumeIfHosting()
{
    // This profile hosted a server before (its reach was chosen): bring it back, or adopt the one left running.
    if (m_server->reach() != LocalServer::Reach::Unset
        && QFileInfo::exists(m_server->dataDir() + u"/natter.db"_qs))
        m_server->start();
}

void HostController::confirmQuit()
{
    if (!m_server->isRunning() || m_server->isStarting())
        return;
    m_server->setKeepServingOnQuit(HostDialogs::askKeepServing(m_window));
}

void HostController::onStarted()
{
    if (!m_signIn)
        return;
    m_signIn->setHostingStarting(false);
    m_signIn->setServer(m_server->url().toString());
    m_signIn->showHostedServer(m_server->url().toString(), m_server->teammateAddresses(), m_server->dataDir());
    if (!m_server->isAdopted())
        m_signIn->setRegistering(true);
}

void HostController::onFailed(const QString &reason)
{
    if (!m_signIn)
        return;
    m_signIn->setHostingStarting(false);
    m_signIn->clearHostedServer();
    m_signIn->showError(tr("Could not host a server on this computer. %1").arg(reason));
}

} // namespace Natter::Client
