#include "store/pinstore.h"
#include "store/database.h"

#include <QSqlQuery>

namespace Natter::Server {

PinStore::PinStore(Database &db)
    : m_db(db)
{
}

bool PinStore::pin(qint64 channelId, qint64 messageId, qint64 userId, qint64 at)
{
    QSqlQuery &q = m_db.prepare(QStringLiteral("INSERT INTO pins (channel_id, message_id, pinned_by, "
                                               "pinned_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING"));
    q.addBindValue(channelId);
    q.addBindValue(messageId);
    q.addBindValue(userId);
    q.addBindValue(at);
    return Database::exec(q) && q.numRowsAffected() == 1;
}

bool PinStore::unpin(qint64 channelId, qint64 messageId)
{
    QSqlQuery &q = m_db.prepare(QStringLiteral("DELETE FROM pins WHERE channel_id = ? AND message_id = ?"));
    q.addBindValue(channelId);
    q.addBindValue(messageId);
    return Database::exec(q) && q.numRowsAffected() == 1;
}

QList<qint64> PinStore::pinned(qint64 channelId, int limit)
{
    QSqlQuery &q = m_db.prepare(QStringLiteral(
        "SELECT message_id FROM pins WHERE channel_id = ? ORDER BY pinned_at DESC, message_id DESC LIMIT ?"));
    q.addBindValue(channelId);
    q.addBindValue(limit);
    QList<qint64> ids;
    Database::forEach(q, [&](const QSqlQuery &row) { ids.append(row.value(0).toLongLong()); });
    return ids;
}

} // namespace Natter::Server
