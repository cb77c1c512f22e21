#include "store/reactionstore.h"
#include "store/database.h"

#include <QSqlQuery>

namespace Natter::Server {

ReactionStore::ReactionStore(Database &db)
    : m_db(db)
{
}

bool ReactionStore::add(qint64 messageId, qint64 userId, const QString &emoji, qint64 at)
{
    QSqlQuery &q = m_db.prepare(QStringLiteral("INSERT INTO reactions (message_id, user_id, emoji, "
                                               "created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING"));
    q.addBindValue(messageId);
    q.addBindValue(userId);
    q.addBindValue(emoji);
    q.addBindValue(at);
    return Database::exec(q) && q.numRowsAffected() == 1;
}

bool ReactionStore::remove(qint64 messageId, qint64 userId, const QString &emoji)
{
    QSqlQuery &q = m_db.prepare(
        QStringLiteral("DELETE FROM reactions WHERE message_id = ? AND emoji = ? AND user_id = ?"));
    q.addBindValue(messageId);
    q.addBindValue(emoji);
    q.addBindValue(userId);
    return Database::exec(q) && q.numRowsAffected() == 1;
}

bool ReactionStore::removeAll(qint64 messageId)
{
    QSqlQuery &q = m_db.prepare(QStringLiteral("DELETE FROM reactions WHERE message_id = ?"));
    q.addBindValue(messageId);
    return Database::exec(q);
}

QHash<qint64, QList<Wire::Reaction>> ReactionStore::summaries(const QList<qint64> &messageIds, qint64 viewerId)
{
    QHash<qint64, QList<Wire::Reaction>> out;
    if (messageIds.isEmpty())
        return out;
    QSqlQuery &q = m_db.prepare(u"SELECT message_id, emoji, count(*), max(user_id = ?) FROM reactions"
                                " WHERE message_id IN ("_qs
        + Database::placeholders(messageIds.size())
        + u") GROUP BY message_id, emoji ORDER BY message_id, min(created_at), emoji"_qs);
    q.addBindValue(viewerId);
    for (qint64 id : messageIds)
        q.addBindValue(id);
    Database::forEach(q, [&](const QSqlQuery &row) {
        out[row.value(0).toLongLong()].append(
            Wire::Reaction { row.value(1).toString(), row.value(2).toInt(), row.value(3).toInt() == 1 });
    });
    return out;
}

QList<Wire::Reaction> ReactionStore::summary(qint64 messageId, qint64 viewerId)
{
    QSqlQuery &q = m_db.prepare(
        QStringLiteral("SELECT emoji, count(*), max(user_id = ?) FROM reactions WHERE message_id = ?"
                       " GROUP BY emoji ORDER BY min(created_at), emoji"));
    q.addBindValue(viewerId);
    q.addBindValue(messageId);
    QList<Wire::Reaction> out;
    if (Database::exec(q))
        while (q.next())
            out.append(Wire::Reaction { q.value(0).toString(), q.value(1).toInt(), q.value(2).toInt() == 1 });
    q.finish();
    return out;
}

} // namespace Natter::Server
