#pragma once

#include <QByteArray>
#include <QString>

namespace Natter::Server {

// A prepared statement on the engine's own client API, for the statements every message runs (insert, seq,
// event, idempotency key): SqliteStatement on SQLite, PgStatement on PostgreSQL. Written in SQLite's dialect
// with `?` placeholders; the PostgreSQL one translates it once when prepared (SqlDialect).
// Use on the thread that owns the connection, and reset() before running the statement again.
class Statement
{
public:
    virtual ~Statement() = default;

    virtual bool isValid() const = 0;

    // Parameters are numbered from 1, as in SQLite.
    virtual Statement &bind(int index, qint64 value) = 0;
    virtual Statement &bind(int index, const QString &text) = 0; // a null QString binds '' (NOT NULL columns)
    virtual Statement &bind(int index, const QByteArray &bytes) = 0; // a BLOB (bytea), as QtSql binds one
    virtual Statement &bindNull(int index) = 0;

    // Steps once: true on a row (read it with int64()/blob()) or on completion; false on an error, which is
    // logged. hasRow() says which of the two it was.
    virtual bool step() = 0;
    virtual bool hasRow() const = 0;
    virtual qint64 int64(int column) const = 0;
    virtual QByteArray blob(int column) const = 0;
    virtual bool isNull(int column) const = 0;
    // Runs a statement that returns no rows (or whose rows are not needed) and resets it.
    virtual bool run() = 0;
    // Like run(), for a statement whose failure must fail the transaction and whose outcome (changes()) is
    // not read: on PostgreSQL inside a transaction it is only sent (PgSession's pipeline), and a failure
    // shows at the next statement that reads or at commit. Elsewhere it is run().
    virtual bool queue() { return run(); }
    // Number of rows the last INSERT/UPDATE/DELETE changed.
    virtual int changes() const = 0;
    virtual void reset() = 0;
};

} // namespace Natter::Server
