#pragma once

// What people send, for the app scenarios (app-rich, app-window): plain lines, Markdown of every kind the app
// renders, links with previews, reactions, thread roots. Deterministic, so two runs paint the same thing.
#include <data/message.h>
#include <models/messagepagesource.h>

namespace RichMessages {

inline constexpr int MessagesPerChannel = 300;
inline constexpr qint64 IdStride = 1000000; // message ids: channel × stride + number in the channel
inline constexpr qint64 FirstAuthor = 1000; // authors 1000…1005; 1000 is the reader in app-window

QString text(qint64 n);
// Message N (1…MessagesPerChannel) of CHANNEL.
Natter::Client::Message message(Natter::Wire::Id channel, qint64 n);
// Messages FIRST…LAST of CHANNEL as a history page.
Natter::Client::MessagePageSource::Page page(Natter::Wire::Id channel, qint64 first, qint64 last, bool hasMore);

// The whole synthetic history as a page source (app-rich drives the model with it directly).
class History : public Natter::Client::MessagePageSource
{
public:
    void fetchOlder(Natter::Wire::Id channelId, Natter::Wire::Id beforeId, int limit, PageCallback callback) override;
    void fetchNewer(Natter::Wire::Id channelId, Natter::Wire::Id afterId, int limit, PageCallback callback) override;
};

} // namespace RichMessages
