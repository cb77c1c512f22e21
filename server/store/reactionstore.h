#pragma once

#include <QHash>
#include <common/protocol/reaction.h>
#include <QString>

namespace Natter::Server {

class Database;

// Reactions: one row per (message, emoji, user), so the database itself refuses a second identical reaction.
class ReactionStore
{
public:
    explicit ReactionStore(Database &db);

    // True when the row was added / removed; false when it was already there / not there (a no-op).
    bool add(qint64 messageId, qint64 userId, const QString &emoji, qint64 at);
    bool remove(qint64 messageId, qint64 userId, const QString &emoji);
    bool removeAll(qint64 messageId);
    // [{emoji, count, me}] in the order the emojis were first used.
    QList<Wire::Reaction> summary(qint64 messageId, qint64 viewerId);
    // summary() of each of MESSAGEIDS that has reactions, in one query (history pages).
    QHash<qint64, QList<Wire::Reaction>> summaries(const QList<qint64> &messageIds, qint64 viewerId);

private:
    Database &m_db;
};

} // namespace Natter::Server
