#pragma once

#include "store/pgpipeline.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QString>

#include <functional>

class QSqlDatabase;
struct pg_conn;

namespace Natter::Server {

// The PostgreSQL side of Database: the libpq connection under Qt's QPSQL driver (both use the one PGconn,
// so QSqlQuery statements and PgStatement share its transactions), transaction control, migrations, and
// reconnecting after the server went away. Statements prepared before a reconnect are gone with the old
// session: session() counts connections so that Database prepares them again when next used.
//
// Inside a transaction, statements whose answer nobody reads at once (inserts, counter updates) go out in
// libpq's pipeline mode (PgPipeline): their answers are read together at the next point that needs one (a
// statement that reads rows, a QSqlQuery, COMMIT, which is itself pipelined). A queued statement that fails
// aborts the transaction on the server, so COMMIT after it cannot commit the rest. commitAsync() does not
// wait for COMMIT's answer either: Database reads it when the socket has it (poll()), and the message
// batches wait for it while the event loop goes on.
class PgSession
{
public:
    // Sets DB's host, port, user, password and database from URL: postgresql://USER[:PASSWORD]@HOST[:PORT]/DB
    // (postgres:// too; ?host=/a/socket/dir for a Unix socket). False with *ERROR when it is not one.
    static bool configure(QSqlDatabase &db, const QString &url, QString *error);
    // Takes the connection of DB, open, as this session's.
    bool attach(QSqlDatabase &db, QString *error);
    void detach()
    {
        m_conn = nullptr;
        m_pipeline.setConnection(nullptr);
        m_commitPending = false;
    }

    pg_conn *handle() const { return m_conn; }
    int session() const { return m_session; }
    // Runs SQL (no parameters, no rows wanted); false with the server's message in lastError().
    bool exec(const char *sql);
    // COMMIT, and whether it committed: a transaction that failed earlier answers COMMIT with a rollback.
    bool commit();

    // COMMIT without waiting for its answer; false when it could not be sent (the transaction is then still
    // open). The commit handler gets the answer, from poll() or from whatever next needs the connection.
    bool commitAsync();
    bool isCommitPending() const { return m_commitPending; }
    void setCommitHandler(std::function<void(bool committed)> handler) { m_onCommit = std::move(handler); }
    // Reads what has arrived of the answers owed, without waiting (the socket is readable).
    void poll();
    int socket() const;

    // Sends the prepared statement NAME (SQL, for the log) in pipeline mode without reading its answer; false
    // when it could not be sent. Only inside a transaction.
    bool queue(const QByteArray &name, const QByteArray &sql, int count, const char *const *values,
        const int *lengths, const int *formats);
    // Reads every answer still owed and leaves pipeline mode, so that a synchronous call may follow. False
    // when one of them failed (its message in lastError()); the transaction is then aborted.
    bool settle();
    // Inside a transaction (not counting one whose COMMIT is on its way).
    bool inTransaction() const;
    // True when the connection is up. When it is down and no transaction is open, reconnects (at most once
    // a second, so that a burst of requests while the server is away does not become a burst of connects).
    bool ensureConnected();
    bool isConnected() const;
    const QString &lastError() const { return m_lastError; }

    // Forward-only migrations (PgSchema) under an advisory lock, so that instances starting together on a
    // new database migrate it once.
    bool migrate(QString *error);
    int schemaVersion();

private:
    bool setUp();
    void commitAnswered();

    pg_conn *m_conn = nullptr;
    int m_session = 0;
    QString m_lastError;
    QElapsedTimer m_lastAttempt;
    PgPipeline m_pipeline;
    std::function<void(bool)> m_onCommit;
    bool m_commitPending = false;
};

} // namespace Natter::Server
