#include "store/nodelease.h"
#include "logging.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QHostInfo>
#include <QSqlQuery>
#include <QUuid>

namespace Natter::Server {

namespace {
const QString Now = QStringLiteral("(extract(epoch FROM clock_timestamp()) * 1000)::bigint");
}

NodeLease::NodeLease(Database &db, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_holder(u"%1 pid %2 %3"_qs.arg(QHostInfo::localHostName())
                   .arg(QCoreApplication::applicationPid())
                   .arg(QUuid::createUuid().toString(QUuid::WithoutBraces).left(8)))
{
    m_timer.setInterval(RenewMs);
    connect(&m_timer, &QTimer::timeout, this, &NodeLease::renew);
}

NodeLease::~NodeLease()
{
    release();
}

bool NodeLease::take(int nodeId)
{
    // Inserted, or taken over from a lapsed lease; a live one is left alone (no row changes).
    QSqlQuery &q = m_db.prepare(u"INSERT INTO node_leases (node_id, holder, expires_at) VALUES (?, ?, "_qs + Now
        + u" + ?) ON CONFLICT (node_id) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at"
          " WHERE node_leases.expires_at < "_qs
        + Now);
    q.addBindValue(nodeId);
    q.addBindValue(m_holder);
    q.addBindValue(LeaseMs);
    return Database::exec(q) && q.numRowsAffected() == 1;
}

bool NodeLease::acquire(int requested, QString *error)
{
    if (requested >= 0) {
        if (!take(requested)) {
            QSqlQuery &q = m_db.prepare(u"SELECT holder, expires_at - "_qs + Now
                + u" FROM node_leases WHERE node_id = ?"_qs);
            q.addBindValue(requested);
            const auto held = Database::one(q, [](const QSqlQuery &row) {
                return u"%1, for %2 s more unless renewed"_qs.arg(row.value(0).toString())
                    .arg(row.value(1).toLongLong() / 1000 + 1);
            });
            *error = u"--node-id %1 is in use by another running instance (%2): give every instance its own"
                     " --node-id, or leave it out to take a free one"_qs
                         .arg(requested)
                         .arg(held.value_or(u"unknown"_qs));
            return false;
        }
        m_nodeId = requested;
    } else {
        // The lowest free id; another instance may take it between the look and the insert: look again.
        for (int attempt = 0; attempt < 20 && m_nodeId < 0; ++attempt) {
            QSqlQuery &q = m_db.prepare(u"SELECT n FROM generate_series(0, 1023) n WHERE NOT EXISTS"
                                        " (SELECT 1 FROM node_leases l WHERE l.node_id = n AND l.expires_at >= "_qs
                + Now + u") ORDER BY n LIMIT 1"_qs);
            const auto free = Database::one(q, [](const QSqlQuery &row) { return row.value(0).toInt(); });
            if (!free) {
                *error = u"no Snowflake node id is free: 1024 instances hold leases"_qs;
                return false;
            }
            if (take(*free))
                m_nodeId = *free;
        }
        if (m_nodeId < 0) {
            *error = u"could not lease a Snowflake node id"_qs;
            return false;
        }
    }
    qCInfo(lcStore) << "leased Snowflake node id" << m_nodeId << "as" << m_holder;
    m_timer.start();
    return true;
}

void NodeLease::renew()
{
    if (m_nodeId < 0 || !m_db.isAvailable() || m_db.inTransaction())
        return; // tried again at the next tick; the lease outlives a few missed renewals
    QSqlQuery &q = m_db.prepare(
        u"UPDATE node_leases SET expires_at = "_qs + Now + u" + ? WHERE node_id = ? AND holder = ?"_qs);
    q.addBindValue(LeaseMs);
    q.addBindValue(m_nodeId);
    q.addBindValue(m_holder);
    if (!Database::exec(q))
        return;
    if (q.numRowsAffected() == 1 || take(m_nodeId))
        return;
    qCCritical(lcStore) << "the lease on Snowflake node id" << m_nodeId
                        << "lapsed and another instance holds it now; this instance must stop";
    m_timer.stop();
    m_nodeId = -1;
    emit lost();
}

void NodeLease::release()
{
    m_timer.stop();
    if (m_nodeId < 0 || !m_db.connection().isOpen() || !m_db.isAvailable())
        return;
    QSqlQuery &q = m_db.prepare(QStringLiteral("DELETE FROM node_leases WHERE node_id = ? AND holder = ?"));
    q.addBindValue(m_nodeId);
    q.addBindValue(m_holder);
    Database::exec(q);
    m_nodeId = -1;
}

} // namespace Natter::Server
