#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

// The server's one SQLite connection (WAL, synchronous=FULL so that an acknowledged commit survives a crash),
// its forward-only schema migrations, and helpers for prepared statements and transactions.
class Database
{
public:
    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens (creating if needed) DIR/natter.db and migrates it to the newest schema.
    // FULLSYNC (the default) fsyncs the WAL at every commit, so an acknowledged message survives a power loss;
    // without it (synchronous=NORMAL) it survives a crash of the process but not of the machine.
    bool open(const QString &dataDir, QString *error, bool fullSync = true);
    void close();

    // A prepared statement for SQL, prepared once per connection and reused. The caller binds, executes and reads it
    // before preparing the same SQL again, and calls finish() on a SELECT so that it does not pin a WAL snapshot.
    QSqlQuery &prepare(const QString &sql);
    // Runs a statement that must succeed; logs and returns false otherwise.
    static bool exec(QSqlQuery &query);

    bool begin();
    bool commit();
    void rollback();

    int schemaVersion();
    QSqlDatabase &connection() { return m_db; }

private:
    bool migrate(QString *error);

    QString m_connectionName;
    QSqlDatabase m_db;
    QHash<QString, QSqlQuery> m_statements;
};
