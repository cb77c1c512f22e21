#include "transport/http/guardedtcpserver.h"

#include <QTcpSocket>

namespace Natter::Server {

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
    // Both transports write whole frames and coalesce them per event-loop pass; Nagle would hold the next
    // pass's frames until the client's delayed ACK (40 ms on Linux), which was all of the fan-out's p99
    // (docs/benchmarks.md). The gateway's duplicated descriptor shares the option.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    new HttpGuard(socket, m_limits, m_uploads, m_upgrades);
    addPendingConnection(socket);
}

} // namespace Natter::Server
