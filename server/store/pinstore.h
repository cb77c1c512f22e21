#pragma once

#include <QList>

namespace Natter::Server {

class Database;

// Pinned messages per channel.
class PinStore
{
public:
    explicit PinStore(Database &db);

    // True when the pin was added / removed; false when nothing changed.
    bool pin(qint64 channelId, qint64 messageId, qint64 userId, qint64 at);
    bool unpin(qint64 channelId, qint64 messageId);
    // Message ids, most recently pinned first.
    QList<qint64> pinned(qint64 channelId, int limit);

private:
    Database &m_db;
};

} // namespace Natter::Server
