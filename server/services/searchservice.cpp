#include "services/searchservice.h"
#include "services/channelservice.h"
#include "store/database.h"
#include "store/messagestore.h"
#include "services/views.h"

#include <common/snowflake.h>

#include <common/protocol/keys.h>
#include <common/protocol/rest.h>
#include <common/jsonwriter.h>

#include <QRegularExpression>
#include <QSqlQuery>

namespace Natter::Server {

namespace {
constexpr int MaxQueryChars = 200;
constexpr int MaxWords = 16;
} // namespace

SearchService::SearchService(Database &db, ChannelService &access, MessageStore &messages, Views &views)
    : m_db(db)
    , m_access(access)
    , m_messages(messages)
    , m_views(views)
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

    // Membership is joined in the query itself, so that nothing of another channel can ever come back.
    QSqlQuery &sql = postgres
        ? m_db.prepare(QStringLiteral("SELECT m.id FROM messages m"
                                      " JOIN members mb ON mb.channel_id = m.channel_id AND mb.user_id = ?"
                                      " WHERE m.search @@ to_tsquery('simple', natter_fold(?))"
                                      " AND m.deleted_at = 0 AND m.id < ? AND (CAST(? AS bigint) = 0"
                                      " OR m.channel_id = ?)"
                                      " ORDER BY m.id DESC LIMIT ?"))
        : m_db.prepare(QStringLiteral("SELECT m.id FROM search.messages_fts(?) f"
                                      " JOIN messages m ON m.id = f.rowid"
                                      " JOIN members mb ON mb.channel_id = m.channel_id AND mb.user_id = ?"
                                      " WHERE m.deleted_at = 0 AND m.id < ? AND (? = 0 OR m.channel_id = ?)"
                                      " ORDER BY m.id DESC LIMIT ?"));
    if (postgres) {
        sql.addBindValue(userId);
        sql.addBindValue(match);
    } else {
        sql.addBindValue(match);
        sql.addBindValue(userId);
    }
    sql.addBindValue(before);
    sql.addBindValue(channelId);
    sql.addBindValue(channelId);
    sql.addBindValue(limit + 1);
    QList<qint64> ids;
    if (!Database::exec(sql))
        return Wire::Error::badRequest(u"the search could not be understood"_qs);
    while (sql.next())
        ids.append(sql.value(0).toLongLong());
    sql.finish();
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

} // namespace Natter::Server
