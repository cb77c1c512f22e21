#include "database.h"
#include "logging.h"
#include "schema.h"

#include <QDir>
#include <QSqlError>
#include <QUuid>

Database::Database()
    : m_connectionName(QStringLiteral("natter-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

Database::~Database()
{
    close();
}

bool Database::open(const QString &dataDir, QString *error, bool fullSync)
{
    if (!QDir().mkpath(dataDir)) {
        *error = QStringLiteral("cannot create data directory %1").arg(dataDir);
        return false;
    }
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(QDir(dataDir).filePath(QStringLiteral("natter.db")));
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!m_db.open()) {
        *error = m_db.lastError().text();
        return false;
    }
    QSqlQuery pragma(m_db);
    for (const char *statement :
        { "PRAGMA journal_mode=WAL", fullSync ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL",
            "PRAGMA foreign_keys=ON", "PRAGMA temp_store=MEMORY", "PRAGMA cache_size=-65536" }) {
        if (!pragma.exec(QString::fromLatin1(statement))) {
            *error = pragma.lastError().text();
            return false;
        }
    }
    return migrate(error);
}

void Database::close()
{
    if (m_db.isValid()) {
        m_statements.clear();
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

int Database::schemaVersion()
{
    QSqlQuery q(m_db);
    return q.exec(QStringLiteral("PRAGMA user_version")) && q.next() ? q.value(0).toInt() : -1;
}

bool Database::migrate(QString *error)
{
    const auto &steps = Schema::migrations();
    int version = schemaVersion();
    if (version > steps.size()) {
        *error = QStringLiteral("database schema %1 is newer than this server understands (%2)")
                     .arg(version)
                     .arg(steps.size());
        return false;
    }
    while (version < steps.size()) {
        if (!begin()) {
            *error = m_db.lastError().text();
            return false;
        }
        QSqlQuery q(m_db);
        for (const QString &sql : steps.at(version)) {
            if (!q.exec(sql)) {
                *error = QStringLiteral("migration %1 failed: %2").arg(version + 1).arg(q.lastError().text());
                rollback();
                return false;
            }
        }
        if (!q.exec(QStringLiteral("PRAGMA user_version=%1").arg(version + 1)) || !commit()) {
            *error = m_db.lastError().text();
            rollback();
            return false;
        }
        ++version;
        qCInfo(lcStore) << "schema migrated to version" << version;
    }
    return true;
}

QSqlQuery &Database::prepare(const QString &sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        QSqlQuery q(m_db);
        if (!q.prepare(sql))
            qCCritical(lcStore) << "cannot prepare" << sql << q.lastError().text();
        it = m_statements.insert(sql, q);
    }
    it->finish();
    return *it;
}

bool Database::exec(QSqlQuery &query)
{
    if (query.exec())
        return true;
    qCWarning(lcStore) << "query failed:" << query.lastQuery() << query.lastError().text();
    return false;
}

bool Database::begin()
{
    return m_db.transaction();
}

bool Database::commit()
{
    if (m_db.commit())
        return true;
    qCCritical(lcStore) << "commit failed:" << m_db.lastError().text();
    return false;
}

void Database::rollback()
{
    m_db.rollback();
}
