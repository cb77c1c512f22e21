#pragma once

#include <QObject>
#include <QString>

#include <condition_variable>
#include <mutex>
#include <thread>

struct sqlite3;

namespace Natter::Server {

// Makes committed SQLite transactions durable off the event-loop thread. The message group commit runs with
// synchronous=NORMAL, so COMMIT writes the WAL without waiting for the disk; this thread then fdatasync()s
// the WAL file and reports how far that reached, and only then are the senders answered. That is the
// guarantee of synchronous=FULL (the WAL is on disk before anyone is told), but the event loop keeps serving
// sockets and building the next batch while the disk works, and one fdatasync covers every batch committed
// before it.
//
// A second thread checkpoints the WAL into the database on a connection of its own (SQLite's background
// checkpointer pattern, every 50 ms, in both durability modes): a checkpoint copies pages and fsyncs twice,
// which stalled the event loop for milliseconds every thousand pages when it ran inside COMMIT, and held back
// the acks waiting for the next fdatasync when it ran on the syncing thread.
class WalSyncer : public QObject
{
    Q_OBJECT
public:
    explicit WalSyncer(QObject *parent = nullptr);
    ~WalSyncer() override;

    // Opens the WAL of the database at DBPATH and starts the thread; false (nothing started) when either
    // cannot be opened. Without SYNCCOMMITS (`--durability process`) it only checkpoints: requests are
    // reported synced at once.
    bool start(const QString &dbPath, bool syncCommits);
    bool isRunning() const { return m_thread.joinable(); }
    // Everything committed up to GENERATION is to be made durable; synced() follows.
    void request(quint64 generation);
    // fdatasync()s the WAL on the calling thread, now.
    void syncNow();

Q_SIGNALS:
    // Delivered on this object's thread: every generation up to GENERATION is on disk.
    void synced(quint64 generation);

private:
    void runSyncs();
    void runCheckpoints();
    void checkpoint();

    int m_fd = -1;
    sqlite3 *m_checkpointDb = nullptr;
    std::thread m_thread;
    std::thread m_checkpointThread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_checkpointWake;
    quint64 m_requested = 0;
    quint64 m_done = 0;
    bool m_stop = false;
    bool m_written = false; // synced since the last checkpoint
    bool m_syncCommits = true;
};

} // namespace Natter::Server
