#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <optional>

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
    // FULLSYNC (the default) fsyncs the WAL at every commit, so an acknowledged message survives a power
    // loss; without it (synchronous=NORMAL) it survives a crash of the process but not of the machine.
    bool open(const QString &dataDir, QString *error, bool fullSync = true);
    void close();

    // A prepared statement for SQL, prepared once per connection and reused. The caller binds, executes and
    // reads it before preparing the same SQL again, and calls finish() on a SELECT so that it does not pin a
    // WAL snapshot.
    QSqlQuery &prepare(const QString &sql);
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
