#pragma once

#include <QString>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

struct sqlite3;

namespace Natter::Server {

class Database;

// Keeps the full-text index of message text up to date on a thread of its own. The index lives in a database
// of its own, DATADIR/search.db, so that writing it never takes the store's write lock: the send path only
// stores messages, and this thread reads them back (as a WAL reader, through an ATTACH of natter.db) and
// indexes them in batches of whatever arrived since its last pass. That took the FTS5 insert, its segment
// writes and merges, and their WAL pages off the event loop's group commit (docs/benchmarks.md).
//
// The index is derived data: search.db records how far it got (the last message id indexed and the last
// edit applied) in the same transaction as the index, and catches up from natter.db after a restart; a
// missing search.db is rebuilt. Edits and deletions reach it through natter.db's search_changes table,
// which a trigger fills and pruneChanges() empties behind the indexer.
class SearchIndexer
{
public:
    SearchIndexer();
    ~SearchIndexer();
    SearchIndexer(const SearchIndexer &) = delete;
    SearchIndexer &operator=(const SearchIndexer &) = delete;

    // Opens (creating if needed) DATADIR/search.db, notes the newest stored message, and starts the thread.
    bool start(const QString &dataDir, QString *error);
    static QString path(const QString &dataDir);

    // Messages with ids up to MESSAGEID are stored and durable: index them. Called on the event loop.
    void indexUpTo(qint64 messageId);
    // A message's text changed or it was deleted (natter.db's search_changes has a row for it).
    void wake();
    // Removes from DB's search_changes the rows the index has applied, inside the caller's transaction.
    bool pruneChanges(Database &db);

private:
    void run();
    bool pass(qint64 target, bool *more);
    bool exec(const char *sql);

    sqlite3 *m_db = nullptr;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    qint64 m_target = 0; // index messages with ids up to this
    bool m_changed = false;
    bool m_stop = false;
    std::atomic<qint64> m_changesApplied { 0 };
    qint64 m_pruned = 0; // on the event loop, with pruneChanges()
};

} // namespace Natter::Server
