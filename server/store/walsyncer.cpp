#include "store/walsyncer.h"
#include "logging.h"
#include "metrics.h"
#include "store/threadpriority.h"

#include <QElapsedTimer>
#include <QFile>

#include <sqlite3.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace Natter::Server {

WalSyncer::WalSyncer(QObject *parent)
    : QObject(parent)
{
}

WalSyncer::~WalSyncer()
{
    if (m_thread.joinable()) {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_one();
        m_checkpointWake.notify_one();
        m_thread.join(); // after a last fdatasync of whatever was still requested
        m_checkpointThread.join();
    }
    if (m_fd >= 0)
        ::close(m_fd);
    sqlite3_close(m_checkpointDb);
}

bool WalSyncer::start(const QString &dbPath, bool syncCommits)
{
    m_syncCommits = syncCommits;
    const QByteArray wal = QFile::encodeName(dbPath + u"-wal"_qs);
    m_fd = ::open(wal.constData(), O_RDONLY | O_CLOEXEC);
    if (m_fd < 0) {
        qCWarning(lcStore) << "cannot open" << wal << "to sync it:" << std::strerror(errno);
        return false;
    }
    // Opened here, used only on the thread (SQLite connections may move between threads when idle).
    if (sqlite3_open_v2(
            QFile::encodeName(dbPath).constData(), &m_checkpointDb, SQLITE_OPEN_READWRITE, nullptr)
        != SQLITE_OK) {
        qCWarning(lcStore) << "cannot open a checkpoint connection:" << sqlite3_errmsg(m_checkpointDb);
        sqlite3_close(m_checkpointDb);
        m_checkpointDb = nullptr;
        ::close(m_fd);
        m_fd = -1;
        return false;
    }
    sqlite3_exec(m_checkpointDb, "PRAGMA synchronous=NORMAL", nullptr, nullptr, nullptr);
    m_thread = std::thread(&WalSyncer::runSyncs, this);
    m_checkpointThread = std::thread(&WalSyncer::runCheckpoints, this);
    return true;
}

void WalSyncer::checkpoint()
{
    // PASSIVE: copies what it can without waiting for the writer, which carries on appending meanwhile.
    int frames = 0, copied = 0;
    QElapsedTimer timer;
    timer.start();
    const int rc
        = sqlite3_wal_checkpoint_v2(m_checkpointDb, nullptr, SQLITE_CHECKPOINT_PASSIVE, &frames, &copied);
    qCDebug(lcStore) << "checkpoint:" << copied << "of" << frames << "frames in" << timer.elapsed() << "ms";
    if (rc != SQLITE_OK && rc != SQLITE_BUSY)
        qCWarning(lcStore) << "checkpoint failed:" << sqlite3_errmsg(m_checkpointDb);
}

void WalSyncer::request(quint64 generation)
{
    {
        std::lock_guard lock(m_mutex);
        if (generation <= m_requested)
            return;
        m_requested = generation;
    }
    m_wake.notify_one();
}

namespace {
void syncOrStop(int fd)
{
    int rc = ::fdatasync(fd);
    if (rc != 0 && errno == EINTR)
        rc = ::fdatasync(fd);
    if (rc != 0) {
        // After a failed fsync the kernel may have dropped the dirty pages: retrying could report success
        // for data that never reached the disk. Stop, as PostgreSQL does, rather than acknowledge it.
        qFatal("fdatasync of the write-ahead log failed: %s", std::strerror(errno));
    }
}
} // namespace

void WalSyncer::syncNow()
{
    syncOrStop(m_fd);
}

void WalSyncer::runCheckpoints()
{
    // Often, so that each checkpoint copies little: a large one (100 ms of page copies and an fsync of the
    // database) stalled the writer's own WAL writes in the kernel.
    constexpr auto CheckpointEvery = std::chrono::milliseconds(50);
    lowerThisThreadsPriority();
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_checkpointWake.wait_for(lock, CheckpointEvery, [this] { return m_stop; });
        if (m_stop)
            return; // SQLite checkpoints what is left when the last connection closes
        if (!m_written)
            continue;
        m_written = false;
        lock.unlock();
        checkpoint();
        lock.lock();
    }
}

void WalSyncer::runSyncs()
{
    // Fault injection for tests: a disk this slow holds every batch in the committed-but-not-durable state
    // long enough to look at it from outside.
    const int faultDelayMs = qEnvironmentVariableIntValue("NATTER_FAULT_SYNC_DELAY_MS");
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stop || m_requested > m_done; });
        if (m_requested <= m_done)
            return; // stopping, and nothing is left to sync
        const quint64 target = m_requested; // every commit that returned before this point
        lock.unlock();
        QElapsedTimer timer;
        timer.start();
        if (faultDelayMs > 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(faultDelayMs));
        if (m_syncCommits) {
            QElapsedTimer fsyncTimer;
            fsyncTimer.start();
            syncOrStop(m_fd);
            metrics().fsync.observeMicros(fsyncTimer.nsecsElapsed() / 1000);
        }
        if (timer.elapsed() >= 5)
            qCDebug(lcStore) << "fdatasync of the WAL took" << timer.elapsed() << "ms";
        lock.lock();
        m_done = target;
        m_written = true;
        QMetaObject::invokeMethod(
            this, [this, target] { Q_EMIT synced(target); }, Qt::QueuedConnection);
    }
}

} // namespace Natter::Server
