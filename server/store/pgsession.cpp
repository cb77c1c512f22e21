#include "store/pgsession.h"
#include "logging.h"
#include "store/pgschema.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QUrl>
#include <QUrlQuery>
#include <QVariant>

#include <libpq-fe.h>

namespace Natter::Server {

namespace {
    // pg_advisory_xact_lock's key for migrations: any constant the application owns.
    constexpr const char *MigrationLock = "SELECT pg_advisory_xact_lock(7400521)";
    // Answers owed before the ones read so far are taken in: PostgreSQL stops reading statements while its
    // answers fill the socket, and libpq (blocking) would then wait for ever to send the next one.
    constexpr size_t MaxQueued = 256;
} // namespace

bool PgSession::configure(QSqlDatabase &db, const QString &text, QString *error)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"postgresql" && url.scheme() != u"postgres")
        || url.path().size() < 2) {
        *error = u"--database must be postgresql://USER@HOST:PORT/DATABASE, not %1"_qs.arg(text);
        return false;
    }
    const QUrlQuery query(url);
    const QString socketDir = query.queryItemValue(u"host"_qs, QUrl::FullyDecoded);
    db.setHostName(socketDir.isEmpty() ? url.host() : socketDir);
    db.setPort(url.port(5432));
    db.setUserName(url.userName(QUrl::FullyDecoded));
    db.setPassword(url.password(QUrl::FullyDecoded));
    db.setDatabaseName(url.path(QUrl::FullyDecoded).mid(1));
    // A host that does not answer must not hold the event loop for long: connects give up after 3 s.
    db.setConnectOptions(u"connect_timeout=3;application_name=natter-server"_qs);
    return true;
}

bool PgSession::attach(QSqlDatabase &db, QString *error)
{
    const QVariant handle = db.driver()->handle();
    if (qstrcmp(handle.typeName(), "PGconn*") == 0 || qstrcmp(handle.typeName(), "pg_conn*") == 0)
        m_conn = *static_cast<PGconn *const *>(handle.constData());
    if (!m_conn) {
        *error = u"the PostgreSQL driver does not expose its connection"_qs;
        return false;
    }
    if (!setUp()) {
        *error = m_lastError;
        return false;
    }
    return true;
}

bool PgSession::setUp()
{
    ++m_session;
    // What QPSQL sets when it opens, again after a reset; and no statement may wait for a lock for ever.
    return PQsetClientEncoding(m_conn, "UTF8") == 0 && exec("SET lock_timeout = '10s'")
        && exec("SET client_min_messages = warning");
}

bool PgSession::exec(const char *sql)
{
    if (m_pipelining && !settle() && qstrcmp(sql, "ROLLBACK") != 0)
        return false;
    PGresult *r = PQexec(m_conn, sql);
    const ExecStatusType status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    const bool ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
    if (!ok) {
        m_lastError = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
        qCWarning(lcStore) << sql << "failed:" << m_lastError;
    }
    PQclear(r);
    return ok;
}

bool PgSession::commit()
{
    if (m_pipelining) {
        // COMMIT in the same pipeline: one round trip for the queued statements and the commit. If one of
        // them failed, the server skips COMMIT and the transaction stays open, aborted, for the rollback.
        const bool sent
            = queue(QByteArrayLiteral(""), QByteArrayLiteral("COMMIT"), 0, nullptr, nullptr, nullptr);
        return settle() && sent;
    }
    PGresult *r = PQexec(m_conn, "COMMIT");
    const bool ok = r && PQresultStatus(r) == PGRES_COMMAND_OK && qstrcmp(PQcmdStatus(r), "COMMIT") == 0;
    if (!ok) {
        m_lastError = r && PQresultStatus(r) == PGRES_COMMAND_OK
            ? u"the transaction had failed and was rolled back"_qs
            : QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
        if (m_lastError.isEmpty())
            m_lastError = u"the connection to PostgreSQL was lost during COMMIT"_qs;
    }
    PQclear(r);
    return ok;
}

bool PgSession::queue(const QByteArray &name, const QByteArray &sql, int count, const char *const *values,
    const int *lengths, const int *formats)
{
    if (!m_pipelining) {
        if (PQenterPipelineMode(m_conn) != 1) {
            m_lastError = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
            return false;
        }
        m_pipelining = true;
        m_queueFailed = false;
    }
    // An empty name is COMMIT, sent as a parameterless statement (pipeline mode has only the extended
    // protocol).
    const int sent = name.isEmpty()
        ? PQsendQueryParams(m_conn, sql.constData(), 0, nullptr, nullptr, nullptr, nullptr, 0)
        : PQsendQueryPrepared(m_conn, name.constData(), count, values, lengths, formats, 0);
    if (sent != 1) {
        m_lastError = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
        qCWarning(lcStore) << "cannot send" << sql << m_lastError;
        m_queueFailed = true;
        return false;
    }
    m_queued.push_back(sql);
    if (m_queued.size() >= MaxQueued) {
        // Take in the answers so far (without ending the pipeline), so that they never fill the socket.
        if (PQsendFlushRequest(m_conn) != 1 || PQflush(m_conn) != 0 || !readQueued())
            m_queueFailed = true;
    }
    return true;
}

