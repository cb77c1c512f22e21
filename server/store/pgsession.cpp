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
    m_pipeline.setConnection(m_conn);
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
    if (!settle() && qstrcmp(sql, "ROLLBACK") != 0)
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
    if (m_pipeline.isActive()) {
        // COMMIT in the same pipeline: one round trip for the queued statements and the commit. If one of
        // them failed, the server skips COMMIT and the transaction stays open, aborted, for the rollback.
        const bool sent = m_pipeline.send({}, QByteArrayLiteral("COMMIT"));
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

bool PgSession::commitAsync()
{
    if (!m_pipeline.send({}, QByteArrayLiteral("COMMIT")) || !m_pipeline.sync()) {
        settle();
        return false;
    }
    m_commitPending = true;
    return true;
}

bool PgSession::queue(const QByteArray &name, const QByteArray &sql, int count, const char *const *values,
    const int *lengths, const int *formats)
{
    if (m_pipeline.send(name, sql, count, values, lengths, formats))
        return true;
    m_lastError = m_pipeline.lastError();
    return false;
}

bool PgSession::settle()
{
    if (!m_pipeline.isActive())
        return true;
    const bool ok = m_pipeline.settle();
    if (!ok)
        m_lastError = m_pipeline.lastError();
    if (m_commitPending) {
        // What was owed belonged to the deferred commit, whose handler hears how it went; the caller, who
        // only needed the connection free, goes on (and learns of a lost connection from its own statement).
        commitAnswered();
        return true;
    }
    return ok;
}

void PgSession::poll()
{
    if (m_pipeline.isActive() && m_pipeline.poll() && m_commitPending)
        commitAnswered();
}

void PgSession::commitAnswered()
{
    m_commitPending = false;
    // COMMIT's own answer decides, not the rest of the pipeline: the connection may break after it came.
    const bool ok = m_pipeline.commitAnswer() == PgPipeline::CommitAnswer::Committed;
    if (!ok) {
        if (m_pipeline.ok())
            m_lastError = u"the connection to PostgreSQL was lost before COMMIT was answered"_qs;
        else
            m_lastError = m_pipeline.lastError();
        // A statement before COMMIT failed: the server skipped COMMIT, and the transaction waits for
        // ROLLBACK.
        if (isConnected() && PQtransactionStatus(m_conn) == PQTRANS_INERROR)
            PQclear(PQexec(m_conn, "ROLLBACK"));
    }
    if (m_onCommit)
        m_onCommit(ok);
}

int PgSession::socket() const
{
    return m_conn ? PQsocket(m_conn) : -1;
}

bool PgSession::inTransaction() const
{
    if (m_commitPending)
        return false; // COMMIT is on its way: what follows is not part of that transaction
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
    settle(); // answers a pending commit (failed: the connection is gone)
    m_pipeline.clear();
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
