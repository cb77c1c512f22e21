#pragma once

#include <QFuture>
#include <QString>

class QThreadPool;

namespace Natter::Server {

// Argon2id password hashes (libsodium's crypto_pwhash_str), computed on a bounded pool so that the event loop
// never waits for them. The stored string carries its own parameters, so changing the cost keeps old hashes
// valid.
class PasswordHasher
{
public:
    // Interactive is libsodium's interactive profile (64 MiB, 2 passes): the production default.
    // Fast is libsodium's minimum, for tests and load tools only; natter-server says so when it is chosen.
    enum class Cost { Interactive, Fast };

    PasswordHasher(Cost cost, QThreadPool *pool);

    QFuture<QString> hash(const QString &password) const;
    QFuture<bool> verify(const QString &storedHash, const QString &password) const;
    // A hash of nothing in particular, verified against when a login names an unknown user so that both cases
    // cost the same time.
    const QString &decoyHash() const { return m_decoy; }

    static bool initialise();

private:
    Cost m_cost;
    QThreadPool *m_pool;
    QString m_decoy;
};

} // namespace Natter::Server
