#pragma once

#include "httpguard.h"

#include <QTcpServer>

// A QTcpServer that puts an HttpGuard on every accepted socket before QHttpServer sees it.
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    GuardedTcpServer(HttpGuard::Limits limits, QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    HttpGuard::Limits m_limits;
};
