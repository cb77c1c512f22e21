#include "store/pgpipeline.h"
#include "logging.h"

#include <libpq-fe.h>

namespace Natter::Server {

namespace {
    // Answers owed before the ones so far are read in: PostgreSQL stops reading statements while its answers
    // fill the socket, and libpq (blocking) would then wait for ever to send the next one.
    constexpr size_t MaxOwed = 256;

    QString connectionError(pg_conn *conn)
    {
        return QString::fromUtf8(PQerrorMessage(conn)).trimmed();
    }
} // namespace

void PgPipeline::setConnection(pg_conn *conn)
{
    m_conn = conn;
    clear();
}

void PgPipeline::clear()
{
    m_owed.clear();
    m_answered = false;
    m_syncSent = false;
    m_active = false;
    m_ok = true;
}

bool PgPipeline::send(const QByteArray &name, const QByteArray &sql, int count, const char *const *values,
    const int *lengths, const int *formats)
{
    if (!m_active) {
        if (PQenterPipelineMode(m_conn) != 1) {
            m_lastError = connectionError(m_conn);
            return false;
        }
        m_active = true;
        m_ok = true;
        m_commitAnswer = CommitAnswer::None;
    }
    const int sent = name.isEmpty()
        ? PQsendQueryParams(m_conn, sql.constData(), 0, nullptr, nullptr, nullptr, nullptr, 0)
        : PQsendQueryPrepared(m_conn, name.constData(), count, values, lengths, formats, 0);
    if (sent != 1) {
        fail(connectionError(m_conn));
        qCWarning(lcStore) << "cannot send" << sql << m_lastError;
        return false;
    }
    m_owed.push_back(sql);
    if (m_owed.size() >= MaxOwed && !m_syncSent) {
        // Take in the answers so far (the pipeline goes on), so that they never fill the socket.
        if (PQsendFlushRequest(m_conn) != 1 || PQflush(m_conn) != 0)
            lost();
        readAnswers(true);
    }
    return true;
}

bool PgPipeline::sync()
{
    if (!m_active || m_syncSent)
        return m_active;
    if (PQpipelineSync(m_conn) != 1) {
        lost();
        return false;
    }
    m_syncSent = true;
    return true;
}

bool PgPipeline::settle()
{
    if (!m_active)
        return true;
    sync();
    readAnswers(true);
    return leave();
}

bool PgPipeline::poll()
{
    if (!m_active)
        return true;
    if (!readAnswers(false))
        return false;
    leave();
    return true;
}

bool PgPipeline::leave()
{
    if (PQstatus(m_conn) == CONNECTION_OK && PQexitPipelineMode(m_conn) != 1) {
        fail(u"cannot leave pipeline mode: %1"_qs.arg(connectionError(m_conn)));
        qCWarning(lcStore) << m_lastError;
        return false; // still active: the next settle() tries again
    }
    const bool ok = m_ok;
    clear();
    m_ok = ok;
    return ok;
}

bool PgPipeline::readAnswers(bool wait)
{
    while (isOwed()) {
        if (!wait) {
            if (PQconsumeInput(m_conn) != 1) {
                lost();
                return true;
            }
            if (PQisBusy(m_conn))
                return false;
        }
        PGresult *r = PQgetResult(m_conn);
        if (m_owed.empty()) { // the sync point's answer ends the pipeline's
            if (!r) {
                lost();
                return true;
            }
            if (PQresultStatus(r) != PGRES_PIPELINE_SYNC)
                fail(u"unexpected answer at the end of a pipeline"_qs);
            PQclear(r);
            m_syncSent = false;
            continue;
        }
        if (m_answered) { // the null that closes each statement's answers
            PQclear(r);
            m_answered = false;
            m_owed.pop_front();
            continue;
        }
        if (!r) {
            lost();
            return true;
        }
        const QByteArray &sql = m_owed.front();
        const ExecStatusType status = PQresultStatus(r);
        if (status == PGRES_PIPELINE_SYNC) { // answers and statements no longer match: trust none of them
            PQclear(r);
            fail(u"the answers from PostgreSQL did not match the statements sent"_qs);
            lost();
            return true;
        }
        const bool isCommit = sql == "COMMIT";
        const bool committed = !isCommit || qstrcmp(PQcmdStatus(r), "COMMIT") == 0;
        if (isCommit)
            m_commitAnswer
                = status == PGRES_COMMAND_OK && committed ? CommitAnswer::Committed : CommitAnswer::Refused;
        if ((status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) || !committed) {
            if (m_ok && status == PGRES_PIPELINE_ABORTED) {
                fail(u"a statement before it failed"_qs);
            } else if (m_ok) { // the first failure; the ones after it were skipped
                fail(status == PGRES_COMMAND_OK ? u"the transaction had failed and was rolled back"_qs
                                                : QString::fromUtf8(PQresultErrorMessage(r)).trimmed());
                // A unique violation is what a caller that sends inserts this way expects now and then (a
                // repeat stored meanwhile by another instance) and answers by retrying.
                if (qstrcmp(PQresultErrorField(r, PG_DIAG_SQLSTATE), "23505") == 0)
                    qCInfo(lcStore) << "pipelined statement hit a unique key:" << m_lastError;
                else
                    qCWarning(lcStore) << "query failed:" << sql << m_lastError;
            }
        }
        PQclear(r);
        m_answered = true;
    }
    return true;
}

void PgPipeline::fail(const QString &error)
{
    if (m_ok)
        m_lastError = error;
    m_ok = false;
}

void PgPipeline::lost()
{
    fail(u"the connection to PostgreSQL was lost: %1"_qs.arg(connectionError(m_conn)));
    m_owed.clear();
    m_answered = false;
    m_syncSent = false;
}

} // namespace Natter::Server
