#pragma once

#include "data/message.h"

#include <QList>

#include <functional>

namespace Natter::Client {

// Where MessageListModel gets history from: the session (cache, then REST) in the app, a generator in tests.
class MessagePageSource
{
public:
    struct Page
    {
        QList<Message> messages; // oldest first
        bool hasMore = false; // more exist beyond this page in the direction asked
        bool ok = true; // false when the page could not be fetched (offline); ask again later
        bool hasNewer = false; // fetchAround only: newer messages exist after the page
    };
    using PageCallback = std::function<void(const Page &)>;

    virtual ~MessagePageSource() = default;
    // Up to `limit` messages strictly older than `beforeId`; the newest page when beforeId is not valid (no
    // id). The callback may run before this returns.
    virtual void fetchOlder(Wire::Id channelId, Wire::Id beforeId, int limit, PageCallback callback) = 0;
    // Up to `limit` messages strictly newer than `afterId`.
    virtual void fetchNewer(Wire::Id channelId, Wire::Id afterId, int limit, PageCallback callback) = 0;
    // The page centred on MESSAGEID (GET messages?around=): hasMore tells of older messages, hasNewer of newer
    // ones. Sources that cannot do it answer a page that is not ok.
    virtual void fetchAround(Wire::Id channelId, Wire::Id messageId, int limit, PageCallback callback)
    {
        Q_UNUSED(channelId);
        Q_UNUSED(messageId);
        Q_UNUSED(limit);
        callback({ {}, false, false });
    }
};

} // namespace Natter::Client
