// The history half of Session: MessagePageSource over the cache and REST.
#include "logging.h"
#include "net/apiclient.h"
#include "session/session.h"

#include <protocol/codec.h>
#include <protocol/rest.h>

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

void Session::fetchOlder(const QString &channelId, const QString &beforeId, int limit, PageCallback callback)
{
    QList<Message> cached;
    if (beforeId.isEmpty()) {
        // The cache holds a contiguous run of the newest messages ending at the cursor, and sync brings
        // whatever came after it, so it can be shown before the network answers. Anything older than the run
        // comes through REST when the model asks for the previous page.
        cached = m_cache->recentMessages(channelId, limit);
        if (!cached.isEmpty()) {
            m_lastMessageIds.insert(channelId, cached.constLast().id.toString());
            callback({ cached, true, true });
            return;
        }
    }
    QUrlQuery query;
    query.addQueryItem(Wire::Rest::Query::Limit, QString::number(limit));
    if (!beforeId.isEmpty()) query.addQueryItem(Wire::Rest::Query::Before, beforeId);
    m_api->get(Wire::Rest::channelMessagesPath(Wire::Id::fromString(channelId)), query, this,
        [this, channelId, beforeId, cached, callback](const ApiResult &result) {
            if (!result.ok()) {
                // Offline: show what the cache has and let the model ask again later.
                callback({ cached, true, false });
                return;
            }
            const Page page = pageFromJson(result.json);
            if (beforeId.isEmpty() && !page.messages.isEmpty()) {
                m_cache->replaceMessages(channelId, page.messages);
                const QString lastId = page.messages.constLast().id.toString();
                m_lastMessageIds.insert(channelId, lastId);
            }
            callback(page);
        });
}

void Session::fetchAround(const QString &channelId, const QString &messageId, int limit, PageCallback callback)
{
    QUrlQuery query;
    query.addQueryItem(Wire::Rest::Query::Limit, QString::number(limit));
    query.addQueryItem(Wire::Rest::Query::Around, messageId);
    m_api->get(Wire::Rest::channelMessagesPath(Wire::Id::fromString(channelId)), query, this,
        [callback](const ApiResult &result) {
            if (!result.ok()) {
                callback({ {}, false, false });
                return;
            }
            QString problem;
            const auto wire = Wire::decode<Wire::HistoryPage>(result.json, &problem);
            if (!wire) {
                callback({ {}, false, false });
                return;
            }
            Page page = pageFromJson(result.json);
            page.hasNewer = wire->hasMoreAfter.value_or(false);
            callback(page);
        });
}

void Session::fetchNewer(const QString &channelId, const QString &afterId, int limit, PageCallback callback)
{
    QUrlQuery query;
    query.addQueryItem(Wire::Rest::Query::Limit, QString::number(limit));
    query.addQueryItem(Wire::Rest::Query::After, afterId);
    m_api->get(Wire::Rest::channelMessagesPath(Wire::Id::fromString(channelId)), query, this,
        [callback](const ApiResult &result) {
            if (!result.ok()) {
                callback({ {}, true, false });
                return;
            }
            callback(pageFromJson(result.json));
        });
}

} // namespace Natter::Client
