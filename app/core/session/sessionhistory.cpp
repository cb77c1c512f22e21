// The history half of Session: MessagePageSource over the cache and REST.
#include "logging.h"
#include "net/apiclient.h"
#include "session/session.h"

#include <common/protocol/codec.h>
#include <common/protocol/rest.h>

#include <QUrlQuery>

namespace Natter::Client {

namespace {
// A history page as the server sent it; a page that does not read is treated like no answer (ok false).
MessagePageSource::Page pageFromJson(const QJsonObject &json)
{
    QString problem;
    const std::optional<Wire::HistoryPage> wire = Wire::decode<Wire::HistoryPage>(json, &problem);
    if (!wire) {
        qCWarning(lcSession) << "dropping a malformed history page:" << problem;
        return { {}, true, false };
    }
    MessagePageSource::Page page;
    for (const Wire::Message &m : wire->messages)
        page.messages.append(Message(m));
    page.hasMore = wire->hasMore;
    return page;
}
}

void Session::fetchOlder(Wire::Id channelId, Wire::Id beforeId, int limit, PageCallback callback)
{
    QList<Message> cached;
    if (!beforeId.isValid()) {
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
    query.addQueryItem(Wire::Rest::Query::Limit, QString::number(limit));
    if (beforeId.isValid()) query.addQueryItem(Wire::Rest::Query::Before, beforeId.toString());
    m_api->get(Wire::Rest::channelMessagesPath(channelId), query, this,
        [this, channelId, beforeId, cached, callback](const ApiResult &result) {
            if (!result.ok()) {
                // Offline: show what the cache has and let the model ask again later.
                callback({ cached, true, false });
                return;
            }
            const Page page = pageFromJson(result.json);
            if (!beforeId.isValid() && !page.messages.isEmpty()) {
                m_cache->replaceMessages(channelId, page.messages);
                const Wire::Id lastId = page.messages.constLast().id;
                m_lastMessageIds.insert(channelId, lastId);
            }
            callback(page);
        });
}

void Session::fetchAround(Wire::Id channelId, Wire::Id messageId, int limit, PageCallback callback)
{
    QUrlQuery query;
    query.addQueryItem(Wire::Rest::Query::Limit, QString::number(limit));
    query.addQueryItem(Wire::Rest::Query::Around, messageId.toString());
    m_api->get(Wire::Rest::channelMessagesPath(channelId), query, this, [callback](const ApiResult &result) {
        QString problem;
        const auto wire = result.ok() ? Wire::decode<Wire::HistoryPage>(result.json, &problem) : std::nullopt;
        if (!wire) {
            callback({ {}, false, false });
            return;
        }
        Page page = pageFromJson(result.json);
        page.hasNewer = wire->hasMoreAfter.value_or(false);
        callback(page);
    });
}

void Session::fetchNewer(Wire::Id channelId, Wire::Id afterId, int limit, PageCallback callback)
{
    QUrlQuery query;
    query.addQueryItem(Wire::Rest::Query::Limit, QString::number(limit));
    query.addQueryItem(Wire::Rest::Query::After, afterId.toString());
    m_api->get(Wire::Rest::channelMessagesPath(channelId), query, this,
        [callback](const ApiResult &result) {
            if (!result.ok()) {
                callback({ {}, true, false });
                return;
            }
            callback(pageFromJson(result.json));
        });
}

} // namespace Natter::Client
