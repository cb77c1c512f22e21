// The history half of Session: MessagePageSource over the cache and REST.
#include "apiclient.h"
#include "logging.h"
#include "session.h"

#include <QJsonArray>
#include <QUrlQuery>

namespace {
MessagePageSource::Page pageFromJson(const QJsonObject &json)
{
    MessagePageSource::Page page;
    for (const QJsonValue &v : json.value(u"messages").toArray())
        page.messages.append(Message::fromJson(v.toObject()));
    page.hasMore = json.value(u"hasMore").toBool();
    return page;
}
}

void Session::fetchOlder(const QString &channelId, const QString &beforeId, int limit, PageCallback callback)
{
    QList<Message> cached;
    if (beforeId.isEmpty()) {
        // The cache holds a contiguous run ending at the cursor, and sync brings whatever came after it, so a
        // full cached page (or the whole channel) can be shown before the network answers.
        cached = m_cache->recentMessages(channelId, limit);
        if (!cached.isEmpty() && (cached.size() >= limit || cached.constFirst().seq <= 1)) {
            for (const Message &m : std::as_const(cached))
                m_lastMessageIds.insert(channelId, m.id);
            callback({ cached, cached.constFirst().seq > 1, true });
            return;
        }
    }
    QUrlQuery query;
    query.addQueryItem(u"limit"_qs, QString::number(limit));
    if (!beforeId.isEmpty()) query.addQueryItem(u"before"_qs, beforeId);
    m_api->get(u"/api/v1/channels/"_qs + channelId + u"/messages"_qs, query, this,
        [this, channelId, beforeId, cached, callback](const ApiResult &result) {
            if (!result.ok()) {
                // Offline: show what the cache has and let the model ask again later.
                callback({ cached, true, false });
                return;
            }
            const Page page = pageFromJson(result.json);
            if (beforeId.isEmpty() && !page.messages.isEmpty()) {
                m_cache->replaceMessages(channelId, page.messages);
                m_lastMessageIds.insert(channelId, page.messages.constLast().id);
                if (channelId == m_activeChannel) scheduleReadMark(channelId, page.messages.constLast().id);
            }
            callback(page);
        });
}

void Session::fetchNewer(const QString &channelId, const QString &afterId, int limit, PageCallback callback)
{
    QUrlQuery query;
    query.addQueryItem(u"limit"_qs, QString::number(limit));
    query.addQueryItem(u"after"_qs, afterId);
    m_api->get(u"/api/v1/channels/"_qs + channelId + u"/messages"_qs, query, this,
        [callback](const ApiResult &result) {
            if (!result.ok()) {
                callback({ {}, true, false });
                return;
            }
            callback(pageFromJson(result.json));
        });
}
