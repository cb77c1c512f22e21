#include "store/sqlitestatement.h"
#include "logging.h"

#include <sqlite3.h>

namespace Natter::Server {

SqliteStatement::SqliteStatement(sqlite3 *db, const char *sql)
    : m_db(db)
{
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr) != SQLITE_OK) {
        qCCritical(lcStore) << "cannot prepare" << sql << sqlite3_errmsg(db);
        m_stmt = nullptr;
    }
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_stmt);
}

SqliteStatement &SqliteStatement::bind(int index, qint64 value)
{
    if (m_stmt && sqlite3_bind_int64(m_stmt, index, value) != SQLITE_OK)
        m_failed = true;
    return *this;
}

SqliteStatement &SqliteStatement::bind(int index, const QString &text)
{
    static const char16_t empty = 0;
    const void *data = text.isNull() ? static_cast<const void *>(&empty) : text.utf16();
    if (m_stmt
        && sqlite3_bind_text16(m_stmt, index, data, int(text.size() * sizeof(char16_t)), SQLITE_TRANSIENT)
            != SQLITE_OK)
        m_failed = true;
    return *this;
}

SqliteStatement &SqliteStatement::bind(int index, const QByteArray &bytes)
{
    if (m_stmt
        && sqlite3_bind_blob(
               m_stmt, index, bytes.isNull() ? "" : bytes.constData(), int(bytes.size()), SQLITE_TRANSIENT)
            != SQLITE_OK)
        m_failed = true;
    return *this;
}

SqliteStatement &SqliteStatement::bindNull(int index)
{
    if (m_stmt && sqlite3_bind_null(m_stmt, index) != SQLITE_OK)
        m_failed = true;
    return *this;
}

bool SqliteStatement::step()
{
    m_row = false;
    if (!m_stmt || m_failed) {
        qCWarning(lcStore) << "statement not run:"
                           << (m_stmt ? "a parameter could not be bound" : "not prepared");
        return false;
    }
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) {
        m_row = true;
        return true;
    }
    if (rc == SQLITE_DONE)
        return true;
    qCWarning(lcStore) << "query failed:" << sqlite3_sql(m_stmt) << sqlite3_errmsg(m_db);
    return false;
}

qint64 SqliteStatement::int64(int column) const
{
    return m_row ? sqlite3_column_int64(m_stmt, column) : 0;
}

QByteArray SqliteStatement::blob(int column) const
{
    if (!m_row)
        return {};
    // sqlite3_column_bytes() after sqlite3_column_blob(), as SQLite documents: the pointer comes first.
    const char *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    return QByteArray(data, sqlite3_column_bytes(m_stmt, column));
}

bool SqliteStatement::isNull(int column) const
{
    return !m_row || sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

bool SqliteStatement::run()
{
    const bool ok = step();
    reset();
    return ok;
}

int SqliteStatement::changes() const
{
    return sqlite3_changes(m_db);
}

void SqliteStatement::reset()
{
    m_row = false;
    m_failed = false;
    if (m_stmt) {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
}

} // namespace Natter::Server
