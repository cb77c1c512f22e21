#include "store/pgstatement.h"
#include "logging.h"
#include "store/pgsession.h"
#include "store/sqldialect.h"

#include <libpq-fe.h>

#include <atomic>

namespace Natter::Server {

namespace {
    constexpr Oid ByteaOid = 17;
    constexpr Oid BoolOid = 16;
} // namespace

PgStatement::PgStatement(const char *sql)
{
    static std::atomic<int> counter { 0 };
    m_name = "natter_" + QByteArray::number(++counter);
    m_sql = SqlDialect::toPostgres(QString::fromUtf8(sql), true, &m_count).toUtf8();
    m_params.resize(size_t(m_count));
}

bool PgStatement::prepareIn(PgSession *session)
{
    m_pg = session;
    m_session = session->session();
    if (!session->settle()) { // PQprepare waits for its answer: the pipeline's go first
        // The transaction is aborted, and a PREPARE in it would fail too: prepared when next used.
        m_prepared = false;
        m_error = session->lastError();
        return false;
    }
    PGresult *r = PQprepare(m_pg->handle(), m_name.constData(), m_sql.constData(), m_count, nullptr);
    m_prepared = r && PQresultStatus(r) == PGRES_COMMAND_OK;
    if (!m_prepared) {
        m_error = QString::fromUtf8(PQerrorMessage(m_pg->handle())).trimmed();
        qCCritical(lcStore) << "cannot prepare" << m_sql << m_error;
    }
    PQclear(r);
    return m_prepared;
}

PgStatement::~PgStatement()
{
    clearResult();
    // The statement lives until the session ends; deallocating it here would need a round trip (and fail
    // inside an aborted transaction). Statements are cached for the session's lifetime, so none leak.
}

PgStatement::Param *PgStatement::param(int index)
{
    if (index < 1 || size_t(index) > m_params.size()) {
        m_failed = true;
        return nullptr;
    }
    return &m_params[size_t(index - 1)];
}

PgStatement &PgStatement::bind(int index, qint64 value)
{
    if (Param *p = param(index))
        *p = { QByteArray::number(value), false, false };
    return *this;
}

PgStatement &PgStatement::bind(int index, const QString &text)
{
    if (Param *p = param(index))
        *p = { text.toUtf8(), false, false };
    return *this;
}

PgStatement &PgStatement::bind(int index, const QByteArray &bytes)
{
    if (Param *p = param(index))
        *p = { bytes.isNull() ? QByteArray("") : bytes, false, true };
    return *this;
}

PgStatement &PgStatement::bindNull(int index)
{
    if (Param *p = param(index))
        *p = {};
    return *this;
}

bool PgStatement::execute()
{
    clearResult();
    m_executed = true;
    if (!m_prepared || m_failed) {
        qCWarning(lcStore) << "statement not run:"
                           << (m_prepared ? "a parameter could not be bound" : "not prepared") << m_sql;
        return false;
    }
    if (!m_pg->settle()) {
        m_error = m_pg->lastError();
        qCWarning(lcStore) << "statement not run: one queued before it failed:" << m_sql << m_error;
        return false;
    }
    const Values v = values();
    m_result = PQexecPrepared(m_pg->handle(), m_name.constData(), int(m_params.size()), v.values.data(),
        v.lengths.data(), v.formats.data(), 0);
    const ExecStatusType status = m_result ? PQresultStatus(m_result) : PGRES_FATAL_ERROR;
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
        m_error = QString::fromUtf8(PQerrorMessage(m_pg->handle())).trimmed();
        qCWarning(lcStore) << "query failed:" << m_sql << m_error;
        clearResult();
        return false;
    }
    m_error.clear();
    m_rows = status == PGRES_TUPLES_OK ? PQntuples(m_result) : 0;
    m_changes = atoi(PQcmdTuples(m_result));
    return true;
}

PgStatement::Values PgStatement::values() const
{
    Values v;
    v.values.reserve(m_params.size());
    v.lengths.reserve(m_params.size());
    v.formats.reserve(m_params.size());
    for (const Param &p : m_params) {
        v.values.push_back(p.null ? nullptr : p.value.constData());
        v.lengths.push_back(int(p.value.size()));
        v.formats.push_back(p.binary ? 1 : 0);
    }
    return v;
}

bool PgStatement::queue()
{
    if (!m_prepared || m_failed || !m_pg->inTransaction())
        return run(); // nothing to pipeline with outside a transaction; run() logs what is wrong
    const Values v = values();
    const bool ok = m_pg->queue(
        m_name, m_sql, int(m_params.size()), v.values.data(), v.lengths.data(), v.formats.data());
    reset();
    return ok;
}

bool PgStatement::step()
{
    if (!m_executed)
        return execute() && (++m_row, true);
    if (!m_result)
        return false;
    ++m_row;
    return true;
}

qint64 PgStatement::int64(int column) const
{
    if (!hasRow())
        return 0;
    const char *v = PQgetvalue(m_result, m_row, column);
    if (PQftype(m_result, column) == BoolOid)
        return v[0] == 't' ? 1 : 0;
    return std::strtoll(v, nullptr, 10);
}

QByteArray PgStatement::blob(int column) const
{
    if (!hasRow())
        return {};
    const char *v = PQgetvalue(m_result, m_row, column);
    if (PQftype(m_result, column) != ByteaOid)
        return QByteArray(v, PQgetlength(m_result, m_row, column));
    size_t length = 0;
    unsigned char *bytes = PQunescapeBytea(reinterpret_cast<const unsigned char *>(v), &length);
    QByteArray out(reinterpret_cast<const char *>(bytes), qsizetype(length));
    PQfreemem(bytes);
    return out;
}

bool PgStatement::isNull(int column) const
{
    return !hasRow() || PQgetisnull(m_result, m_row, column);
}

bool PgStatement::run()
{
    const bool ok = execute();
    reset();
    return ok;
}

void PgStatement::clearResult()
{
    if (m_result)
        PQclear(m_result);
    m_result = nullptr;
    m_rows = 0;
    m_row = -1;
}

void PgStatement::reset()
{
    clearResult();
    m_executed = false;
    m_failed = false;
    for (Param &p : m_params)
        p = {};
}

} // namespace Natter::Server
