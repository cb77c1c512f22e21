#include "store/searchindexer.h"
#include "store/database.h"
#include "logging.h"
#include "store/sqlitestatement.h"
#include "store/threadpriority.h"

#include <QDir>
#include <QFile>

#include <sqlite3.h>

#include <chrono>

namespace Natter::Server {

namespace {
// Rows per transaction while catching up (a rebuild, or a burst): keeps each pass to tens of milliseconds.
constexpr int ChunkRows = 5000;
// The pause after a pass, so that each pass indexes a batch: FTS5 writes a segment per transaction.
constexpr auto PassEvery = std::chrono::milliseconds(50);

qint64 scalar(sqlite3 *db, const char *sql, qint64 fallback = 0)
{
    SqliteStatement q(db, sql);
    const qint64 value = q.step() && q.hasRow() && !q.isNull(0) ? q.int64(0) : fallback;
    q.reset();
    return value;
}
} // namespace

SearchIndexer::SearchIndexer() = default;

SearchIndexer::~SearchIndexer()
{
    if (m_thread.joinable()) {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_one();
        m_thread.join();
    }
    sqlite3_close(m_db);
}

QString SearchIndexer::path(const QString &dataDir)
{
    return QDir(dataDir).filePath(u"search.db"_qs);
}

bool SearchIndexer::exec(const char *sql)
{
    char *message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) == SQLITE_OK)
        return true;
    qCWarning(lcStore) << "search index:" << sql << (message ? message : "");
    sqlite3_free(message);
    return false;
}

bool SearchIndexer::start(const QString &dataDir, QString *error)
{
    const QString file = path(dataDir);
    if (sqlite3_open_v2(QFile::encodeName(file).constData(), &m_db,
            SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr)
        != SQLITE_OK) {
        *error = u"cannot open %1: %2"_qs.arg(file, QString::fromUtf8(sqlite3_errmsg(m_db)));
        return false;
    }
    sqlite3_busy_timeout(m_db, 5000);
    // synchronous=FULL (an fsync per pass, a few a second at most): the edits a pass applied are pruned from
    // natter.db's search_changes by a later, durable edit, so the pass must not be lost to a power cut.
    const bool ok = exec("PRAGMA journal_mode=WAL") && exec("PRAGMA synchronous=FULL")
        && exec("CREATE TABLE IF NOT EXISTS progress (key TEXT PRIMARY KEY, value INTEGER NOT NULL)")
        && exec("CREATE VIRTUAL TABLE IF NOT EXISTS messages_fts USING fts5(text,"
                " tokenize='unicode61 remove_diacritics 2')");
    bool attached = false;
    {
        // Finalized here: once the thread runs, no other thread may touch the connection.
        SqliteStatement attach(m_db, "ATTACH DATABASE ? AS store");
        attached = ok && attach.bind(1, QDir(dataDir).filePath(u"natter.db"_qs)).run();
    }
    if (!attached) {
        *error = u"cannot set up the search index in %1: %2 (deleting the file rebuilds it)"_qs.arg(
            file, QString::fromUtf8(sqlite3_errmsg(m_db)));
        return false;
    }
    // Whatever natter.db holds now is stored; anything not indexed yet (a new search.db, or a crash) is
    // caught up from here.
    m_target = scalar(m_db, "SELECT max(id) FROM store.messages");
    // An index ahead of the store belongs to a newer natter.db than this one (a backup was restored): its
    // cursors would skip what this store does next, so it is rebuilt.
    const qint64 lastChange
        = scalar(m_db, "SELECT seq FROM store.sqlite_sequence WHERE name = 'search_changes'");
    if (scalar(m_db, "SELECT value FROM progress WHERE key = 'indexed'") > m_target
        || scalar(m_db, "SELECT value FROM progress WHERE key = 'changes'") > lastChange) {
        qCWarning(lcStore)
            << "the search index is ahead of the store (restored from a backup?): rebuilding it";
        if (!exec("DELETE FROM messages_fts") || !exec("DELETE FROM progress")) {
            *error = u"cannot reset the search index in %1 (deleting the file rebuilds it)"_qs.arg(file);
            return false;
        }
    }
    m_changesApplied = scalar(m_db, "SELECT value FROM progress WHERE key = 'changes'");
    m_changed = true;
    m_thread = std::thread(&SearchIndexer::run, this);
    return true;
}

