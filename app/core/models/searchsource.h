#pragma once

#include "data/message.h"

#include <QList>

#include <functional>

namespace Natter::Client {

// Where SearchModel gets results: the server (GET /search) in the app, a table in tests.
class SearchSource
{
public:
    struct Results
    {
        QList<Message> messages; // newest first
        bool hasMore = false;
        QString error; // a sentence for the user; empty on success
    };
    using Callback = std::function<void(const Results &)>;

    virtual ~SearchSource() = default;
    // Up to LIMIT messages matching QUERY, all older than BEFORE (the newest when BEFORE is invalid). The
    // callback may run before this returns.
    virtual void search(const QString &query, Wire::Id before, int limit, Callback callback) = 0;
};

} // namespace Natter::Client
