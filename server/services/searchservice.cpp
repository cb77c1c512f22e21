#include "services/searchservice.h"
#include "services/channelservice.h"
#include "services/views.h"
#include "store/database.h"
#include "store/messagestore.h"

#include <common/snowflake.h>

#include <common/jsonwriter.h>
#include <common/protocol/keys.h>
#include <common/protocol/rest.h>

#include <QRegularExpression>
#include <QSqlQuery>

namespace Natter::Server {

namespace {
constexpr int MaxQueryChars = 200;
constexpr int MaxWords = 16;

// Runs SQL and appends the id in each row; false when the store refused it.
bool readIds(QSqlQuery &sql, QList<qint64> *ids)
{
    if (!Database::exec(sql))
        return false;
    while (sql.next())
        ids->append(sql.value(0).toLongLong());
    sql.finish();
    return true;
}
} // namespace

SearchService::SearchService(
    Database &db, ChannelService &access, MessageStore &messages, Views &views, int window)
    : m_db(db)
    , m_access(access)
    , m_messages(messages)
    , m_views(views)
    , m_window(window)
{
}

QString SearchService::matchExpression(const QString &q)
{
    static const QRegularExpression separators(
        QStringLiteral("[^\\w]+"), QRegularExpression::UseUnicodePropertiesOption);
    QStringList words = q.split(separators, Qt::SkipEmptyParts);
    if (words.size() > MaxWords)
        words.resize(MaxWords);
    QStringList terms;
    for (qsizetype i = 0; i < words.size(); ++i)
        terms.append(u'"' + words.at(i) + u'"' + (i == words.size() - 1 ? u"*"_qs : QString()));
    return terms.join(u' ');
}

QString SearchService::tsQuery(const QString &q)
{
    // Quoted lexemes (\w words hold no quote or backslash), all required, the last as a prefix: what
    // matchExpression() asks of FTS5.
    static const QRegularExpression separators(
        QStringLiteral("[^\\w]+"), QRegularExpression::UseUnicodePropertiesOption);
    QStringList words = q.split(separators, Qt::SkipEmptyParts);
    if (words.size() > MaxWords)
        words.resize(MaxWords);
    QStringList terms;
    for (qsizetype i = 0; i < words.size(); ++i)
        terms.append(u'\'' + words.at(i).toLower() + u'\'' + (i == words.size() - 1 ? u":*"_qs : QString()));
    return terms.join(u" & "_qs);
}

Result<QByteArray> SearchService::search(qint64 userId, const QUrlQuery &query)
{
    const QString q = query.queryItemValue(QString(Wire::Rest::Query::Q), QUrl::FullyDecoded).trimmed();
    if (q.isEmpty() || q.size() > MaxQueryChars)
        return Wire::Error::badRequest(u"q must be 1 to %1 characters"_qs.arg(MaxQueryChars));
    const bool postgres = m_db.isPostgres();
    const QString match = postgres ? tsQuery(q) : matchExpression(q);
    if (match.isEmpty())
        return Wire::Error::badRequest(u"q has no words to search for"_qs);
    bool ok = true;
    const QString limitText = query.queryItemValue(QString(Wire::Rest::Query::Limit));
    const int limit = limitText.isEmpty() ? 20 : limitText.toInt(&ok);
    if (!ok || limit < 1 || limit > 100)
        return Wire::Error::badRequest(u"limit must be an integer from 1 to 100"_qs);
    qint64 before = std::numeric_limits<qint64>::max();
    if (const QString key = Wire::Rest::Query::Before; query.hasQueryItem(key)) {
        before = idFromString(query.queryItemValue(key));
        if (!before)
            return Wire::Error::badRequest(u"before must be a message id"_qs);
    }
    qint64 channelId = 0;
    if (const QString key = Wire::Rest::Query::ChannelId; !query.queryItemValue(key).isEmpty()) {
        channelId = idFromString(query.queryItemValue(key));
        const auto access = m_access.access(userId, channelId);
        if (!access.ok())
            return access.error();
    }

    // Membership is joined in the queries themselves, so that nothing of another channel can ever come back.
    const Filter filter { match, userId, channelId };
    QList<qint64> ids;
    bool understood = true;
    if (!postgres) {
        understood = sqliteMatches(filter, before, limit + 1, &ids);
    } else {
        const qint64 from = windowStart(before);
        understood = postgresMatches(filter, from, before, limit + 1, &ids);
        if (understood && from > 0 && ids.size() <= limit)
            understood = postgresMatches(filter, 0, from, limit + 1 - int(ids.size()), &ids);
    }
    if (!understood)
        return Wire::Error::badRequest(u"the search could not be understood"_qs);
    const bool hasMore = ids.size() > limit;
    if (hasMore)
        ids.removeLast();
    QList<MessageRecord> found;
    for (qint64 id : ids)
        if (const auto m = m_messages.byId(id))
            found.append(*m);
    // Wire::SearchResults' shape, the messages written once each.
    JsonWriter w;
    w.beginObject().key(Wire::Key::Messages).raw(m_views.messagesJson(found, userId));
    w.key(Wire::Key::HasMore).value(hasMore).endObject();
    return w.take();
}

bool SearchService::sqliteMatches(const Filter &filter, qint64 below, int count, QList<qint64> *ids)
{
    // CROSS JOIN keeps FTS5 the outer loop: it hands out matches newest first (ORDER BY its rowid, no sort),
    // and the LIMIT stops the walk once a page is found.
    QSqlQuery &sql = m_db.prepare(
        QStringLiteral("SELECT m.id FROM search.messages_fts(?) f"
                       " CROSS JOIN messages m ON m.id = f.rowid"
                       " CROSS JOIN members mb ON mb.channel_id = m.channel_id AND mb.user_id = ?"
                       " WHERE f.rowid < ? AND m.deleted_at = 0 AND (? = 0 OR m.channel_id = ?)"
                       " ORDER BY f.rowid DESC LIMIT ?"));
    sql.addBindValue(filter.match);
    sql.addBindValue(filter.userId);
    sql.addBindValue(below);
    sql.addBindValue(filter.channelId);
    sql.addBindValue(filter.channelId);
    sql.addBindValue(count);
    return readIds(sql, ids);
}

bool SearchService::postgresMatches(
    const Filter &filter, qint64 from, qint64 below, int count, QList<qint64> *ids)
{
    // Both are prepared once and run with a generic plan, so each fixes its plan with OFFSET 0 rather than
    // leave it to the parameters: within the window, the primary key newest first, stopping at the page;
    // below it, the GIN index's matches, then the newest of them. The tsquery is a sub-select, made once per
    // query rather than once per row.
    QSqlQuery &sql = from > 0
        ? m_db.prepare(QStringLiteral(
            "SELECT w.id FROM (SELECT id, channel_id, search FROM messages"
            " WHERE id >= ? AND id < ? AND deleted_at = 0 AND (CAST(? AS bigint) = 0 OR channel_id = ?)"
            " ORDER BY id DESC OFFSET 0) w"
            " JOIN members mb ON mb.channel_id = w.channel_id AND mb.user_id = ?"
            " WHERE w.search @@ (SELECT to_tsquery('simple', natter_fold(?)))"
            " ORDER BY w.id DESC LIMIT ?"))
        : m_db.prepare(
            QStringLiteral("SELECT h.id FROM (SELECT id, channel_id FROM messages"
                           " WHERE search @@ (SELECT to_tsquery('simple', natter_fold(?))) AND deleted_at = 0"
                           " AND (CAST(? AS bigint) = 0 OR channel_id = ?) OFFSET 0) h"
                           " JOIN members mb ON mb.channel_id = h.channel_id AND mb.user_id = ?"
                           " WHERE h.id < ? ORDER BY h.id DESC LIMIT ?"));
    if (from > 0) {
        sql.addBindValue(from);
        sql.addBindValue(below);
        sql.addBindValue(filter.channelId);
        sql.addBindValue(filter.channelId);
        sql.addBindValue(filter.userId);
        sql.addBindValue(filter.match);
    } else {
        sql.addBindValue(filter.match);
        sql.addBindValue(filter.channelId);
        sql.addBindValue(filter.channelId);
        sql.addBindValue(filter.userId);
        sql.addBindValue(below);
    }
    sql.addBindValue(count);
    return readIds(sql, ids);
}

qint64 SearchService::windowStart(qint64 below)
{
    // Over every channel, also for a search in one: a quiet channel's window would span the busy ones'
    // messages, and the walk over it would no longer be bounded.
    QSqlQuery &sql = m_db.prepare(
        QStringLiteral("SELECT id FROM messages WHERE id < ? ORDER BY id DESC LIMIT 1 OFFSET ?"));
    sql.addBindValue(below);
    sql.addBindValue(m_window - 1);
    return Database::one(sql, [](QSqlQuery &q) { return q.value(0).toLongLong(); }).value_or(0);
}

} // namespace Natter::Server
