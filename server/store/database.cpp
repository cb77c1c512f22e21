#include "store/database.h"
#include "logging.h"
#include "store/pgstatement.h"
#include "store/schema.h"
#include "store/sqldialect.h"
#include "store/sqlitestatement.h"

#include <QDir>
#include <QFileInfo>
#include <QSocketNotifier>
#include <QSqlDriver>
#include <QSqlError>

#include <QUrl>
#include <QUuid>
#include <sqlite3.h>

namespace Natter::Server {

Database::Database()
    : m_connectionName(QStringLiteral("natter-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_loopContext(std::make_unique<QObject>())
{
    m_pg.setCommitHandler([this](bool committed) { commitAnswered(committed); });
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
    // 8 MB of page cache: SQLite walks its page-cache hash at the end of every write transaction, and with
    // 64 MB that walk was a tenth of the group commit's time (docs/benchmarks.md); the OS caches the rest.
    for (const char *statement :
        { "PRAGMA journal_mode=WAL", fullSync ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL",
            "PRAGMA foreign_keys=ON", "PRAGMA temp_store=MEMORY", "PRAGMA cache_size=-8192" }) {
        if (!pragma.exec(QString::fromLatin1(statement))) {
            *error = pragma.lastError().text();
            return false;
        }
    }
    if (const QVariant handle = m_db.driver()->handle(); qstrcmp(handle.typeName(), "sqlite3*") == 0)
        m_handle = *static_cast<sqlite3 *const *>(handle.constData());
    if (!m_handle) {
        *error = QStringLiteral("the SQLite driver does not expose its connection");
        return false;
    }
    // The hot statements and the WAL syncer use this process's libsqlite3 on the driver's connection: that is
    // only sound when Qt's QSQLITE plugin uses the same library (Debian's does; a Qt with its own bundled
    // SQLite does not, and two copies in one process break each other's locks).
    {
        QSqlQuery version(m_db);
        const QString driverVersion
            = version.exec(QStringLiteral("SELECT sqlite_version()")) && version.next()
            ? version.value(0).toString()
            : QString();
        const char *file = sqlite3_db_filename(m_handle, "main");
        if (driverVersion != QLatin1String(sqlite3_libversion()) || !file
            || QFileInfo(QString::fromUtf8(file)) != QFileInfo(m_db.databaseName())) {
            *error = QStringLiteral(
                "Qt's SQLite driver (SQLite %1) is not built on this process's libsqlite3 (%2);"
                " natter-server needs a Qt built with -system-sqlite")
                         .arg(driverVersion, QLatin1String(sqlite3_libversion()));
            return false;
        }
    }
    m_fullSync = fullSync;
    if (!migrate(error))
        return false;
    // The WAL exists once the migration has written to it. Without the syncer, deferred commits are
    // plain synchronous=FULL commits. In process durability it only checkpoints.
    if (!m_syncer.start(m_db.databaseName(), fullSync))
        qCWarning(lcStore) << "the WAL will be synced and checkpointed on the event-loop thread";
    // The syncer checkpoints in the background; the writer's own checkpoint stays as a backstop that bounds
    // the WAL (~64 MB) when the background one cannot finish under a constant stream of writes.
    if (m_syncer.isRunning())
        sqlite3_exec(m_handle, "PRAGMA wal_autocheckpoint=16000", nullptr, nullptr, nullptr);
    QObject::connect(&m_syncer, &WalSyncer::synced, &m_syncer, [this](quint64 g) { markDurable(g); });
    return true;
}

bool Database::openPostgres(const QString &url, QString *error)
{
    m_engine = Engine::Postgres;
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
    if (!m_db.isValid()) {
        *error = u"Qt's PostgreSQL driver (QPSQL, Debian's libqt6sql6-psql) is not installed"_qs;
        return false;
    }
    if (!PgSession::configure(m_db, url, error))
        return false;
    if (!m_db.open()) {
        QUrl shown(url); // without its password, if it has one
        if (!shown.password().isEmpty())
            shown.setPassword(u"(set)"_qs);
        *error = u"cannot connect to PostgreSQL at %1: %2"_qs.arg(shown.toString(), m_db.lastError().text());
        return false;
    }
    if (!m_pg.attach(m_db, error) || !m_pg.migrate(error))
        return false;
    qCInfo(lcStore) << "store: PostgreSQL" << m_db.hostName() << m_db.port() << m_db.databaseName();
    return true;
}

bool Database::isAvailable()
{
    return !isPostgres() || m_pg.inTransaction() || m_pg.ensureConnected();
}

bool Database::inTransaction() const
{
    return isPostgres() ? m_pg.inTransaction() : (m_handle && !sqlite3_get_autocommit(m_handle));
}

bool Database::attach(const QString &path, const QString &name, QString *error)
{
    QSqlQuery q(m_db);
    q.prepare(u"ATTACH DATABASE ? AS "_qs + name);
    q.addBindValue(path);
    if (q.exec())
        return true;
    *error = u"cannot attach %1: %2"_qs.arg(path, q.lastError().text());
    return false;
}

void Database::close()
{
    if (m_db.isValid()) {
        if (isPostgres())
            m_pg.settle(); // a commit in flight is answered (its handlers queued) before the connection goes
        m_commitWatch.reset();
        m_statements.clear();
        m_preparedIn.clear();
        m_raw.clear();
        m_pgRaw.clear();
        m_handle = nullptr;
        m_pg.detach();
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

bool Database::ping(QString *error)
{
    if (isPostgres() && (!isAvailable() || !m_pg.settle())) {
        *error = m_pg.lastError();
        return false;
    }
    QSqlQuery probe(m_db);
    if (probe.exec(isPostgres() ? u"SELECT 1"_qs : u"SELECT count(*) FROM sqlite_master"_qs) && probe.next())
        return true;
    *error = probe.lastError().text();
    return false;
}

int Database::schemaVersion()
{
    if (isPostgres())
        return m_pg.schemaVersion();
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
            *error = QString::fromUtf8(sqlite3_errmsg(m_handle));
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
        if (!q.exec(QStringLiteral("PRAGMA user_version=%1").arg(version + 1))) {
            *error = q.lastError().text();
            rollback();
            return false;
        }
        if (!commit()) { // it has rolled back
            *error = m_lastError;
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
    if (!isPostgres()) {
        if (it == m_statements.end()) {
            QSqlQuery q(m_db);
            if (!q.prepare(sql))
                qCCritical(lcStore) << "cannot prepare" << sql << q.lastError().text();
            it = m_statements.insert(sql, q);
        }
        it->finish();
        return *it;
    }
    // PostgreSQL: in its dialect; and a statement from before a reconnect is prepared again in place (a
    // caller may still hold a reference to it). QPSQL waits for each answer: the pipeline's are read first
    // (a failure there has aborted the transaction, so this statement and the commit fail too).
    m_pg.settle();
    const int session = m_pg.inTransaction() || m_pg.ensureConnected() ? m_pg.session() : 0;
    if (it == m_statements.end())
        it = m_statements.insert(sql, QSqlQuery(m_db));
    if (int &preparedIn = m_preparedIn[sql]; preparedIn != session + 1) {
        preparedIn = session + 1;
        if (!it->prepare(SqlDialect::toPostgres(sql, false)))
            qCCritical(lcStore) << "cannot prepare" << sql << it->lastError().text();
    }
    it->finish();
    return *it;
}

QString Database::placeholders(qsizetype n)
{
    QString out;
    out.reserve(n * 3);
    for (qsizetype i = 0; i < n; ++i)
        out.append(i ? u", ?"_qs : u"?"_qs);
    return out;
}

bool Database::exec(QSqlQuery &query)
{
    if (query.exec())
        return true;
    qCWarning(lcStore) << "query failed:" << query.lastQuery() << query.lastError().text();
    return false;
}

Statement &Database::statement(const char *sql)
{
    if (isPostgres()) {
        auto it = m_pgRaw.find(sql);
        if (it == m_pgRaw.end())
            it = m_pgRaw.insert(sql, std::make_shared<PgStatement>(sql));
        PgStatement &q = **it;
        if ((q.session() != m_pg.session() || !q.isValid())
            && (m_pg.inTransaction() || m_pg.ensureConnected()))
            q.prepareIn(&m_pg);
        q.reset();
        return q;
    }
    auto it = m_raw.find(sql);
    if (it == m_raw.end())
        it = m_raw.insert(sql, std::make_shared<SqliteStatement>(m_handle, sql));
    (*it)->reset();
    return **it;
}

bool Database::setSynchronous(bool full)
{
    // Prepared once, like BEGIN and COMMIT: a batch runs all four, and parsing them each time showed.
    if (!statement(full ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL").run())
        return false;
    m_synchronousNormal = !full;
    return true;
}

bool Database::begin(Commit mode)
{
    if (isPostgres()) {
        // Every PostgreSQL commit is durable when it returns (synchronous_commit=on): Deferred is Durable.
        if (!m_pg.ensureConnected()) {
            m_lastError = m_pg.lastError();
            return false;
        }
        m_deferredTxn = mode == Commit::Deferred;
        return m_pg.exec("BEGIN");
    }
    // synchronous cannot change inside a transaction: switch before BEGIN, back after COMMIT. A durable
    // transaction never starts while the connection is still at NORMAL.
    m_deferredTxn = mode == Commit::Deferred && syncsInBackground();
    if (m_deferredTxn ? !setSynchronous(false)
                      : (m_synchronousNormal && m_fullSync && !setSynchronous(true))) {
        m_deferredTxn = false;
        return false;
    }
    if (statement("BEGIN").run())
        return true;
    m_deferredTxn = false;
    return false;
}

bool Database::commit()
{
    if (m_beforeCommit && !m_beforeCommit()) {
        qCCritical(lcStore) << "a transaction could not be completed; rolling it back";
        rollback();
        return false;
    }
    if (isPostgres()) {
        const bool deferred = std::exchange(m_deferredTxn, false);
        if (deferred ? !m_pg.commitAsync() : !m_pg.commit()) {
            m_lastError = m_pg.lastError();
            qCCritical(lcStore) << "commit failed:" << m_lastError;
            rollback();
            return false;
        }
        if (m_afterCommit)
            m_afterCommit();
        if (deferred) {
            m_inFlight = ++m_committed;
            watchCommit();
        } else if (m_answered > m_durable) {
            // A deferred commit before this one has committed, and its events come first: they are released
            // now, before the caller publishes this transaction's (the queued call finds them released).
            markDurable(m_answered);
        }
        return true;
    }
    const bool deferred = m_deferredTxn;
    m_deferredTxn = false;
    if (!statement("COMMIT").run()) {
        m_lastError = QString::fromUtf8(sqlite3_errmsg(m_handle));
        qCCritical(lcStore) << "commit failed:" << m_lastError;
        rollback();
        return false;
    }
    if (deferred && !setSynchronous(true))
        qCCritical(lcStore) << "the next durable transaction will retry synchronous=FULL";
    if (m_afterCommit)
        m_afterCommit();
    ++m_committed;
    if (deferred) {
        m_syncer.request(m_committed);
    } else if (m_committed > m_durable) {
        // A FULL commit syncs the WAL, and with it every deferred commit before it; but one that changed
        // nothing writes and syncs nothing, so deferred commits still waiting are synced here.
        if (syncsInBackground() && m_durable + 1 < m_committed)
            m_syncer.syncNow();
        m_durable = m_committed;
        if (m_onDurable && syncsInBackground())
            m_onDurable(m_durable);
        if (!m_fullSync)
            m_syncer.request(m_committed); // no sync to wait for; the checkpointer learns of the write
    }
    return true;
}

void Database::rollback()
{
    if (isPostgres()) {
        if (m_pg.isConnected() && m_pg.inTransaction())
            m_pg.exec("ROLLBACK");
        if (m_afterRollback)
            m_afterRollback();
        return;
    }
    if (!sqlite3_get_autocommit(m_handle)) // a transaction is open (a failed COMMIT may have ended it)
        statement("ROLLBACK").run();
    if (m_afterRollback)
        m_afterRollback();
    m_deferredTxn = false;
    if (m_synchronousNormal && m_fullSync)
        setSynchronous(true); // fails only while a transaction is still open; begin() retries
}

void Database::watchCommit()
{
    if (!m_commitWatch || m_commitWatch->socket() != m_pg.socket()) {
        m_commitWatch = std::make_unique<QSocketNotifier>(m_pg.socket(), QSocketNotifier::Read);
        QObject::connect(
            m_commitWatch.get(), &QSocketNotifier::activated, m_commitWatch.get(), [this] { m_pg.poll(); });
    }
    m_commitWatch->setEnabled(true);
}

void Database::commitAnswered(bool committed)
{
    if (m_commitWatch)
        m_commitWatch->setEnabled(false);
    const quint64 generation = std::exchange(m_inFlight, 0);
    if (!generation)
        return;
    if (!committed)
        qCCritical(lcStore) << "commit failed:" << m_pg.lastError();
    // Whoever read the answer may be in the middle of other work on the store: the handlers run from the
    // event loop, in the order the answers came.
    if (committed)
        m_answered = generation;
    else
        m_failureUnhandled = true;
    QMetaObject::invokeMethod(
        m_loopContext.get(),
        [this, generation, committed] {
            if (committed) {
                markDurable(generation);
                return;
            }
            m_failureUnhandled = false;
            if (m_afterRollback)
                m_afterRollback();
            if (m_onCommitFailed)
                m_onCommitFailed(generation);
        },
        Qt::QueuedConnection);
}

void Database::markDurable(quint64 generation)
{
    if (generation <= m_durable)
        return;
    m_durable = generation;
    if (m_onDurable)
        m_onDurable(m_durable);
}

} // namespace Natter::Server
