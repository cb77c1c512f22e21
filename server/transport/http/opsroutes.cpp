#include "transport/http/opsroutes.h"
#include "gateway/connection.h"
#include "gateway/hub.h"
#include "metrics.h"
#include "store/database.h"
#include "transport/http/httpjson.h"

#include <common/protocol/codec.h>
#include <common/protocol/rest.h>

#include <QHostAddress>
#include <QHttpServer>

#include <QSqlError>
#include <QSqlQuery>
#include <sodium.h>

namespace Natter::Server {

OpsRoutes::OpsRoutes(Database &db, const Hub &hub)
    : m_db(db)
    , m_hub(hub)
{
    m_uptime.start();
}

void OpsRoutes::install(QHttpServer &http)
{
    http.route(Wire::Rest::Route::Health, QHttpServerRequest::Method::Get, [this] {
        Wire::Health health;
        health.version = QStringLiteral(NATTER_VERSION);
        health.uptimeMs = m_uptime.elapsed();
        health.connections = m_hub.connectionCount();
        const bool postgres = m_db.isPostgres();
        health.storeEngine = postgres ? QStringLiteral("postgresql") : QStringLiteral("sqlite");
        // A query through the writer's connection: it fails when the database is closed, locked past its
        // busy timeout or unreachable, which is what "cannot take writes" looks like from here.
        QString error;
        health.storeOk = m_db.ping(&error);
        if (!health.storeOk)
            health.storeError = error;
        health.ok = health.storeOk;
        return HttpJson::json(Wire::encode(health), health.ok ? 200 : 503);
    });

    http.route(
        Wire::Rest::Route::Metrics, QHttpServerRequest::Method::Get, [this](const QHttpServerRequest &req) {
            if (!req.remoteAddress().isLoopback()) {
                const QByteArray token = HttpJson::bearerToken(req);
                const bool allowed = !m_metricsToken.isEmpty() && token.size() == m_metricsToken.size()
                    && sodium_memcmp(token.constData(), m_metricsToken.constData(), size_t(token.size()))
                        == 0;
                if (!allowed) {
                    return m_metricsToken.isEmpty()
                        ? HttpJson::error(Wire::Error::forbidden(
                            u"/metrics answers loopback clients only; set --metrics-token to allow others"_qs))
                        : HttpJson::error(Wire::Error::unauthorized());
                }
            }
            QByteArray out;
            out.reserve(4096);
            const auto gauge = [&out](const char *name, const char *help, qint64 value) {
                out += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + " gauge\n" + name
                    + ' ' + QByteArray::number(value) + '\n';
            };
            qint64 queued = 0;
            for (const Connection *c : m_hub.allConnections())
                queued += c->bytesQueued();
            gauge("natter_connections_open", "Open gateway connections.", m_hub.connectionCount());
            gauge("natter_users_online", "Users with at least one open gateway connection.",
                m_hub.onlineUserCount());
            gauge("natter_outbound_queued_bytes",
                "Bytes written to gateway connections and not yet taken by the peer.", queued);
            gauge("natter_uptime_seconds", "Seconds since the server started.", m_uptime.elapsed() / 1000);
            metrics().write(out);
            QHttpServerResponse response(QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8"), out);
            return response;
        });
}

} // namespace Natter::Server