bool PgSession::readQueued()
{
    bool ok = true;
    for (const QByteArray &sql : m_queued) {
        PGresult *r = PQgetResult(m_conn);
        if (!r) { // the connection broke: no more answers will come
            m_lastError = u"the connection to PostgreSQL was lost: %1"_qs.arg(
                QString::fromUtf8(PQerrorMessage(m_conn)).trimmed());
            m_queued.clear();
            return false;
        }
        const ExecStatusType status = PQresultStatus(r);
        const bool committed = sql != "COMMIT" || qstrcmp(PQcmdStatus(r), "COMMIT") == 0;
        if ((status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) || !committed) {
            if (ok && status != PGRES_PIPELINE_ABORTED) { // the first failure; the ones after it were skipped
                m_lastError = status == PGRES_COMMAND_OK
                    ? u"the transaction had failed and was rolled back"_qs
                    : QString::fromUtf8(PQresultErrorMessage(r)).trimmed();
                // A unique violation is what a caller that queues inserts expects now and then (a repeat
                // stored meanwhile by another instance) and answers by retrying; anything else is worth a
                // warning.
                if (qstrcmp(PQresultErrorField(r, PG_DIAG_SQLSTATE), "23505") == 0)
                    qCInfo(lcStore) << "pipelined statement hit a unique key:" << m_lastError;
                else
                    qCWarning(lcStore) << "query failed:" << sql << m_lastError;
            } else if (ok) {
                m_lastError = u"a statement before it failed"_qs;
            }
            ok = false;
        }
        PQclear(r);
        PQclear(PQgetResult(m_conn)); // the null that ends each statement's answers
    }
    m_queued.clear();
    return ok;
}

bool PgSession::settle()
{
    if (!m_pipelining)
        return true;
    bool ok = PQpipelineSync(m_conn) == 1;
    ok = readQueued() && ok && !m_queueFailed;
    if (PQstatus(m_conn) != CONNECTION_OK) {
        dropPipeline();
        return false;
    }
    PGresult *sync = PQgetResult(m_conn);
    ok = sync && PQresultStatus(sync) == PGRES_PIPELINE_SYNC && ok;
    PQclear(sync);
    if (PQexitPipelineMode(m_conn) != 1) {
        qCWarning(lcStore) << "cannot leave pipeline mode:" << PQerrorMessage(m_conn);
        ok = false;
    }
    dropPipeline();
    return ok;
}

void PgSession::dropPipeline()
{
    // After a lost connection libpq still counts the pipeline; PQreset (ensureConnected) starts afresh.
    m_pipelining = PQpipelineStatus(m_conn) != PQ_PIPELINE_OFF && PQstatus(m_conn) == CONNECTION_OK;
    m_queued.clear();
    m_queueFailed = false;
}

bool PgSession::inTransaction() const
{
    const PGTransactionStatusType status = PQtransactionStatus(m_conn);
    return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE;
}

bool PgSession::isConnected() const
{
    return m_conn && PQstatus(m_conn) == CONNECTION_OK;
}

bool PgSession::ensureConnected()
{
    if (!m_conn)
        return false;
    if (PQstatus(m_conn) == CONNECTION_OK)
        return true;
    if (m_lastAttempt.isValid() && m_lastAttempt.elapsed() < 1000)
        return false;
    m_lastAttempt.start();
    m_queued.clear();
    m_pipelining = false;
    PQreset(m_conn);
    if (PQstatus(m_conn) != CONNECTION_OK) {
        m_lastError
            = u"PostgreSQL is unreachable: %1"_qs.arg(QString::fromUtf8(PQerrorMessage(m_conn)).trimmed());
        qCWarning(lcStore) << m_lastError;
        return false;
    }
    if (!setUp())
        return false;
    qCInfo(lcStore) << "reconnected to PostgreSQL";
    return true;
}

int PgSession::schemaVersion()
{
    PGresult *r = PQexec(m_conn, "SELECT version FROM natter_schema");
    const int version
        = r && PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1 ? atoi(PQgetvalue(r, 0, 0)) : -1;
    PQclear(r);
    return version;
}

bool PgSession::migrate(QString *error)
{
    const auto &steps = PgSchema::migrations();
    auto fail = [&](const QString &what) {
        *error = what + u": "_qs + m_lastError;
        exec("ROLLBACK");
        return false;
    };
    if (!exec("BEGIN") || !exec(MigrationLock)
        || !exec("CREATE TABLE IF NOT EXISTS natter_schema (version integer NOT NULL)")
        || !exec("INSERT INTO natter_schema SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM natter_schema)"))
        return fail(u"cannot read the schema version"_qs);
    int version = schemaVersion();
    if (version > steps.size()) {
        exec("ROLLBACK");
        *error = u"database schema %1 is newer than this server understands (%2)"_qs.arg(version).arg(
            steps.size());
        return false;
    }
    const int from = version;
    for (; version < steps.size(); ++version) {
        for (const QString &sql : steps.at(version))
            if (!exec(sql.toUtf8().constData()))
                return fail(u"migration %1 failed"_qs.arg(version + 1));
    }
    if (!exec(QByteArray("UPDATE natter_schema SET version = " + QByteArray::number(version)).constData()))
        return fail(u"cannot record the schema version"_qs);
    if (!commit())
        return fail(u"cannot commit the migration"_qs);
    if (version != from)
        qCInfo(lcStore) << "PostgreSQL schema migrated from version" << from << "to" << version;
    return true;
}

} // namespace Natter::Server
