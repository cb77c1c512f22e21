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
// column of messages with a GIN index), limited to the caller's channels, newest first. A message is found
// from a moment after its ack, once the indexer's next pass (every 50 ms at most) has run.
//
// A page is the newest matches, and either index alone answers that badly for some words: walking messages
// newest first costs every message when a word is rare (400 ms at a million messages), and collecting every
// match costs every match when it is common (500 ms). SQLite reads FTS5's matches newest first and stops at
// the page. PostgreSQL's GIN index has no order, so there the page is read from the newest WINDOW messages
// first (bounded, whatever the word), and only when those hold too few matches from the GIN index below them
// (bounded by the word's matches). docs/benchmarks.md "search".
class SearchService
{
public:
    SearchService(
        Database &db, ChannelService &access, MessageStore &messages, Views &views, int window = 20000);

    // QUERY holds q, channelId?, limit (1-100, default 20), before? (a message id, for the next page).
    Result<QByteArray> search(qint64 userId, const QUrlQuery &query);
    // The words of Q as an FTS5 expression: every word must match, the last as a prefix; FTS5 syntax in Q is
    // treated as text.
    static QString matchExpression(const QString &q);
    // The same as a PostgreSQL tsquery (the 'simple' configuration), for messages.search.
    static QString tsQuery(const QString &q);

private:
    struct Filter
    {
        QString match;
        qint64 userId = 0;
        qint64 channelId = 0; // 0: every channel of the user
    };
    // Up to COUNT ids of messages FILTER matches with FROM <= id < BELOW, newest first; false when the store
    // refused the expression.
    bool sqliteMatches(const Filter &filter, qint64 below, int count, QList<qint64> *ids);
    bool postgresMatches(const Filter &filter, qint64 from, qint64 below, int count, QList<qint64> *ids);
    // The id the newest WINDOW messages below BELOW reach back to; 0 when there are not that many.
    qint64 windowStart(qint64 below);

    Database &m_db;
    ChannelService &m_access;
    MessageStore &m_messages;
    Views &m_views;
    int m_window;
};

} // namespace Natter::Server
