#pragma once

#include <QByteArray>
#include <QElapsedTimer>

class QHttpServer;

namespace Natter::Server {

class Database;
class Hub;

// Routes for operators rather than users: GET /api/v1/health, answered without a token so that a load balancer
// or a monitor can ask. 200 when the server can take writes (its store answers a query), 503 otherwise.
// GET /metrics: Prometheus text format, to loopback clients, and to others only with the metrics token.
class OpsRoutes
{
public:
    OpsRoutes(Database &db, const Hub &hub);
    // Empty: /metrics answers loopback clients only.
    void setMetricsToken(const QByteArray &token) { m_metricsToken = token; }
    void install(QHttpServer &http);

private:
    QByteArray m_metricsToken;
    Database &m_db;
    const Hub &m_hub;
    QElapsedTimer m_uptime;
};

} // namespace Natter::Server
