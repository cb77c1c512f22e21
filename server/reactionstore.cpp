#include "reactionstore.h"
#include "database.h"

#include <QJsonObject>
#include <QSqlQuery>

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
