#pragma once

#include <QElapsedTimer>
#include <QString>

class QSqlDatabase;
struct pg_conn;

namespace Natter::Server {

// The PostgreSQL side of Database: the libpq connection under Qt's QPSQL driver (both use the one PGconn,
// so QSqlQuery statements and PgStatement share its transactions), transaction control, migrations, and
// reconnecting after the server went away. Statements prepared before a reconnect are gone with the old
// session: session() counts connections so that Database prepares them again when next used.
class PgSession
{
public:
    // Sets DB's host, port, user, password and database from URL: postgresql://USER[:PASSWORD]@HOST[:PORT]/DB
    // (postgres:// too; ?host=/a/socket/dir for a Unix socket). False with *ERROR when it is not one.
    static bool configure(QSqlDatabase &db, const QString &url, QString *error);
    // Takes the connection of DB, open, as this session's.
    bool attach(QSqlDatabase &db, QString *error);
    void detach() { m_conn = nullptr; }

    pg_conn *handle() const { return m_conn; }
    int session() const { return m_session; }
    // Runs SQL (no parameters, no rows wanted); false with the server's message in lastError().
    bool exec(const char *sql);
    // COMMIT, and whether it committed: a transaction that failed earlier answers COMMIT with a rollback.
    bool commit();
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

    pg_conn *m_conn = nullptr;
    int m_session = 0;
    QString m_lastError;
    QElapsedTimer m_lastAttempt;
};

} // namespace Natter::Server
