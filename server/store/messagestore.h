#pragma once

#include "store/records.h"

#include <QHash>

#include <limits>
#include <optional>

namespace Natter::Server {

class Database;

// Messages by Snowflake id, so that id order is time order and every page is a keyset range scan.
class MessageStore
{
public:
    explicit MessageStore(Database &db);

    enum class Insert { Stored, Repeat, Failed };
    // Repeat (and nothing stored) when the author already has a message with this clientMsgId: the unique
    // index answers that in the same descent that stores a new key.
    Insert insert(const MessageRecord &message);
    // The same for several messages, in one statement sent in the store's pipeline on PostgreSQL
    // (Statement::queue()): a repeat is an error that fails the transaction, for a caller that has ruled
    // repeats out already and retries with insert() if not.
    bool queueInsert(const QList<MessageRecord> &messages);
    // The ids of the messages that already exist among KEYS ((author, clientMsgId) pairs), in one statement:
    // what lets a batch queue its inserts without each waiting to learn whether it was a repeat.
    QHash<std::pair<qint64, QString>, qint64> existingIds(const QList<std::pair<qint64, QString>> &keys);
    std::optional<MessageRecord> byId(qint64 id);
    std::optional<MessageRecord> byClientMsgId(qint64 authorId, const QString &clientMsgId);
    bool incrementReplyCount(qint64 parentId);
    bool setPreview(qint64 messageId, const QByteArray &previewJson);
    // The id of AUTHORID's message with CLIENTMSGID, or 0.
    qint64 idForClientMsgId(qint64 authorId, const QString &clientMsgId);
    // Author edits: new text and mentions, editedAt. Deletes: text cleared, deletedAt set, preview dropped.
    bool updateText(qint64 messageId, const QString &text, const QList<qint64> &mentions, qint64 editedAt);
    bool markDeleted(qint64 messageId, qint64 deletedAt);

    enum class Direction { Before, After };
    // Up to LIMIT top-level messages of CHANNEL strictly before/after PIVOT (0: from the newest/oldest end),
    // oldest first, and whether more exist beyond them in that direction. PARENTID > 0 pages a thread
    // instead.
    // The ids and seqs of CHANNELID's top-level messages with seqs in (AFTERSEQ, UPTOSEQ], in seq order. Read
    // from the newest down, so the cost is the number of top-level messages after AFTERSEQ: sync asks only
    // when that is at most the reset threshold.
    QList<std::pair<qint64, qint64>> topLevelSeqs(qint64 channelId, qint64 afterSeq, qint64 upToSeq);
    // Only messages with seqs up to MAXSEQ (the last one on disk, while a batch waits for its fsync) count,
    // for the page and for HASMORE alike.
    QList<MessageRecord> page(qint64 channelId, qint64 parentId, Direction direction, qint64 pivot, int limit,
        bool *hasMore, qint64 maxSeq = std::numeric_limits<qint64>::max());

private:
    Database &m_db;
};

} // namespace Natter::Server
