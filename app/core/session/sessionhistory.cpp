// The history half of Session: MessagePageSource over the cache and REST.
#include "logging.h"
#include "net/apiclient.h"
#include "session/session.h"

#include <QJsonArray>
#include <QUrlQuery>

namespace Natter::Client {

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
        // The cache holds a contiguous run of the newest messages ending at the cursor, and sync brings
        // whatever came after it, so it can be shown before the network answers. Anything older than the run
        // comes through REST when the model asks for the previous page.
        cached = m_cache->recentMessages(channelId, limit);
        if (!cached.isEmpty()) {
            m_lastMessageIds.insert(channelId, cached.constLast().id);
            callback({ cached, true, true });
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

} // namespace Natter::Client
