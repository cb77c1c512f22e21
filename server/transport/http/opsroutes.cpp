#include "transport/http/opsroutes.h"
#include "gateway/hub.h"
#include "store/database.h"
#include "transport/http/httpjson.h"

#include <common/protocol/codec.h>
#include <common/protocol/rest.h>

#include <QHttpServer>
#include <QSqlError>
#include <QSqlQuery>

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
        health.storeEngine = QStringLiteral("sqlite");
        // A query through the writer's connection: it fails when the database is closed, locked past its
        // busy timeout or unreadable, which is what "cannot take writes" looks like from here.
        QSqlQuery probe(m_db.connection());
        health.storeOk = probe.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) && probe.next();
        if (!health.storeOk)
            health.storeError = probe.lastError().text();
        health.ok = health.storeOk;
        return HttpJson::json(Wire::encode(health), health.ok ? 200 : 503);
    });
}

} // namespace Natter::Server
