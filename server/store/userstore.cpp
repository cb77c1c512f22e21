#include "store/userstore.h"
#include "store/database.h"

#include <algorithm>
#include <common/validation.h>

#include <QDateTime>
#include <QSqlQuery>

namespace Natter::Server {

UserStore::UserStore(Database &db)
    : m_db(db)
{
}

UserRecord UserStore::fromQuery(const QSqlQuery &q)
{
    UserRecord u;
    u.id = q.value(0).toLongLong();
    u.username = q.value(1).toString();
    u.displayName = q.value(2).toString();
    u.createdAt = q.value(3).toLongLong();
    u.lastSeen = q.value(4).toLongLong();
    u.serverRole = q.value(5).toString();
    u.deactivatedAt = q.value(6).toLongLong();
    u.mustChangePassword = q.value(7).toBool();
    return u;
}

bool UserStore::create(const UserRecord &user, const QString &passwordHash)
{
    QSqlQuery &q = m_db.prepare(QStringLiteral(
        "INSERT INTO users (id, username, username_key, display_name, password_hash, created_at, last_seen,"
        " server_role) VALUES (?, ?, ?, ?, ?, ?, ?,"
        // The first account on a server is its administrator (one writer: no race between the two).
        " (SELECT CASE WHEN EXISTS (SELECT 1 FROM users) THEN 'member' ELSE 'admin' END))"
        " ON CONFLICT (username_key) DO NOTHING"));
    q.addBindValue(user.id);
    q.addBindValue(user.username);
    q.addBindValue(Validation::canonicalUsername(user.username));
    q.addBindValue(user.displayName);
    q.addBindValue(passwordHash);
    q.addBindValue(user.createdAt);
    q.addBindValue(user.lastSeen);
    if (!Database::exec(q) || q.numRowsAffected() != 1)
        return false;
    m_cache.remove(user.id); // read back with its server role
    return true;
}

std::optional<UserRecord> UserStore::byId(qint64 id)
{
    if (const auto it = m_cache.constFind(id); it != m_cache.constEnd())
        return *it;
    QSqlQuery &q = m_db.prepare(
        QStringLiteral("SELECT id, username, display_name, created_at, last_seen, server_role, deactivated_at,"
                       " must_change_password FROM users WHERE id = ?"));
    q.addBindValue(id);
    if (!Database::exec(q) || !q.next())
        return std::nullopt;
    UserRecord u = fromQuery(q);
    q.finish();
    m_cache.insert(id, u);
    return u;
}

std::optional<std::pair<UserRecord, QString>> UserStore::byUsername(const QString &username)
{
    QSqlQuery &q = m_db.prepare(QStringLiteral("SELECT id, username, display_name, created_at, last_seen,"
                                               " server_role, deactivated_at, must_change_password,"
                                               " password_hash FROM users WHERE username_key = ?"));
    q.addBindValue(Validation::canonicalUsername(username));
    return Database::one(
        q, [](const QSqlQuery &row) { return std::make_pair(fromQuery(row), row.value(8).toString()); });
}

QList<UserRecord> UserStore::search(const QString &prefix, int limit)
{
    // Escape LIKE's wildcards so that a search for "a_b" means exactly that.
    QString pattern = prefix.toLower();
    pattern.replace(u'\\', u"\\\\"_qs).replace(u'%', u"\\%"_qs).replace(u'_', u"\\_"_qs);
    pattern += u'%';
    QSqlQuery &q = m_db.prepare(
        QStringLiteral("SELECT id, username, display_name, created_at, last_seen, server_role,"
                       " deactivated_at, must_change_password FROM users WHERE username_key LIKE ? ESCAPE '\\' OR lower(display_name) LIKE ? ESCAPE '\\'"
                       " ORDER BY username_key LIMIT ?"));
    q.addBindValue(pattern);
    q.addBindValue(pattern);
    q.addBindValue(limit);
    QList<UserRecord> users;
    Database::forEach(q, [&](const QSqlQuery &row) { users.append(fromQuery(row)); });
    return users;
}

void UserStore::forget(qint64 userId)
{
    m_cache.remove(userId);
    if (const qint64 pending = m_pendingLastSeen.value(userId); pending && byId(userId))
        m_cache[userId].lastSeen = pending; // not written yet: keep what is in memory
}

void UserStore::setLastSeen(qint64 userId, qint64 when)
{
    if (!byId(userId))
        return;
    m_cache[userId].lastSeen = when;
    m_pendingLastSeen.insert(userId, when);
}

void UserStore::noteLastSeen(qint64 userId, qint64 when)
{
    if (auto it = m_cache.find(userId); it != m_cache.end())
        it->lastSeen = qMax(it->lastSeen, when);
}

void UserStore::flushLastSeen()
{
    // Nobody waits on it: deferred on SQLite. On PostgreSQL a deferred commit is answered later, and these
    // values are cleared below as if it had succeeded; there it is a plain commit.
    const auto mode = m_db.isPostgres() ? Database::Commit::Durable : Database::Commit::Deferred;
    if (m_pendingLastSeen.isEmpty() || !m_db.begin(mode))
        return;
    QSqlQuery &q = m_db.prepare(QStringLiteral("UPDATE users SET last_seen = ? WHERE id = ?"));
    bool ok = true;
    // In id order: server instances sharing a PostgreSQL database then lock the rows in the same order.
    QList<qint64> ids = m_pendingLastSeen.keys();
    std::sort(ids.begin(), ids.end());
    for (auto id = ids.cbegin(); ok && id != ids.cend(); ++id) {
        q.addBindValue(m_pendingLastSeen.value(*id));
        q.addBindValue(*id);
        ok = Database::exec(q);
    }
    if (ok && m_db.commit())
        m_pendingLastSeen.clear();
    else
        m_db.rollback(); // kept for the next attempt
}

bool UserStore::addToken(const QByteArray &tokenHash, qint64 userId)
{
    QSqlQuery &q
        = m_db.prepare(QStringLiteral("INSERT INTO tokens (hash, user_id, created_at) VALUES (?, ?, ?)"));
    q.addBindValue(tokenHash);
    q.addBindValue(userId);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    return Database::exec(q);
}

qint64 UserStore::userForToken(const QByteArray &tokenHash)
{
    QSqlQuery &q = m_db.prepare(QStringLiteral("SELECT user_id FROM tokens WHERE hash = ?"));
    q.addBindValue(tokenHash);
    const qint64 id = Database::exec(q) && q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    return id;
}

bool UserStore::deleteToken(const QByteArray &tokenHash)
{
    QSqlQuery &q = m_db.prepare(QStringLiteral("DELETE FROM tokens WHERE hash = ?"));
    q.addBindValue(tokenHash);
    return Database::exec(q) && q.numRowsAffected() > 0;
}

} // namespace Natter::Server
