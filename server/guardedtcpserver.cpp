#include "guardedtcpserver.h"

#include <QTcpSocket>

GuardedTcpServer::GuardedTcpServer(HttpGuard::Limits limits, QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
{
}

void GuardedTcpServer::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    new HttpGuard(socket, m_limits, m_uploads, m_upgrades);
    addPendingConnection(socket);
}
