#include "store/messagestore.h"
#include "store/database.h"
#include "store/pgarray.h"

#include <QSqlQuery>

#include <algorithm>

namespace Natter::Server {

namespace {
    const QString Columns = QStringLiteral("id, channel_id, seq, ordinal, author_id, client_msg_id, text, "
                                           "parent_id, reply_count, mentions, created_at,"
                                           " edited_at, deleted_at, preview");

    MessageRecord fromQuery(const QSqlQuery &q)
    {
        MessageRecord m;
        m.id = q.value(0).toLongLong();
        m.channelId = q.value(1).toLongLong();
        m.seq = q.value(2).toLongLong();
        m.ordinal = q.value(3).toLongLong();
        m.authorId = q.value(4).toLongLong();
        m.clientMsgId = q.value(5).toString();
        m.text = q.value(6).toString();
        m.parentId = q.value(7).toLongLong();
        m.replyCount = q.value(8).toInt();
        const QString mentions = q.value(9).toString();
        for (const auto part : QStringView(mentions).split(u',', Qt::SkipEmptyParts))
            m.mentions.append(part.toLongLong());
        m.createdAt = q.value(10).toLongLong();
        m.editedAt = q.value(11).toLongLong();
        m.deletedAt = q.value(12).toLongLong();
        m.previewJson = q.value(13).toByteArray();
        return m;
    }