void SearchIndexer::indexUpTo(qint64 messageId)
{
    {
        std::lock_guard lock(m_mutex);
        if (messageId <= m_target)
            return;
        m_target = messageId;
    }
    m_wake.notify_one();
}

void SearchIndexer::wake()
{
    {
        std::lock_guard lock(m_mutex);
        m_changed = true;
    }
    m_wake.notify_one();
}

bool SearchIndexer::pruneChanges(Database &db)
{
    const qint64 applied = m_changesApplied;
    if (applied <= m_pruned)
        return true;
    if (!db.statement("DELETE FROM search_changes WHERE seq <= ?").bind(1, applied).run())
        return false;
    m_pruned = applied;
    return true;
}

void SearchIndexer::run()
{
    qint64 indexed = -1; // not known until the first pass
    lowerThisThreadsPriority();
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [&] { return m_stop || m_changed || m_target > indexed; });
        if (m_stop)
            return;
        const qint64 target = m_target;
        m_changed = false;
        lock.unlock();
        bool more = false;
        const bool ok = pass(target, &more);
        lock.lock();
        if (!ok) {
            // Logged in pass(); try again later rather than spin on a damaged index.
            m_changed = true;
            m_wake.wait_for(lock, std::chrono::seconds(5), [this] { return m_stop; });
            continue;
        }
        if (more) {
            m_changed = true;
            continue;
        }
        indexed = target;
        m_wake.wait_for(lock, PassEvery, [this] { return m_stop; });
    }
}

bool SearchIndexer::pass(qint64 target, bool *more)
{
    if (!exec("BEGIN"))
        return false;
    const qint64 indexed = scalar(m_db, "SELECT value FROM progress WHERE key = 'indexed'");
    qint64 changes = scalar(m_db, "SELECT value FROM progress WHERE key = 'changes'");
    bool ok = true;

    // Edits and deletions of messages already in the index: the message's row is replaced by its text as
    // it is now. Those not indexed yet are indexed as they are now below.
    SqliteStatement changed(
        m_db, "SELECT seq, message_id FROM store.search_changes WHERE seq > ? ORDER BY seq LIMIT 1000");
    SqliteStatement remove(m_db, "DELETE FROM messages_fts WHERE rowid = ?");
    SqliteStatement reindex(m_db,
        "INSERT INTO messages_fts(rowid, text)"
        " SELECT id, text FROM store.messages WHERE id = ? AND deleted_at = 0");
    int changeRows = 0;
    changed.bind(1, changes);
    while (ok && changed.step() && changed.hasRow()) {
        ++changeRows;
        changes = changed.int64(0);
        const qint64 messageId = changed.int64(1);
        if (messageId <= indexed)
            ok = remove.bind(1, messageId).run() && reindex.bind(1, messageId).run();
    }
    changed.reset();

    // New messages, up to TARGET, a chunk at a time.
    SqliteStatement chunkEnd(m_db,
        "SELECT id FROM store.messages WHERE id > ? AND id <= ? ORDER BY id"
        " LIMIT 1 OFFSET ?");
    chunkEnd.bind(1, indexed).bind(2, target).bind(3, qint64(ChunkRows - 1));
    const qint64 upTo = chunkEnd.step() && chunkEnd.hasRow() ? chunkEnd.int64(0) : target;
    chunkEnd.reset();
    SqliteStatement add(m_db,
        "INSERT INTO messages_fts(rowid, text) SELECT id, text FROM store.messages"
        " WHERE id > ? AND id <= ? AND deleted_at = 0");
    if (ok && upTo > indexed)
        ok = add.bind(1, indexed).bind(2, upTo).run();

    SqliteStatement progress(m_db,
        "INSERT OR REPLACE INTO progress (key, value) VALUES ('indexed', ?),"
        " ('changes', ?)");
    ok = ok && progress.bind(1, qMax(indexed, upTo)).bind(2, changes).run() && exec("COMMIT");
    if (!ok) {
        qCWarning(lcStore) << "search index: a pass failed:" << sqlite3_errmsg(m_db);
        exec("ROLLBACK");
        return false;
    }
    m_changesApplied = changes;
    *more = upTo < target || changeRows == 1000;
    return true;
}

} // namespace Natter::Server
