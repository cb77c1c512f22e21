#pragma once

#include <QByteArray>
#include <QString>

#include <deque>

struct pg_conn;

namespace Natter::Server {

// libpq's pipeline mode on one connection: statements sent without waiting for their answers, which are
// read later, in order, all at once (settle()) or as they arrive (poll(), for the event loop). A round trip
// per statement was most of a message's cost on PostgreSQL (docs/benchmarks.md).
// The server runs a pipeline's statements in order and, after one fails, skips the rest up to the sync
// point; the first failure is kept in lastError().
class PgPipeline
{
public:
    void setConnection(pg_conn *conn);
    bool isActive() const { return m_active; }
    // Answers still to be read (statements sent, or a sync point).
    bool isOwed() const { return !m_owed.empty() || m_syncSent; }

    // Sends prepared statement NAME with its parameters (text, or binary where FORMATS says so); with an
    // empty NAME, SQL itself without parameters. Enters pipeline mode first if needed. SQL names it in the
    // log.
    bool send(const QByteArray &name, const QByteArray &sql, int count = 0,
        const char *const *values = nullptr, const int *lengths = nullptr, const int *formats = nullptr);
    // Ends what was sent with a sync point and flushes it, without waiting for any answer.
    bool sync();
    // Reads every answer owed (waiting for them) and leaves pipeline mode. False when a statement failed or
    // the connection was lost.
    bool settle();
    // Reads the answers that have arrived, without waiting. True once none is owed any more and pipeline
    // mode is left; ok() then says whether all succeeded.
    bool poll();
    bool ok() const { return m_ok; }
    // What the last COMMIT sent in the pipeline answered: committed, refused (or skipped after a failure), or
    // no answer (the connection was lost before it came: PostgreSQL may have committed or not).
    enum class CommitAnswer { None, Committed, Refused };
    CommitAnswer commitAnswer() const { return m_commitAnswer; }
    const QString &lastError() const { return m_lastError; }
    // Forgets the pipeline of a connection that is being reset (libpq starts the new one outside it).
    void clear();

private:
    // Reads answers in order; with WAIT false only those that have arrived. True when none is owed.
    bool readAnswers(bool wait);
    void fail(const QString &error);
    void lost();
    bool leave();

    pg_conn *m_conn = nullptr;
    std::deque<QByteArray> m_owed; // the SQL of each statement whose answer is still to be read
    bool m_answered = false; // the front statement's result is read; its closing null is next
    bool m_syncSent = false;
    bool m_active = false;
    bool m_ok = true;
    CommitAnswer m_commitAnswer = CommitAnswer::None;
    QString m_lastError;
};

} // namespace Natter::Server
