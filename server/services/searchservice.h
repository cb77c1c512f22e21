#pragma once

#include <common/result.h>

#include <QByteArray>
#include <QUrlQuery>

namespace Natter::Server {

class Database;
class ChannelService;
class MessageStore;
class Views;

// Full-text search over message text (SQLite FTS5, in search.db: see SearchIndexer; on PostgreSQL a tsvector
// column of messages with a GIN index), limited to the caller's
// channels, newest first. A message is found from a moment after its ack, once the indexer's next pass
// (every 50 ms at most) has run.
class SearchService
{
public:
    SearchService(Database &db, ChannelService &access, MessageStore &messages, Views &views);

    // QUERY holds q, channelId?, limit (1-100, default 20), before? (a message id, for the next page).
    Result<QByteArray> search(qint64 userId, const QUrlQuery &query);
    // The words of Q as an FTS5 expression: every word must match, the last as a prefix; FTS5 syntax in Q is
    // treated as text.
    static QString matchExpression(const QString &q);
    // The same as a PostgreSQL tsquery (the 'simple' configuration), for messages.search.
    static QString tsQuery(const QString &q);

private:
    Database &m_db;
    ChannelService &m_access;
    MessageStore &m_messages;
    Views &m_views;
};

} // namespace Natter::Server
