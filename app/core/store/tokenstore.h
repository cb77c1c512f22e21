#pragma once

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

namespace Natter::Client {

// Where the session token lives between runs. Implementations answer asynchronously (a keychain may prompt).
class TokenStore : public QObject
{
    Q_OBJECT
public:
    using ReadCallback = std::function<void(const QString &token)>;

    using QObject::QObject;
    virtual void readToken(const QString &key, ReadCallback callback) = 0;
    virtual void writeToken(const QString &key, const QString &token) = 0;
    virtual void deleteToken(const QString &key) = 0;
    // False when tokens only last for this run (no keychain service); the UI must tell the user.
    virtual bool isPersistent() const = 0;

signals:
    // Emitted when the store found out it cannot keep tokens beyond this run.
    void persistenceUnavailable(const QString &reason);
};

// Keeps tokens for the lifetime of the object: the test double, and the fallback when there is no keychain.
class MemoryTokenStore : public TokenStore
{
    Q_OBJECT
public:
    using TokenStore::TokenStore;
    void readToken(const QString &key, ReadCallback callback) override { callback(m_tokens.value(key)); }
    void writeToken(const QString &key, const QString &token) override { m_tokens.insert(key, token); }
    void deleteToken(const QString &key) override { m_tokens.remove(key); }
    bool isPersistent() const override { return false; }

private:
    QHash<QString, QString> m_tokens;
};

// The OS keychain through QtKeychain. When no backend exists (a headless Linux box, no Secret Service), it
// says so once through persistenceUnavailable() and keeps tokens in memory for this run; it never falls back
// to plain text on disk.
class KeychainTokenStore : public TokenStore
{
    Q_OBJECT
public:
    explicit KeychainTokenStore(const QString &service, QObject *parent = nullptr);
    void readToken(const QString &key, ReadCallback callback) override;
    void writeToken(const QString &key, const QString &token) override;
    void deleteToken(const QString &key) override;
    bool isPersistent() const override { return !m_unavailable; }

private:
    void markUnavailable(const QString &reason);

    QString m_service;
    bool m_unavailable = false;
    MemoryTokenStore m_memory;
};

} // namespace Natter::Client
