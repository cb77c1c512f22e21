#pragma once

#include "store/statement.h"

struct sqlite3;
struct sqlite3_stmt;

namespace Natter::Server {

// One prepared statement on SQLite's C API, for the few statements every message runs (insert, seq, event,
// idempotency key). QtSql wraps each bind and each column in a QVariant and keeps a result cache per query;
// on the send path that bookkeeping cost about a quarter of the store time (docs/benchmarks.md).
// Use on the thread that owns the connection, and reset() before running the statement again.
class SqliteStatement final : public Statement
{
public:
    SqliteStatement(sqlite3 *db, const char *sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    bool isValid() const override { return m_stmt != nullptr; }

    // Parameters are numbered from 1, as in SQLite.
    SqliteStatement &bind(int index, qint64 value) override;
    SqliteStatement &bind(int index, const QString &text) override; // a null QString binds '' (columns are NOT NULL)
    SqliteStatement &bind(int index, const QByteArray &bytes) override; // a BLOB, as QtSql binds a QByteArray
    SqliteStatement &bindNull(int index) override;

    // Steps once: true on a row (read it with int64()/text()) or on completion; false on an error, which
    // is logged. done() says which of the two it was.
    bool step() override;
    bool hasRow() const override { return m_row; }
    qint64 int64(int column) const override;
    QByteArray blob(int column) const override;
    bool isNull(int column) const override;
    // Runs a statement that returns no rows (or whose rows are not needed) and resets it.
    bool run() override;
    // Number of rows the last INSERT/UPDATE/DELETE changed.
    int changes() const override;
    void reset() override;

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_stmt = nullptr;
    bool m_row = false;
    bool m_failed = false;
};

} // namespace Natter::Server
