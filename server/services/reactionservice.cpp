#include "services/reactionservice.h"
#include "services/eventlog.h"
#include "services/messagetarget.h"
#include "services/ratelimiter.h"
#include "store/database.h"
#include "store/reactionstore.h"

#include <common/isotime.h>
#include <common/jsonreader.h>
#include <common/protocollimits.h>
#include <common/snowflake.h>

namespace Natter::Server {

ReactionService::ReactionService(Database &db, ChannelService &access, MessageStore &messages,
    ReactionStore &reactions, EventLog &events, RateLimiter &limiter)
    : m_db(db)
    , m_access(access)
    , m_messages(messages)
    , m_reactions(reactions)
    , m_events(events)
    , m_limiter(limiter)
{
}

Result<Wire::ReactionAck> ReactionService::react(qint64 userId, const Wire::React &request)
{
    const qint64 messageId = request.messageId.value();
    const QString &emoji = request.emoji;
    const bool add = request.add;
    const auto t = messageTarget(m_messages, m_access, userId, messageId);
    if (!t.ok())
        return t.error();
    if (const qint64 wait = m_limiter.take(userId, nowMs()))
        return Wire::Error::rateLimited(wait);
    const MessageRecord &m = t.value().message;
    if (const auto refusal = m_access.authorizeWrite(userId, m.channelId, ChannelAction::React))
        return *refusal;

    if (!m_db.begin())
        return Wire::Error::internal();
    const bool changed
        = add ? m_reactions.add(m.id, userId, emoji, nowMs()) : m_reactions.remove(m.id, userId, emoji);
    std::optional<EventLog::Event> event;
    if (changed) {
        event = m_events.append(Wire::ReactionChanged { add, m.channelId, 0, m.id, emoji, userId });
        if (!event)
            return rollbackChange(m_db);
    }
    if (!m_db.commit())
        return rollbackChange(m_db);
    if (event)
        m_events.publish(*event);
    return Wire::ReactionAck { changed, m_reactions.summary(m.id, userId) };
}

} // namespace Natter::Server
