#include "services/passwordhasher.h"
#include "metrics.h"

#include <QFileInfo>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <sodium.h>

namespace Natter::Server {

namespace {
QString hashNow(const QByteArray &password, unsigned long long ops, size_t mem)
{
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, password.constData(), quint64(password.size()), ops, mem) != 0)
        return {}; // out of memory: the caller answers `internal`
    return QString::fromLatin1(out);
}

// Counts a job as pending from its submission until it has run (the lambda holding it is destroyed then).
class PendingSlot
{
public:
    explicit PendingSlot(std::shared_ptr<std::atomic<int>> pending)
        : m_pending(std::move(pending))
    {
        m_pending->fetch_add(1);
        metrics().passwordHashesPending.fetch_add(1, std::memory_order_relaxed);
    }
    ~PendingSlot()
    {
        m_pending->fetch_sub(1);
        metrics().passwordHashesPending.fetch_sub(1, std::memory_order_relaxed);
    }
    PendingSlot(const PendingSlot &) = delete;
    PendingSlot &operator=(const PendingSlot &) = delete;

private:
    std::shared_ptr<std::atomic<int>> m_pending;
};

// Tests make a full queue deterministic by holding the jobs; production never sets the variable.
void holdWhile(const QString &file)
{
    while (!file.isEmpty() && QFileInfo::exists(file))
        QThread::msleep(5);
}
} // namespace

bool PasswordHasher::initialise()
{
    return sodium_init() >= 0;
}

PasswordHasher::PasswordHasher(Cost cost, QThreadPool *pool, int maxPending)
    : m_cost(cost)
    , m_pool(pool)
    , m_maxPending(maxPending)
{
    m_decoy = hash(QStringLiteral("natter decoy password")).result();
    m_holdFile = qEnvironmentVariable("NATTER_TEST_HOLD_HASHES");
}

qint64 PasswordHasher::retryAfterMs() const
{
    // An interactive hash takes ~0.1 s of one core; the queue drains at pool-size hashes per that.
    const int threads = qMax(1, m_pool->maxThreadCount());
    return qMax<qint64>(1000, qint64(m_pending->load()) * 100 / threads);
}

QFuture<QString> PasswordHasher::hash(const QString &password) const
{
    const bool fast = m_cost == Cost::Fast;
    const unsigned long long ops = fast ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE;
    const size_t mem = fast ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE;
    return QtConcurrent::run(m_pool,
        [slot = std::make_shared<PendingSlot>(m_pending), hold = m_holdFile, pw = password.toUtf8(), ops,
            mem] {
            holdWhile(hold);
            return hashNow(pw, ops, mem);
        });
}

QFuture<bool> PasswordHasher::verify(const QString &storedHash, const QString &password) const
{
    return QtConcurrent::run(m_pool,
        [slot = std::make_shared<PendingSlot>(m_pending), hold = m_holdFile, stored = storedHash.toLatin1(),
            pw = password.toUtf8()] {
            holdWhile(hold);
            return crypto_pwhash_str_verify(stored.constData(), pw.constData(), quint64(pw.size())) == 0;
        });
}

} // namespace Natter::Server
