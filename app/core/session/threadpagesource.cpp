#include "session/threadpagesource.h"
#include "logging.h"
#include "net/apiclient.h"

#include <common/protocol/codec.h>
#include <common/protocol/rest.h>

#include <QUrlQuery>

namespace Natter::Client {

ThreadPageSource::ThreadPageSource(ApiClient *api, const Message &root, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_root(root)
{
}

void ThreadPageSource::fetchOlder(Wire::Id, Wire::Id beforeId, int limit, PageCallback callback)
{
    QUrlQuery query;
    query.addQueryItem(Wire::Rest::Query::Limit, QString::number(limit));
    if (beforeId.isValid()) query.addQueryItem(Wire::Rest::Query::Before, beforeId.toString());
    m_api->get(Wire::Rest::messageRepliesPath(m_root.id), query, this, [this, callback](const ApiResult &result) {
        if (!result.ok()) {
            qCInfo(lcThread) << "replies of" << m_root.id.value() << "not loaded:" << result.status
                             << result.errorMessage;
            callback({ {}, true, false });
            return;
        }
        QString problem;
        const std::optional<Wire::HistoryPage> wire = Wire::decode<Wire::HistoryPage>(result.json, &problem);
        if (!wire) {
            qCWarning(lcThread) << "dropping a malformed replies page:" << problem;
            callback({ {}, true, false });
            return;
        }
        Page page;
        if (!wire->hasMore) page.messages.append(m_root);
        for (const Wire::Message &m : wire->messages)
            page.messages.append(Message(m));
        page.hasMore = wire->hasMore;
        callback(page);
    });
}

void ThreadPageSource::fetchNewer(Wire::Id, Wire::Id, int, PageCallback callback)
{
    callback({ {}, false, true });
}

} // namespace Natter::Client
