#pragma once

#include "store/records.h"

#include <QHash>

#include <optional>

class QSqlQuery;

namespace Natter::Server {

class Database;

// Users and their tokens. Users are few next to messages and read on every event, so they are cached whole.
class UserStore
{
public:
    explicit UserStore(Database &db);

    // False when the username is taken (compared without regard to case).
    bool create(const UserRecord &user, const QString &passwordHash);
    std::optional<UserRecord> byId(qint64 id);
    // The user and the stored password hash, for login.
    std::optional<std::pair<UserRecord, QString>> byUsername(const QString &username);
    QList<UserRecord> search(const QString &prefix, int limit);
    // Drops USERID from the cache after another store changed the row (roles, deactivation: AccountStore).
    void forget(qint64 userId);
    Database &database() { return m_db; }
    // Kept in memory at once and written by flushLastSeen() in one transaction: a wave of disconnects must
    // not cost an fsync each (measured: ~4 ms apiece, 40 s of stalls for 10k closes).
    void setLastSeen(qint64 userId, qint64 when);
    void flushLastSeen();
    // Another server instance wrote USERID's last_seen: the cached row follows without a write here.
    void noteLastSeen(qint64 userId, qint64 when);

    bool addToken(const QByteArray &tokenHash, qint64 userId);
    qint64 userForToken(const QByteArray &tokenHash);
    bool deleteToken(const QByteArray &tokenHash);

private:
    static UserRecord fromQuery(const QSqlQuery &q);

    Database &m_db;
    QHash<qint64, UserRecord> m_cache;
    QHash<qint64, qint64> m_pendingLastSeen;
};

} // namespace Natter::Server