    QString joinIds(const QList<qint64> &ids)
    {
        QStringList parts;
        for (qint64 id : ids)
            parts.append(QString::number(id));
        return parts.join(u',');
    }
} // namespace

MessageStore::MessageStore(Database &db)
    : m_db(db)
{
}

namespace {
    void bindMessage(Statement &q, const MessageRecord &m)
    {
        q.bind(1, m.id).bind(2, m.channelId).bind(3, m.seq).bind(4, m.ordinal).bind(5, m.authorId);
        q.bind(6, m.clientMsgId).bind(7, m.text);
        if (m.parentId)
            q.bind(8, m.parentId);
        else
            q.bindNull(8);
        q.bind(9, joinIds(m.mentions)).bind(10, m.createdAt);
    }
} // namespace

MessageStore::Insert MessageStore::insert(const MessageRecord &m)
{
    Statement &q = m_db.statement(
        "INSERT INTO messages (id, channel_id, seq, ordinal, author_id, client_msg_id, text, parent_id,"
        " mentions, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (author_id, client_msg_id) DO NOTHING");
    bindMessage(q, m);
    if (!q.run())
        return Insert::Failed;
    return q.changes() == 1 ? Insert::Stored : Insert::Repeat;
}

bool MessageStore::queueInsert(const QList<MessageRecord> &messages)
{
    if (messages.isEmpty())
        return true;
    if (!m_db.isPostgres()) {
        for (const MessageRecord &m : messages) {
            if (insert(m) != Insert::Stored)
                return false;
        }
        return true;
    }
    // One statement for the batch: a statement per message cost PostgreSQL more than the rows themselves.
    QList<qint64> ids, channels, seqs, ordinals, authors, parents, createdAt;
    QStringList clientIds, texts, mentions;
    for (const MessageRecord &m : messages) {
        ids.append(m.id);
        channels.append(m.channelId);
        seqs.append(m.seq);
        ordinals.append(m.ordinal);
        authors.append(m.authorId);
        clientIds.append(m.clientMsgId);
        texts.append(m.text);
        parents.append(m.parentId);
        mentions.append(joinIds(m.mentions));
        createdAt.append(m.createdAt);
    }
    Statement &q = m_db.statement(
        "INSERT INTO messages (id, channel_id, seq, ordinal, author_id, client_msg_id, text, parent_id,"
        " mentions, created_at) SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[],"
        " ?::bigint[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::bigint[])");
    q.bind(1, PgArray::ints(ids)).bind(2, PgArray::ints(channels)).bind(3, PgArray::ints(seqs));
    q.bind(4, PgArray::ints(ordinals)).bind(5, PgArray::ints(authors)).bind(6, PgArray::texts(clientIds));
    q.bind(7, PgArray::texts(texts)).bind(8, PgArray::ints(parents, true)).bind(9, PgArray::texts(mentions));
    q.bind(10, PgArray::ints(createdAt));
    return q.queue();
}

QHash<std::pair<qint64, QString>, qint64> MessageStore::existingIds(
    const QList<std::pair<qint64, QString>> &keys)
{
    QHash<std::pair<qint64, QString>, qint64> found;
    if (keys.isEmpty())
        return found;
    QList<qint64> authors;
    QStringList clientIds;
    authors.reserve(keys.size());
    clientIds.reserve(keys.size());
    for (const auto &[author, clientMsgId] : keys) {
        authors.append(author);
        clientIds.append(clientMsgId);
    }
    // One probe of the idempotency index per key, as a subquery per row: a join here let the cached generic
    // plan (made while the table was small) hash the whole table, milliseconds per batch once it had grown.
    Statement &q = m_db.statement("SELECT k.author_id, k.client_msg_id, (SELECT id FROM messages"
                                  " WHERE author_id = k.author_id AND client_msg_id = k.client_msg_id)"
                                  " FROM unnest(?::bigint[], ?::text[]) AS k(author_id, client_msg_id)");
    q.bind(1, PgArray::ints(authors)).bind(2, PgArray::texts(clientIds));
    while (q.step() && q.hasRow())
        if (!q.isNull(2))
            found.insert({ q.int64(0), QString::fromUtf8(q.blob(1)) }, q.int64(2));
    q.reset();
    return found;
}

std::optional<MessageRecord> MessageStore::byId(qint64 id)
{
    QSqlQuery &q = m_db.prepare(u"SELECT "_qs + Columns + u" FROM messages WHERE id = ?"_qs);
    q.addBindValue(id);
    return Database::one(q, [](const QSqlQuery &row) { return fromQuery(row); });
}

std::optional<MessageRecord> MessageStore::byClientMsgId(qint64 authorId, const QString &clientMsgId)
{
    QSqlQuery &q = m_db.prepare(
        u"SELECT "_qs + Columns + u" FROM messages WHERE author_id = ? AND client_msg_id = ?"_qs);
    q.addBindValue(authorId);
    q.addBindValue(clientMsgId);
    return Database::one(q, [](const QSqlQuery &row) { return fromQuery(row); });
}

bool MessageStore::incrementReplyCount(qint64 parentId)
{
    QSqlQuery &q
        = m_db.prepare(QStringLiteral("UPDATE messages SET reply_count = reply_count + 1 WHERE id = ?"));
    q.addBindValue(parentId);
    return Database::exec(q);
}

qint64 MessageStore::idForClientMsgId(qint64 authorId, const QString &clientMsgId)
{
    Statement &q = m_db.statement("SELECT id FROM messages WHERE author_id = ? AND client_msg_id = ?");
    q.bind(1, authorId).bind(2, clientMsgId);
    const qint64 id = q.step() ? q.int64(0) : 0;
    q.reset();
    return id;
}

bool MessageStore::setPreview(qint64 messageId, const QByteArray &previewJson)
{
    QSqlQuery &q
        = m_db.prepare(QStringLiteral("UPDATE messages SET preview = ? WHERE id = ? AND deleted_at = 0"));
    q.addBindValue(QString::fromUtf8(previewJson));
    q.addBindValue(messageId);
    return Database::exec(q) && q.numRowsAffected() == 1;
}

bool MessageStore::updateText(
    qint64 messageId, const QString &text, const QList<qint64> &mentions, qint64 editedAt)
{
    QSqlQuery &q = m_db.prepare(QStringLiteral(
        "UPDATE messages SET text = ?, mentions = coalesce(?, ''), edited_at = ?, preview = NULL"
        " WHERE id = ? AND deleted_at = 0"));
    q.addBindValue(text);
    q.addBindValue(joinIds(mentions));
    q.addBindValue(editedAt);
    q.addBindValue(messageId);
    return Database::exec(q) && q.numRowsAffected() == 1;
}

bool MessageStore::markDeleted(qint64 messageId, qint64 deletedAt)
{
    QSqlQuery &q = m_db.prepare(QStringLiteral("UPDATE messages SET text = '', mentions = '', preview = "
                                               "NULL, deleted_at = ? WHERE id = ? AND deleted_at = 0"));
    q.addBindValue(deletedAt);
    q.addBindValue(messageId);
    return Database::exec(q) && q.numRowsAffected() == 1;
}

QList<std::pair<qint64, qint64>> MessageStore::topLevelSeqs(qint64 channelId, qint64 afterSeq, qint64 upToSeq)
{
    if (m_db.isPostgres()) {
        // Several instances: ids come from different clocks, so only seqs give the order
        // (messages_channel_seq).
        Statement &q
            = m_db.statement("SELECT seq, id FROM messages WHERE channel_id = ? AND parent_id IS NULL"
                             " AND seq > ? AND seq <= ? ORDER BY seq");
        q.bind(1, channelId).bind(2, afterSeq).bind(3, upToSeq);
        QList<std::pair<qint64, qint64>> out;
        while (q.step() && q.hasRow())
            out.append({ q.int64(0), q.int64(1) });
        q.reset();
        return out;
    }
    // Within a channel, top-level messages take ids and seqs in the same order (both at store time, in commit
    // order), so walking messages_channel down by id walks seqs down too; the index holds seq, so no row is
    // read.
    Statement &q = m_db.statement(
        "SELECT seq, id FROM messages WHERE channel_id = ? AND parent_id IS NULL ORDER BY id DESC");
    q.bind(1, channelId);
    QList<std::pair<qint64, qint64>> out;
    while (q.step() && q.hasRow()) {
        const qint64 seq = q.int64(0);
        if (seq <= afterSeq)
            break;
        if (seq <= upToSeq)
            out.append({ seq, q.int64(1) });
    }
    q.reset();
    std::reverse(out.begin(), out.end());
    return out;
}

QList<MessageRecord> MessageStore::page(qint64 channelId, qint64 parentId, Direction direction, qint64 pivot,
    int limit, bool *hasMore, qint64 maxSeq)
{
    // The WHERE clauses match the partial indexes messages_channel / messages_thread exactly, so each page is
    // one index range scan of LIMIT+1 rows, whatever its depth.
    const bool before = direction == Direction::Before;
    const QString scope = parentId ? QStringLiteral("parent_id = ? AND parent_id IS NOT NULL")
                                   : QStringLiteral("channel_id = ? AND parent_id IS NULL");
    const QString sql = u"SELECT "_qs + Columns + u" FROM messages WHERE "_qs + scope + u" AND seq <= ?"_qs
        + (before ? u" AND id < ? ORDER BY id DESC LIMIT ?"_qs : u" AND id > ? ORDER BY id ASC LIMIT ?"_qs);
    QSqlQuery &q = m_db.prepare(sql);
    q.addBindValue(parentId ? parentId : channelId);
    q.addBindValue(maxSeq);
    q.addBindValue(before ? (pivot > 0 ? pivot : std::numeric_limits<qint64>::max()) : pivot);
    q.addBindValue(limit + 1);
    QList<MessageRecord> out;
    Database::forEach(q, [&](const QSqlQuery &row) { out.append(fromQuery(row)); });
    *hasMore = out.size() > limit;
    if (*hasMore)
        out.removeLast();
    if (before)
        std::reverse(out.begin(), out.end());
    return out;
}

} // namespace Natter::Server
