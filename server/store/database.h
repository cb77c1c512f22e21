#pragma once

#include "store/pgsession.h"
#include "store/statement.h"
#include "store/walsyncer.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QObject;
class QSocketNotifier;
struct sqlite3;

namespace Natter::Server {

class SqliteStatement;
class PgStatement;

// The server's one store connection and its forward-only schema migrations, with helpers for prepared
// statements and transactions. Two engines behind one seam: SQLite (the default: WAL, synchronous=FULL so
// that an acknowledged commit survives a crash, deferred group commits synced by the WalSyncer) and
// PostgreSQL (Qt's QPSQL for QSqlQuery, libpq for the hot statements, on one connection; every commit is
// durable when it returns). The stores write SQLite's dialect; SqlDialect translates the rest.
class Database
{
public:
    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens (creating if needed) DIR/natter.db and migrates it to the newest schema.
    // FULLSYNC (the default) fsyncs the WAL at every commit, so an acknowledged message survives a power
    // loss; without it (synchronous=NORMAL) it survives a crash of the process but not of the machine.
    bool open(const QString &dataDir, QString *error, bool fullSync = true);
    // Connects to PostgreSQL at URL (postgresql://USER@HOST:PORT/DB) and migrates it to the newest schema.
    bool openPostgres(const QString &url, QString *error);
    enum class Engine { Sqlite, Postgres };
    Engine engine() const { return m_engine; }
    bool isPostgres() const { return m_engine == Engine::Postgres; }
    // Whether the store can be written now: always on SQLite; on PostgreSQL, whether the connection is up
    // (reconnecting first when it is down and may be tried again).
    bool isAvailable();
    bool inTransaction() const;
    // SQLite: attaches the database at PATH as schema NAME (a plain identifier), for reading across the two.
    bool attach(const QString &path, const QString &name, QString *error);
    void close();

    // A prepared statement for SQL, prepared once per connection and reused. The caller binds, executes and
    // reads it before preparing the same SQL again, and calls finish() on a SELECT so that it does not pin a
    // WAL snapshot.
    QSqlQuery &prepare(const QString &sql);
    // The same on the engine's C API (SqliteStatement, PgStatement), for the statements on the send path.
    // SQL must be a string literal: the cache is keyed on its address.
    Statement &statement(const char *sql);
    // "?, ?, ?" for an IN list of N values (N >= 1).
    static QString placeholders(qsizetype n);
    // Runs a statement that must succeed; logs and returns false otherwise.
    static bool exec(QSqlQuery &query);
    // Runs QUERY and reads its first row with READ (nullopt when there is none); releases the statement.
    template<class Read> static auto one(QSqlQuery &query, Read read) -> std::optional<decltype(read(query))>
    {
        if (!exec(query) || !query.next())
            return std::nullopt;
        auto row = read(query);
        query.finish();
        return row;
    }
    // Runs QUERY and hands every row to EACH; releases the statement.
    template<class Each> static void forEach(QSqlQuery &query, Each each)
    {
        if (exec(query))
            while (query.next())
                each(query);
        query.finish();
    }

    // DURABLE transactions are on disk when commit() returns (with fullSync). DEFERRED ones (the message
    // group commit) return from commit() as soon as the WAL is written; the WalSyncer thread syncs it, and
    // durableGeneration() / the durable handler say when. A durable commit also syncs every deferred one
    // before it. On PostgreSQL a deferred commit() only sends COMMIT (PgSession::commitAsync()): its answer
    // comes later, through the durable handler or, when it failed, the commit-failed handler; until then
    // isCommitPending(), and anything else that needs the connection first waits for that answer.
    enum class Commit { Durable, Deferred };
    bool begin(Commit mode = Commit::Durable);
    bool commit();
    void rollback();

