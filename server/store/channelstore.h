#pragma once

#include "store/records.h"

#include <QHash>
#include <QSet>

#include <optional>

class QSqlQuery;

namespace Natter::Server {

class Database;

// Channels, membership and the per-channel event log. Member lists are cached per channel because every
// fan-out reads them; the cache is updated by the same calls that change the table. A channel's counters
// (last seq, message count, last message time) are kept in memory once read: a message takes its seq there,
// and the row is written once per channel just before the transaction commits, not once per message.
// On PostgreSQL (several instances on one database) they are kept only for the transaction that read them
// under the channel's row lock: see the constructor.
class ChannelStore
{
public:
    explicit ChannelStore(Database &db);
    ~ChannelStore();
    ChannelStore(const ChannelStore &) = delete;
    ChannelStore &operator=(const ChannelStore &) = delete;

    bool insert(const ChannelRecord &channel);
    // Name, topic and pin policy of CHANNEL.
    bool updateSettings(const ChannelRecord &channel);
    std::optional<ChannelRecord> byId(qint64 id);
    std::optional<ChannelRecord> byDirectKey(const QString &key);
    // Public group channels whose name contains QUERY, by name.
    QList<ChannelRecord> browse(const QString &query, int limit);
    // The caller's channels with the caller's membership, newest activity first.
    QList<std::pair<ChannelRecord, MemberRecord>> forUser(qint64 userId);

    std::optional<MemberRecord> member(qint64 channelId, qint64 userId);
    QList<MemberRecord> members(qint64 channelId);
    const QList<qint64> &memberIds(qint64 channelId);
    // Whether only owners and admins write (docs/protocol.md, Moderation). Cached like memberIds(): the send
    // path asks on every message (ChannelService::authorizeWrite()).
    bool isReadOnly(qint64 channelId);
    bool addMember(const MemberRecord &member);
    bool removeMember(qint64 channelId, qint64 userId);
    bool markRead(qint64 channelId, qint64 userId, qint64 messageId, qint64 ordinal);
    // markRead() for several markers inside a transaction, when whether each moved does not matter: one
    // statement sent in the pipeline on PostgreSQL (Statement::queue()).
    struct ReadMarker
    {
        qint64 channelId = 0;
        qint64 userId = 0;
        qint64 messageId = 0;
        qint64 ordinal = 0;
    };
    bool queueMarkRead(const QList<ReadMarker> &markers);
    bool addMention(qint64 channelId, qint64 userId);
    // An edit added a mention of USERID to MESSAGEID: counted only while the user has not read that far.
    bool addMentionIfUnread(qint64 channelId, qint64 userId, qint64 messageId);

    // Event log: the next seq of CHANNEL (inside the caller's transaction) and the stored events after a seq.
    qint64 nextSeq(qint64 channelId);
    // An event is stored either as its frame (PAYLOAD) or, for a message.new, as MESSAGEID alone with an
    // empty payload; EventLog writes the frame of the latter when it is replayed.
    struct StoredEvent
    {
        qint64 seq = 0;
        QByteArray payload;
        qint64 messageId = 0;
    };
    bool appendEvent(
        qint64 channelId, qint64 seq, const QString &type, const QByteArray &payload, qint64 messageId = 0);
    QList<StoredEvent> eventsAfter(qint64 channelId, qint64 afterSeq, qint64 upToSeq, int limit);
    // Takes the next seq for a new message and, when COUNTED (a top-level message), its ordinal, bumping
    // message_count and last_message_at; inside a transaction, whose commit writes them. {0, 0} on failure.
    std::pair<qint64, qint64> nextMessageSlot(qint64 channelId, qint64 at, bool counted);
    // What nextMessageSlot() would return, without taking it.
    std::pair<qint64, qint64> peekMessageSlot(qint64 channelId, bool counted);
    // PostgreSQL, inside a transaction: reads the counters of CHANNELIDS under their row locks, taken in id
    // order in one statement, so that two instances whose batches share channels never deadlock.
    bool lockCounters(QList<qint64> channelIds);

    // Forget cached rows (after a rolled-back transaction).
    void invalidate(qint64 channelId);
    // Forget the cached member list and read-only flag only: another server instance changed them.
    void forgetMembers(qint64 channelId);

private:
    static ChannelRecord channelFromQuery(const QSqlQuery &q, int offset = 0);
    static MemberRecord memberFromQuery(const QSqlQuery &q, int offset);

    struct Counters
    {
        qint64 lastSeq = 0;
        qint64 messageCount = 0;
        qint64 lastMessageAt = 0;
    };
    Counters *counters(qint64 channelId);
    bool writeCounters();
    void forgetTouched();

    Database &m_db;
    QHash<qint64, QList<qint64>> m_memberIds;
    QHash<qint64, bool> m_readOnly;
    QHash<qint64, Counters> m_counters;
    Counters m_snapshot; // PostgreSQL, outside a transaction: read, not cached
    QSet<qint64> m_unwritten; // counters changed in memory only, written before the commit
    QSet<qint64> m_touched; // counters changed in the open transaction, forgotten if it rolls back
};

} // namespace Natter::Server
