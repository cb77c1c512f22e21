#include "store/cache.h"
#include "logging.h"

#include <common/isotime.h>
#include <common/protocol/codec.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace Natter::Client {

namespace {
// Ids are kept in TEXT columns in their wire form (decimal strings), as caches written by earlier versions have
// them.
QString idText(Wire::Id id)
{
    return id.toString();
}

// Rows hold what the wire sent, written and read by the protocol library, so no field is lost on the way
// through the cache. A row that does not read back (an older cache, a damaged file) is skipped.
template<class T> std::optional<T> fromWireJson(const QVariant &value)
{
    QString error;
    const std::optional<QJsonObject> object = JsonReader::parseObject(value.toByteArray(), &error);
    std::optional<T> decoded = object ? Wire::decode<T>(*object, &error) : std::nullopt;
    if (!decoded) qCWarning(lcCache) << "skipping a cached row:" << error;
    return decoded;
}
}

Cache::Cache()
    : m_connectionName(u"natter-cache-"_qs + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

Cache::~Cache()
{
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

bool Cache::exec(const QString &sql) const
{
    QSqlQuery q(m_db);
    if (!q.exec(sql)) {
        qCWarning(lcCache) << "cache query failed" << sql << q.lastError().text();
        return false;
    }
    return true;
}

bool Cache::open(const QString &path)
{
    m_db = QSqlDatabase::addDatabase(u"QSQLITE"_qs, m_connectionName);
    m_db.setDatabaseName(path);
    if (!m_db.open()) {
        qCWarning(lcCache) << "cannot open cache" << path << m_db.lastError().text();
        return false;
    }
    exec(u"PRAGMA journal_mode=WAL"_qs);
    exec(u"PRAGMA synchronous=NORMAL"_qs);
    return exec(u"CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT)"_qs)
        && exec(u"CREATE TABLE IF NOT EXISTS channels(id TEXT PRIMARY KEY, json BLOB NOT NULL)"_qs)
        && exec(u"CREATE TABLE IF NOT EXISTS messages(channel_id TEXT NOT NULL, seq INTEGER NOT NULL, id "
                u"TEXT NOT NULL,"
                " json BLOB NOT NULL, PRIMARY KEY(channel_id, id))"_qs)
        && exec(u"CREATE INDEX IF NOT EXISTS messages_by_seq ON messages(channel_id, seq)"_qs)
        && exec(
            u"CREATE TABLE IF NOT EXISTS cursors(channel_id TEXT PRIMARY KEY, last_seq INTEGER NOT NULL)"_qs)
        && exec(
            u"CREATE TABLE IF NOT EXISTS outbox(ord INTEGER PRIMARY KEY AUTOINCREMENT, client_msg_id TEXT "
            u"UNIQUE,"
            " channel_id TEXT NOT NULL, text TEXT NOT NULL, created_at TEXT, failed INTEGER NOT NULL DEFAULT 0)"_qs)
        && migrateOutbox();
}

bool Cache::migrateOutbox()
{
    // Caches written before attachments lack the column; adding it keeps their queued messages.
    QSqlQuery q(m_db);
    if (q.exec(u"PRAGMA table_info(outbox)"_qs))
        while (q.next())
            if (q.value(1).toString() == u"attachments") return true;
    return exec(u"ALTER TABLE outbox ADD COLUMN attachments BLOB"_qs);
}

namespace {
QByteArray attachmentsJson(const QList<Wire::Attachment> &attachments)
{
    if (attachments.isEmpty()) return {};
    QJsonArray array;
    for (const Wire::Attachment &a : attachments)
        array.append(Wire::toJsonObject(a));
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

QList<Wire::Attachment> attachmentsFromJson(const QByteArray &json)
{
    QList<Wire::Attachment> out;
    for (const QJsonValue &v : QJsonDocument::fromJson(json).array())
        if (const auto a = Wire::decode<Wire::Attachment>(v.toObject())) out.append(*a);
    return out;
}
}

QString Cache::meta(const QString &key) const
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT value FROM meta WHERE key = ?"_qs);
    q.addBindValue(key);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

void Cache::setMeta(const QString &key, const QString &value)
{
    QSqlQuery q(m_db);
    q.prepare(u"INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)"_qs);
    q.addBindValue(key);
    q.addBindValue(value);
    q.exec();
}

QList<Channel> Cache::channels() const
{
    QList<Channel> out;
    QSqlQuery q(m_db);
    if (!q.exec(u"SELECT json FROM channels"_qs)) return out;
    while (q.next())
        if (auto channel = fromWireJson<Wire::Channel>(q.value(0))) out.append(Channel(std::move(*channel)));
    std::sort(out.begin(), out.end(), channelNewerThan);
    return out;
}

void Cache::saveChannels(const QList<Channel> &channels)
{
    m_db.transaction();
    exec(u"DELETE FROM channels"_qs);
    for (const Channel &c : channels)
        saveChannel(c);
    m_db.commit();
}

void Cache::saveChannel(const Channel &channel)
{
    QSqlQuery q(m_db);
    q.prepare(u"INSERT OR REPLACE INTO channels(id, json) VALUES(?, ?)"_qs);
    q.addBindValue(idText(channel.id));
    q.addBindValue(channel.toWireJson());
    q.exec();
}

void Cache::removeChannel(Wire::Id channelId)
{
    for (const QString &table : { u"channels"_qs, u"messages"_qs, u"cursors"_qs }) {
        QSqlQuery q(m_db);
        q.prepare(u"DELETE FROM "_qs + table
            + (table == u"channels" ? u" WHERE id = ?"_qs : u" WHERE channel_id = ?"_qs));
        q.addBindValue(idText(channelId));
        q.exec();
    }
}

QList<Message> Cache::recentMessages(Wire::Id channelId, int limit) const
{
    QList<Message> out;
    QSqlQuery q(m_db);
    q.prepare(u"SELECT json FROM messages WHERE channel_id = ? ORDER BY seq DESC LIMIT ?"_qs);
    q.addBindValue(idText(channelId));
    q.addBindValue(limit);
    if (!q.exec()) return out;
    while (q.next())
        if (const auto message = fromWireJson<Wire::Message>(q.value(0))) out.prepend(Message(*message));
    return out;
}

std::optional<Message> Cache::message(Wire::Id channelId, Wire::Id messageId) const
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT json FROM messages WHERE channel_id = ? AND id = ?"_qs);
    q.addBindValue(idText(channelId));
    q.addBindValue(idText(messageId));
    if (!q.exec() || !q.next()) return std::nullopt;
    if (auto message = fromWireJson<Wire::Message>(q.value(0))) return Message(std::move(*message));
    return std::nullopt;
}

void Cache::storeMessages(const QList<Message> &messages)
{
    if (messages.isEmpty()) return;
    m_db.transaction();
    QSqlQuery q(m_db);
    q.prepare(u"INSERT OR REPLACE INTO messages(channel_id, seq, id, json) VALUES(?, ?, ?, ?)"_qs);
    for (const Message &m : messages) {
        q.addBindValue(idText(m.channelId));
        q.addBindValue(m.seq);
        q.addBindValue(idText(m.id));
        q.addBindValue(m.toWireJson());
        q.exec();
    }
    m_db.commit();
}

void Cache::replaceMessages(Wire::Id channelId, const QList<Message> &messages)
{
    clearMessages(channelId);
    storeMessages(messages);
}

void Cache::clearMessages(Wire::Id channelId)
{
    QSqlQuery q(m_db);
    q.prepare(u"DELETE FROM messages WHERE channel_id = ?"_qs);
    q.addBindValue(idText(channelId));
    q.exec();
}

void Cache::trimMessages(Wire::Id channelId, int keep)
{
    QSqlQuery q(m_db);
    q.prepare(
        u"DELETE FROM messages WHERE channel_id = ? AND seq < (SELECT MIN(seq) FROM (SELECT seq FROM messages"
        " WHERE channel_id = ? ORDER BY seq DESC LIMIT ?))"_qs);
    q.addBindValue(idText(channelId));
    q.addBindValue(idText(channelId));
    q.addBindValue(keep);
    q.exec();
}

QHash<Wire::Id, qint64> Cache::cursors() const
{
    QHash<Wire::Id, qint64> out;
    QSqlQuery q(m_db);
    if (q.exec(u"SELECT channel_id, last_seq FROM cursors"_qs))
        while (q.next())
            if (const Wire::Id id = Wire::Id::fromString(q.value(0).toString()); id.isValid())
                out.insert(id, q.value(1).toLongLong());
    return out;
}

void Cache::setCursor(Wire::Id channelId, qint64 seq)
{
    QSqlQuery q(m_db);
    q.prepare(u"INSERT OR REPLACE INTO cursors(channel_id, last_seq) VALUES(?, ?)"_qs);
    q.addBindValue(idText(channelId));
    q.addBindValue(seq);
    q.exec();
}

QList<OutboxEntry> Cache::outbox() const
{
    QList<OutboxEntry> out;
    QSqlQuery q(m_db);
    if (q.exec(u"SELECT client_msg_id, channel_id, text, created_at, failed, attachments FROM outbox ORDER BY ord"_qs))
        while (q.next())
            out.append({ q.value(0).toString(), Wire::Id::fromString(q.value(1).toString()), q.value(2).toString(),
                timeFromWire(parseIsoTime(q.value(3).toString())), q.value(4).toBool(),
                attachmentsFromJson(q.value(5).toByteArray()) });
    return out;
}

void Cache::enqueue(const OutboxEntry &entry)
{
    QSqlQuery q(m_db);
    q.prepare(
        u"INSERT OR REPLACE INTO outbox(client_msg_id, channel_id, text, created_at, failed, attachments) "
          u"VALUES(?, ?, ?, ?, ?, ?)"_qs);
    q.addBindValue(entry.clientMsgId);
    q.addBindValue(idText(entry.channelId));
    q.addBindValue(entry.text);
    q.addBindValue(isoTime(timeToWire(entry.createdAt)));
    q.addBindValue(entry.failed ? 1 : 0);
    q.addBindValue(attachmentsJson(entry.attachments));
    if (!q.exec()) qCWarning(lcCache) << "cannot queue message" << q.lastError().text();
}

void Cache::setOutboxFailed(const QString &clientMsgId, bool failed)
{
    QSqlQuery q(m_db);
    q.prepare(u"UPDATE outbox SET failed = ? WHERE client_msg_id = ?"_qs);
    q.addBindValue(failed ? 1 : 0);
    q.addBindValue(clientMsgId);
    q.exec();
}

void Cache::dequeue(const QString &clientMsgId)
{
    QSqlQuery q(m_db);
    q.prepare(u"DELETE FROM outbox WHERE client_msg_id = ?"_qs);
    q.addBindValue(clientMsgId);
    q.exec();
}

} // namespace Natter::Client
