#include "services/searchservice.h"
#include "services/channelservice.h"
#include "store/database.h"
#include "store/messagestore.h"
#include "services/views.h"

#include <snowflake.h>

#include <QJsonArray>
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

Result<QJsonObject> SearchService::search(qint64 userId, const QUrlQuery &query)
{
    const QString q = query.queryItemValue(u"q"_qs, QUrl::FullyDecoded).trimmed();
    if (q.isEmpty() || q.size() > MaxQueryChars)
        return ApiError::badRequest(u"q must be 1 to %1 characters"_qs.arg(MaxQueryChars));
    const QString match = matchExpression(q);
    if (match.isEmpty())
        return ApiError::badRequest(u"q has no words to search for"_qs);
    bool ok = true;
    const QString limitText = query.queryItemValue(u"limit"_qs);
    const int limit = limitText.isEmpty() ? 20 : limitText.toInt(&ok);
    if (!ok || limit < 1 || limit > 100)
        return ApiError::badRequest(u"limit must be an integer from 1 to 100"_qs);
    qint64 before = std::numeric_limits<qint64>::max();
    if (query.hasQueryItem(u"before"_qs)) {
        before = idFromString(query.queryItemValue(u"before"_qs));
        if (!before)
            return ApiError::badRequest(u"before must be a message id"_qs);
    }
    qint64 channelId = 0;
    if (query.hasQueryItem(u"channelId"_qs) && !query.queryItemValue(u"channelId"_qs).isEmpty()) {
        channelId = idFromString(query.queryItemValue(u"channelId"_qs));
        const auto access = m_access.access(userId, channelId);
        if (!access.ok())
            return access.error();
    }

    // Membership is joined in the query itself, so that nothing of another channel can ever come back.
    QSqlQuery &sql
        = m_db.prepare(QStringLiteral("SELECT m.id FROM search.messages_fts(?) f"
                                      " JOIN messages m ON m.id = f.rowid"
                                      " JOIN members mb ON mb.channel_id = m.channel_id AND mb.user_id = ?"
                                      " WHERE m.deleted_at = 0 AND m.id < ? AND (? = 0 OR m.channel_id = ?)"
                                      " ORDER BY m.id DESC LIMIT ?"));
    sql.addBindValue(match);
    sql.addBindValue(userId);
    sql.addBindValue(before);
    sql.addBindValue(channelId);
    sql.addBindValue(channelId);
    sql.addBindValue(limit + 1);
    QList<qint64> ids;
    if (!Database::exec(sql))
        return ApiError::badRequest(u"the search could not be understood"_qs);
    while (sql.next())
        ids.append(sql.value(0).toLongLong());
    sql.finish();
    const bool hasMore = ids.size() > limit;
    if (hasMore)
        ids.removeLast();
    QJsonArray list;
    for (qint64 id : ids)
        if (const auto m = m_messages.byId(id))
            list.append(m_views.message(*m, userId));
    return QJsonObject { { u"messages"_qs, list }, { u"hasMore"_qs, hasMore } };
}

} // namespace Natter::Server
