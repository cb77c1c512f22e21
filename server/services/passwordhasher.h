#pragma once

#include <QFuture>
#include <QString>

#include <atomic>
#include <memory>

class QThreadPool;

namespace Natter::Server {

// Argon2id password hashes (libsodium's crypto_pwhash_str), computed on a bounded pool so that the event loop
// never waits for them. The stored string carries its own parameters, so changing the cost keeps old hashes
// valid.
//
// The work waiting for the pool is bounded too (--max-pending-hashes): a login flood would otherwise queue
// jobs without limit, each holding a password, and every legitimate login would wait behind all of them.
// Callers ask saturated() before they submit and answer `rate_limited` at once, without hashing, when it is.
class PasswordHasher
{
public:
    // Interactive is libsodium's interactive profile (64 MiB, 2 passes): the production default.
    // Fast is libsodium's minimum, for tests and load tools only; natter-server says so when it is chosen.
    enum class Cost { Interactive, Fast };

    // MAXPENDING: hashes submitted and not finished (running or queued) at which saturated() becomes true;
    // 0 leaves the queue unbounded.
    PasswordHasher(Cost cost, QThreadPool *pool, int maxPending = 0);

    // True when MAXPENDING hashes are in flight: a new login or registration is refused instead of queued.
    // (Work already admitted, such as the second hash of a password change, is never refused.)
    bool saturated() const { return m_maxPending > 0 && m_pending->load() >= m_maxPending; }
    // How long a refused caller should wait: about the time the queue ahead of it takes to drain.
    qint64 retryAfterMs() const;
    int pending() const { return m_pending->load(); }

    QFuture<QString> hash(const QString &password) const;
    QFuture<bool> verify(const QString &storedHash, const QString &password) const;
    // A hash of nothing in particular, verified against when a login names an unknown user so that both cases
    // cost the same time.
    const QString &decoyHash() const { return m_decoy; }

    static bool initialise();

private:
    Cost m_cost;
    QThreadPool *m_pool;
    int m_maxPending;
    // Shared with the jobs, which may finish after the hasher is gone (the pool is waited for by its owner).
    std::shared_ptr<std::atomic<int>> m_pending = std::make_shared<std::atomic<int>>(0);
    QString m_decoy;
    // NATTER_TEST_HOLD_HASHES: while this file exists, jobs wait before hashing (tests of a full queue only).
    QString m_holdFile;
};

} // namespace Natter::Server
