#include "services/passwordhasher.h"

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
} // namespace

bool PasswordHasher::initialise()
{
    return sodium_init() >= 0;
}

PasswordHasher::PasswordHasher(Cost cost, QThreadPool *pool)
    : m_cost(cost)
    , m_pool(pool)
{
    m_decoy = hash(QStringLiteral("natter decoy password")).result();
}

QFuture<QString> PasswordHasher::hash(const QString &password) const
{
    const bool fast = m_cost == Cost::Fast;
    const unsigned long long ops = fast ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE;
    const size_t mem = fast ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE;
    return QtConcurrent::run(m_pool, hashNow, password.toUtf8(), ops, mem);
}

QFuture<bool> PasswordHasher::verify(const QString &storedHash, const QString &password) const
{
    return QtConcurrent::run(m_pool, [stored = storedHash.toLatin1(), pw = password.toUtf8()] {
        return crypto_pwhash_str_verify(stored.constData(), pw.constData(), quint64(pw.size())) == 0;
    });
}

} // namespace Natter::Server
