#pragma once

#include "models/messagepagesource.h"

#include <QObject>

namespace Natter::Client {

class ApiClient;

// The history of one thread for a ThreadModel: GET /messages/{root}/replies, page by page, oldest first. The
// page that reaches the first reply also carries the root before it, so the thread reads from its start.
class ThreadPageSource : public QObject, public MessagePageSource
{
    Q_OBJECT
public:
    ThreadPageSource(ApiClient *api, const Message &root, QObject *parent = nullptr);

    // The root as last seen (an edit or a new reply count); the next first page carries it.
    void setRoot(const Message &root) { m_root = root; }

    void fetchOlder(Wire::Id channelId, Wire::Id beforeId, int limit, PageCallback callback) override;
    // Replies are paged backwards only; a thread window never drops its newest rows (see ThreadModel).
    void fetchNewer(Wire::Id channelId, Wire::Id afterId, int limit, PageCallback callback) override;

private:
    ApiClient *m_api;
    Message m_root;
};

} // namespace Natter::Client
