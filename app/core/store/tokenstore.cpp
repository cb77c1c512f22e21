#include "store/tokenstore.h"
#include "logging.h"

#include <qt6keychain/keychain.h>

namespace Natter::Client {

KeychainTokenStore::KeychainTokenStore(const QString &service, QObject *parent)
    : TokenStore(parent)
    , m_service(service)
{
}

void KeychainTokenStore::markUnavailable(const QString &reason)
{
    if (m_unavailable) return;
    m_unavailable = true;
    qCWarning(lcSession) << "no keychain available:" << reason;
    emit persistenceUnavailable(reason);
}

void KeychainTokenStore::readToken(const QString &key, ReadCallback callback)
{
    m_memory.readToken(key, [this, key, callback](const QString &memoryToken) {
        if (!memoryToken.isEmpty() || m_unavailable) {
            callback(memoryToken);
            return;
        }
        auto *job = new QKeychain::ReadPasswordJob(m_service, this);
        job->setAutoDelete(true);
        job->setInsecureFallback(false);
        job->setKey(key);
        connect(job, &QKeychain::Job::finished, this, [this, job, callback](QKeychain::Job *) {
            if (job->error() == QKeychain::NoBackendAvailable || job->error() == QKeychain::OtherError)
                markUnavailable(job->errorString());
            callback(job->error() == QKeychain::NoError ? job->textData() : QString());
        });
        job->start();
    });
}

void KeychainTokenStore::writeToken(const QString &key, const QString &token)
{
    // The in-memory copy makes this run work whatever the keychain answers.
    m_memory.writeToken(key, token);
    if (m_unavailable) return;
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->setTextData(token);
    connect(job, &QKeychain::Job::finished, this, [this, job](QKeychain::Job *) {
        if (job->error() != QKeychain::NoError) markUnavailable(job->errorString());
    });
    job->start();
}

void KeychainTokenStore::deleteToken(const QString &key)
{
    m_memory.deleteToken(key);
    if (m_unavailable) return;
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setKey(key);
    job->start();
}

} // namespace Natter::Client