    // Deferred commits are numbered from 1; every one up to durableGeneration() is on disk (with fullSync; in
    // process durability, as soon as it committed).
    quint64 committedGeneration() const { return m_committed; }
    quint64 durableGeneration() const { return m_durable; }
    // BEFORECOMMIT runs inside every transaction just before COMMIT (false fails the commit), AFTERCOMMIT
    // once it has succeeded, AFTERROLLBACK after a rollback or a failed commit. For state kept in memory and
    // written once per transaction.
    void setTransactionHooks(std::function<bool()> beforeCommit, std::function<void()> afterCommit,
        std::function<void()> afterRollback)
    {
        m_beforeCommit = std::move(beforeCommit);
        m_afterCommit = std::move(afterCommit);
        m_afterRollback = std::move(afterRollback);
    }
    // Called on this thread when durableGeneration() moves, and not from inside a deferred commit().
    void setDurableHandler(std::function<void(quint64)> handler) { m_onDurable = std::move(handler); }
    // PostgreSQL: called from the event loop when the deferred commit numbered GENERATION did not commit
    // (its transaction is rolled back). Never for SQLite, whose deferred commits have committed on return.
    void setCommitFailedHandler(std::function<void(quint64)> handler)
    {
        m_onCommitFailed = std::move(handler);
    }
    // Also while a failed one's handler has not run yet: nothing may commit after it until its batch is
    // taken back, or a later durable generation would release it.
    bool isCommitPending() const { return m_pg.isCommitPending() || m_failureUnhandled; }

    int schemaVersion();
    // Runs a trivial query through the store's connection (after any answers the pipeline still owes): false
    // with the driver's message when the database is closed, locked past its busy timeout, unreachable.
    bool ping(QString *error);
    // Qt's connection, for QSqlQuery at start-up only: once the server runs, statements go through prepare()
    // and statement(), which first read what the PostgreSQL pipeline owes.
    QSqlDatabase &connection() { return m_db; }
    // The last error of a failed commit (the server's message), for the log and the operator.
    const QString &lastError() const { return m_lastError; }

private:
    bool migrate(QString *error);
    bool syncsInBackground() const { return m_fullSync && m_syncer.isRunning(); }
    bool setSynchronous(bool full);
    void markDurable(quint64 generation);
    // PostgreSQL: reads the deferred commit's answer when the socket has it.
    void watchCommit();
    // PostgreSQL: the answer to the deferred commit in flight has been read.
    void commitAnswered(bool committed);

    QString m_connectionName;
    QSqlDatabase m_db;
    QHash<QString, QSqlQuery> m_statements;
    QHash<QString, int> m_preparedIn; // PostgreSQL: the session each was prepared on (PgSession::session())
    QHash<const char *, std::shared_ptr<SqliteStatement>> m_raw;
    QHash<const char *, std::shared_ptr<PgStatement>> m_pgRaw;
    Engine m_engine = Engine::Sqlite;
    PgSession m_pg;
    sqlite3 *m_handle = nullptr;
    bool m_fullSync = true;
    bool m_deferredTxn = false;
    bool m_synchronousNormal = false;
    QString m_lastError; // of the last failed COMMIT (a rollback after it resets SQLite's own)
    quint64 m_committed = 0;
    quint64 m_durable = 0;
    std::function<void(quint64)> m_onDurable;
    std::function<void(quint64)> m_onCommitFailed;
    quint64 m_inFlight = 0; // PostgreSQL: the generation of the deferred commit whose answer is awaited
    quint64 m_answered = 0; // PostgreSQL: the last deferred commit that committed (durable once released)
    bool m_failureUnhandled = false; // PostgreSQL: a deferred commit failed and its handler is queued
    std::unique_ptr<QObject> m_loopContext; // for calls queued to the event loop
    std::unique_ptr<QSocketNotifier> m_commitWatch; // the PostgreSQL socket while a commit is in flight
    std::function<bool()> m_beforeCommit;
    std::function<void()> m_afterCommit;
    std::function<void()> m_afterRollback;
    WalSyncer m_syncer;
};

} // namespace Natter::Server
