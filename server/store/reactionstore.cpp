#include "store/reactionstore.h"
#include "store/database.h"

#include <QJsonObject>
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

QHash<qint64, QJsonArray> ReactionStore::summaries(const QList<qint64> &messageIds, qint64 viewerId)
{
    QHash<qint64, QJsonArray> out;
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
        out[row.value(0).toLongLong()].append(QJsonObject { { u"emoji"_qs, row.value(1).toString() },
            { u"count"_qs, row.value(2).toInt() }, { u"me"_qs, row.value(3).toInt() == 1 } });
    });
    return out;
}

QJsonArray ReactionStore::summary(qint64 messageId, qint64 viewerId)
{
    QSqlQuery &q = m_db.prepare(
        QStringLiteral("SELECT emoji, count(*), max(user_id = ?) FROM reactions WHERE message_id = ?"
                       " GROUP BY emoji ORDER BY min(created_at), emoji"));
    q.addBindValue(viewerId);
    q.addBindValue(messageId);
    QJsonArray out;
    if (Database::exec(q))
        while (q.next())
            out.append(QJsonObject { { u"emoji"_qs, q.value(0).toString() },
                { u"count"_qs, q.value(1).toInt() }, { u"me"_qs, q.value(2).toInt() == 1 } });
    q.finish();
    return out;
}

} // namespace Natter::Server
