#include "store/channelstore.h"
#include "store/database.h"
#include "store/pgarray.h"

#include <QSqlQuery>

#include <algorithm>

namespace Natter::Server {

namespace {
    const QString ChannelColumns
        = QStringLiteral("c.id, c.type, c.name, c.topic, c.visibility, c.created_by, c.created_at, "
                         "c.last_message_at, c.last_seq,"
                         " c.message_count, c.member_count, c.direct_key, c.pin_policy, c.read_only");
    constexpr int ChannelColumnCount = 14;
    const QString MemberColumns = QStringLiteral("m.channel_id, m.user_id, m.role, m.joined_at, "
                                                 "m.last_read_message_id, m.read_ordinal, m.mention_count");
} // namespace

ChannelStore::ChannelStore(Database &db)
    : m_db(db)
{
    // On PostgreSQL other instances write the same rows: counters are read under the channel's row lock
    // (FOR UPDATE) once per transaction and forgotten when it ends, so that the lock orders concurrent
    // writers and every seq is taken exactly once across instances.
    m_db.setTransactionHooks([this] { return writeCounters(); },
        [this] {
            m_touched.clear();
            if (m_db.isPostgres())
                m_counters.clear();
        },
        [this] {
            forgetTouched();
            if (m_db.isPostgres())
                m_counters.clear();
        });
}

ChannelStore::~ChannelStore()
{
    m_db.setTransactionHooks({}, {}, {});
}

ChannelStore::Counters *ChannelStore::counters(qint64 channelId)
{
    auto it = m_counters.find(channelId);
    if (it == m_counters.end()) {
        const bool postgres = m_db.isPostgres();
        Statement &q = postgres
            ? m_db.statement(
                "SELECT last_seq, message_count, last_message_at FROM channels WHERE id = ? FOR UPDATE")
            : m_db.statement("SELECT last_seq, message_count, last_message_at FROM channels WHERE id = ?");
        q.bind(1, channelId);
        if (!q.step() || !q.hasRow())
            return nullptr;
        const Counters read { q.int64(0), q.int64(1), q.int64(2) };
        q.reset();
        if (postgres && !m_db.inTransaction()) { // nothing holds the row: a snapshot, not to be kept
            m_snapshot = read;
            return &m_snapshot;
        }
        it = m_counters.insert(channelId, read);
    }
    return &*it;
}

bool ChannelStore::writeCounters()
{
    if (m_db.isPostgres() && m_unwritten.size() > 1) {
        // One statement for the transaction's channels (the message batch's), sent in the pipeline.
        QList<qint64> ids, seqs, counts, lastAt;
        for (qint64 channelId : std::as_const(m_unwritten)) {
            const Counters &c = m_counters.value(channelId);
            ids.append(channelId);
            seqs.append(c.lastSeq);
            counts.append(c.messageCount);
            lastAt.append(c.lastMessageAt);
        }
        m_unwritten.clear();
        Statement &q
            = m_db.statement("UPDATE channels SET last_seq = u.last_seq, message_count = u.message_count,"
                             " last_message_at = u.last_message_at FROM unnest(?::bigint[], ?::bigint[], "
                             "?::bigint[], ?::bigint[])"
                             " AS u(id, last_seq, message_count, last_message_at) WHERE channels.id = u.id");
        q.bind(1, PgArray::ints(ids)).bind(2, PgArray::ints(seqs)).bind(3, PgArray::ints(counts));
        q.bind(4, PgArray::ints(lastAt));
        return q.queue();
    }
    bool ok = true;
    for (qint64 channelId : std::as_const(m_unwritten)) {
        const Counters &c = m_counters.value(channelId);
        Statement &q = m_db.statement(
            "UPDATE channels SET last_seq = ?, message_count = ?, last_message_at = ? WHERE id = ?");
        q.bind(1, c.lastSeq).bind(2, c.messageCount).bind(3, c.lastMessageAt).bind(4, channelId);
        ok = q.queue() && ok;
    }
    m_unwritten.clear();
    return ok; // m_touched is cleared once the commit has succeeded, and forgotten if it fails
}

void ChannelStore::forgetTouched()
{
    for (qint64 channelId : std::as_const(m_touched))
        m_counters.remove(channelId);
    m_touched.clear();
    m_unwritten.clear();
}

ChannelRecord ChannelStore::channelFromQuery(const QSqlQuery &q, int o)
{
    ChannelRecord c;
    c.id = q.value(o + 0).toLongLong();
    c.type = q.value(o + 1).toString();
    c.name = q.value(o + 2).toString();
    c.topic = q.value(o + 3).toString();
    c.visibility = q.value(o + 4).toString();
    c.createdBy = q.value(o + 5).toLongLong();
    c.createdAt = q.value(o + 6).toLongLong();
    c.lastMessageAt = q.value(o + 7).toLongLong();
    c.lastSeq = q.value(o + 8).toLongLong();
    c.messageCount = q.value(o + 9).toLongLong();
    c.memberCount = q.value(o + 10).toInt();
    c.directKey = q.value(o + 11).toString();
    c.pinPolicy = q.value(o + 12).toString();
    c.readOnly = q.value(o + 13).toBool();
    return c;
}

MemberRecord ChannelStore::memberFromQuery(const QSqlQuery &q, int o)
{
    MemberRecord m;
    m.channelId = q.value(o + 0).toLongLong();
    m.userId = q.value(o + 1).toLongLong();
    m.role = q.value(o + 2).toString();
    m.joinedAt = q.value(o + 3).toLongLong();
    m.lastReadMessageId = q.value(o + 4).toLongLong();
    m.readOrdinal = q.value(o + 5).toLongLong();
    m.mentionCount = q.value(o + 6).toLongLong();
    return m;
}

bool ChannelStore::insert(const ChannelRecord &c)
{
    QSqlQuery &q = m_db.prepare(QStringLiteral(
        "INSERT INTO channels (id, type, name, topic, visibility, created_by, created_at, direct_key)"
        " VALUES (?, ?, coalesce(?, ''), coalesce(?, ''), ?, ?, ?, ?)"));
    q.addBindValue(c.id);
    q.addBindValue(c.type);
    q.addBindValue(c.name);
    q.addBindValue(c.topic);
    q.addBindValue(c.visibility);
    q.addBindValue(c.createdBy);
    q.addBindValue(c.createdAt);
    q.addBindValue(c.directKey.isEmpty() ? QVariant() : QVariant(c.directKey));
    return Database::exec(q);
}

bool ChannelStore::updateSettings(const ChannelRecord &c)
{
    QSqlQuery &q = m_db.prepare(QStringLiteral(
        "UPDATE channels SET name = coalesce(?, ''), topic = coalesce(?, ''), pin_policy = ?, read_only = ?"
        " WHERE id = ?"));
    q.addBindValue(c.name);
    q.addBindValue(c.topic);
    q.addBindValue(c.pinPolicy);
    q.addBindValue(c.readOnly ? 1 : 0);
    q.addBindValue(c.id);
    m_readOnly.remove(c.id); // read again after the change (or its rollback)
    return Database::exec(q) && q.numRowsAffected() == 1;
}

std::optional<ChannelRecord> ChannelStore::byId(qint64 id)
{
    QSqlQuery &q = m_db.prepare(u"SELECT "_qs + ChannelColumns + u" FROM channels c WHERE c.id = ?"_qs);
    q.addBindValue(id);
    return Database::one(q, [](const QSqlQuery &row) { return channelFromQuery(row); });
}

std::optional<ChannelRecord> ChannelStore::byDirectKey(const QString &key)
{
    QSqlQuery &q
        = m_db.prepare(u"SELECT "_qs + ChannelColumns + u" FROM channels c WHERE c.direct_key = ?"_qs);
    q.addBindValue(key);
    return Database::one(q, [](const QSqlQuery &row) { return channelFromQuery(row); });
}

QList<ChannelRecord> ChannelStore::browse(const QString &query, int limit)
{
    QString pattern = query.toLower();
    pattern.replace(u'\\', u"\\\\"_qs).replace(u'%', u"\\%"_qs).replace(u'_', u"\\_"_qs);
    QSqlQuery &q = m_db.prepare(u"SELECT "_qs + ChannelColumns
        + u" FROM channels c WHERE c.visibility = 'public' AND c.type = 'group'"
          " AND lower(c.name) LIKE ? ESCAPE '\\' ORDER BY c.name LIMIT ?"_qs);
    q.addBindValue(QString(u'%' + pattern + u'%'));
    q.addBindValue(limit);
    QList<ChannelRecord> out;
    Database::forEach(q, [&](const QSqlQuery &row) { out.append(channelFromQuery(row)); });
    return out;
}

QList<std::pair<ChannelRecord, MemberRecord>> ChannelStore::forUser(qint64 userId)
{
    QSqlQuery &q = m_db.prepare(u"SELECT "_qs + ChannelColumns + u", "_qs + MemberColumns
        + u" FROM members m JOIN channels c ON c.id = m.channel_id WHERE m.user_id = ?"
          " ORDER BY max(c.last_message_at, c.created_at) DESC, c.id DESC"_qs);
    q.addBindValue(userId);
    QList<std::pair<ChannelRecord, MemberRecord>> out;
    Database::forEach(q, [&](const QSqlQuery &row) {
        out.append({ channelFromQuery(row), memberFromQuery(row, ChannelColumnCount) });
    });
    return out;
}

std::optional<MemberRecord> ChannelStore::member(qint64 channelId, qint64 userId)
{
    QSqlQuery &q = m_db.prepare(
        u"SELECT "_qs + MemberColumns + u" FROM members m WHERE m.channel_id = ? AND m.user_id = ?"_qs);
    q.addBindValue(channelId);
    q.addBindValue(userId);
    return Database::one(q, [](const QSqlQuery &row) { return memberFromQuery(row, 0); });
}

QList<MemberRecord> ChannelStore::members(qint64 channelId)
{
    QSqlQuery &q = m_db.prepare(u"SELECT "_qs + MemberColumns
        + u" FROM members m WHERE m.channel_id = ? ORDER BY m.joined_at, m.user_id"_qs);
    q.addBindValue(channelId);
    QList<MemberRecord> out;
    Database::forEach(q, [&](const QSqlQuery &row) { out.append(memberFromQuery(row, 0)); });
    return out;
}

const QList<qint64> &ChannelStore::memberIds(qint64 channelId)
{
    auto it = m_memberIds.find(channelId);
    if (it == m_memberIds.end()) {
        QSqlQuery &q = m_db.prepare(QStringLiteral("SELECT user_id FROM members WHERE channel_id = ?"));
        q.addBindValue(channelId);
        QList<qint64> ids;
        if (Database::exec(q))
            while (q.next())
                ids.append(q.value(0).toLongLong());
        q.finish();
        it = m_memberIds.insert(channelId, ids);
    }
    return *it;
}

bool ChannelStore::isReadOnly(qint64 channelId)
{
    auto it = m_readOnly.constFind(channelId);
    if (it == m_readOnly.constEnd()) {
        Statement &q = m_db.statement("SELECT read_only FROM channels WHERE id = ?");
        q.bind(1, channelId);
        const bool readOnly = q.step() && q.hasRow() && q.int64(0) != 0;
        q.reset();
        it = m_readOnly.insert(channelId, readOnly);
    }
    return *it;
}

bool ChannelStore::addMember(const MemberRecord &m)
{
    QSqlQuery &q = m_db.prepare(QStringLiteral(
        "INSERT INTO members (channel_id, user_id, role, joined_at, last_read_message_id, read_ordinal)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"));
    q.addBindValue(m.channelId);
    q.addBindValue(m.userId);
    q.addBindValue(m.role);
    q.addBindValue(m.joinedAt);
    q.addBindValue(m.lastReadMessageId);
    q.addBindValue(m.readOrdinal);
    if (!Database::exec(q) || q.numRowsAffected() != 1)
        return false;
    QSqlQuery &count
        = m_db.prepare(QStringLiteral("UPDATE channels SET member_count = member_count + 1 WHERE id = ?"));
    count.addBindValue(m.channelId);
    if (!Database::exec(count))
        return false;
    if (auto it = m_memberIds.find(m.channelId); it != m_memberIds.end())
        it->append(m.userId);
    return true;
}

bool ChannelStore::removeMember(qint64 channelId, qint64 userId)
{
    QSqlQuery &q = m_db.prepare(QStringLiteral("DELETE FROM members WHERE channel_id = ? AND user_id = ?"));
    q.addBindValue(channelId);
    q.addBindValue(userId);
    if (!Database::exec(q) || q.numRowsAffected() != 1)
        return false;
    QSqlQuery &count
        = m_db.prepare(QStringLiteral("UPDATE channels SET member_count = member_count - 1 WHERE id = ?"));
    count.addBindValue(channelId);
    if (!Database::exec(count))
        return false;
    if (auto it = m_memberIds.find(channelId); it != m_memberIds.end())
        it->removeAll(userId);
    return true;
}

namespace {
    Statement &readMarker(Database &db, qint64 channelId, qint64 userId, qint64 messageId, qint64 ordinal)
    {
        // Only forward: a marker never moves back, whatever order the requests arrive in.
        Statement &q = db.statement("UPDATE members SET last_read_message_id = ?, read_ordinal = "
                                    "max(read_ordinal, ?), mention_count = 0"
                                    " WHERE channel_id = ? AND user_id = ? AND last_read_message_id < ?");
        q.bind(1, messageId).bind(2, ordinal).bind(3, channelId).bind(4, userId).bind(5, messageId);
        return q;
    }
} // namespace

bool ChannelStore::markRead(qint64 channelId, qint64 userId, qint64 messageId, qint64 ordinal)
{
    Statement &q = readMarker(m_db, channelId, userId, messageId, ordinal);
    return q.run() && q.changes() == 1;
}

bool ChannelStore::queueMarkRead(const QList<ReadMarker> &markers)
{
    if (!m_db.isPostgres() || markers.size() == 1) {
        bool ok = true;
        for (const ReadMarker &m : markers)
            ok = readMarker(m_db, m.channelId, m.userId, m.messageId, m.ordinal).queue() && ok;
        return ok;
    }
    if (markers.isEmpty())
        return true;
    QList<qint64> channels, users, messages, ordinals;
    for (const ReadMarker &m : markers) {
        channels.append(m.channelId);
        users.append(m.userId);
        messages.append(m.messageId);
        ordinals.append(m.ordinal);
    }
    // As readMarker(), for the whole batch in one statement.
    Statement &q
        = m_db.statement("UPDATE members SET last_read_message_id = u.message_id,"
                         " read_ordinal = greatest(members.read_ordinal, u.ordinal), mention_count = 0"
                         " FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[]) AS u(channel_id, "
                         "user_id, message_id, ordinal)"
                         " WHERE members.channel_id = u.channel_id AND members.user_id = u.user_id"
                         " AND members.last_read_message_id < u.message_id");
    q.bind(1, PgArray::ints(channels)).bind(2, PgArray::ints(users)).bind(3, PgArray::ints(messages));
    q.bind(4, PgArray::ints(ordinals));
    return q.queue();
}

bool ChannelStore::addMention(qint64 channelId, qint64 userId)
{
    Statement &q = m_db.statement(
        "UPDATE members SET mention_count = mention_count + 1 WHERE channel_id = ? AND user_id = ?");
    q.bind(1, channelId).bind(2, userId);
    return q.queue();
}

bool ChannelStore::addMentionIfUnread(qint64 channelId, qint64 userId, qint64 messageId)
{
    Statement &q = m_db.statement("UPDATE members SET mention_count = mention_count + 1"
                                  " WHERE channel_id = ? AND user_id = ? AND last_read_message_id < ?");
    q.bind(1, channelId).bind(2, userId).bind(3, messageId);
    return q.run();
}

qint64 ChannelStore::nextSeq(qint64 channelId)
{
    Counters *c = counters(channelId);
    if (!c)
        return 0;
    m_touched.insert(channelId);
    ++c->lastSeq;
    Statement &q = m_db.statement("UPDATE channels SET last_seq = ? WHERE id = ?");
    q.bind(1, c->lastSeq).bind(2, channelId);
    if (!q.run()) {
        m_counters.remove(channelId);
        return 0;
    }
    return c->lastSeq;
}

std::pair<qint64, qint64> ChannelStore::nextMessageSlot(qint64 channelId, qint64 at, bool counted)
{
    Counters *c = counters(channelId);
    if (!c)
        return { 0, 0 };
    m_touched.insert(channelId);
    m_unwritten.insert(channelId);
    ++c->lastSeq;
    if (counted)
        ++c->messageCount;
    c->lastMessageAt = qMax(c->lastMessageAt, at);
    return { c->lastSeq, counted ? c->messageCount : 0 };
}

std::pair<qint64, qint64> ChannelStore::peekMessageSlot(qint64 channelId, bool counted)
{
    const Counters *c = counters(channelId);
    if (!c)
        return { 0, 0 };
    return { c->lastSeq + 1, counted ? c->messageCount + 1 : 0 };
}

bool ChannelStore::lockCounters(QList<qint64> channelIds)
{
    std::sort(channelIds.begin(), channelIds.end());
    channelIds.erase(std::unique(channelIds.begin(), channelIds.end()), channelIds.end());
    channelIds.removeIf([this](qint64 id) { return m_counters.contains(id); });
    if (channelIds.isEmpty())
        return true;
    // The rows are locked as the sorted rows come out, so in id order.
    Statement &q = m_db.statement("SELECT id, last_seq, message_count, last_message_at FROM channels"
                                  " WHERE id = ANY(?::bigint[]) ORDER BY id FOR UPDATE");
    q.bind(1, PgArray::ints(channelIds));
    bool ok = true;
    while ((ok = q.step()) && q.hasRow())
        m_counters.insert(q.int64(0), { q.int64(1), q.int64(2), q.int64(3) });
    q.reset();
    return ok;
}

bool ChannelStore::appendEvent(
    qint64 channelId, qint64 seq, const QString &type, const QByteArray &payload, qint64 messageId)
{
    Statement &q = m_db.statement(
        "INSERT INTO channel_events (channel_id, seq, type, payload, message_id) VALUES (?, ?, ?, ?, ?)");
    q.bind(1, channelId).bind(2, seq).bind(3, type).bind(4, payload);
    if (messageId)
        q.bind(5, messageId);
    else
        q.bindNull(5);
    return q.queue();
}

QList<ChannelStore::StoredEvent> ChannelStore::eventsAfter(
    qint64 channelId, qint64 afterSeq, qint64 upToSeq, int limit)
{
    Statement &q = m_db.statement("SELECT seq, payload, message_id FROM channel_events"
                                  " WHERE channel_id = ? AND seq > ? AND seq <= ? ORDER BY seq LIMIT ?");
    q.bind(1, channelId).bind(2, afterSeq).bind(3, upToSeq).bind(4, qint64(limit));
    QList<StoredEvent> out;
    while (q.step() && q.hasRow())
        out.append({ q.int64(0), q.blob(1), q.isNull(2) ? 0 : q.int64(2) });
    q.reset();
    return out;
}

void ChannelStore::invalidate(qint64 channelId)
{
    m_memberIds.remove(channelId);
    m_readOnly.remove(channelId);
    m_counters.remove(channelId);
}

void ChannelStore::forgetMembers(qint64 channelId)
{
    m_memberIds.remove(channelId);
    m_readOnly.remove(channelId);
}

} // namespace Natter::Server
