#pragma once

#include <common/protocol/requests.h>
#include <common/result.h>

#include <common/protocol/events.h>

namespace Natter::Server {

class ChannelService;
class Database;
class EventLog;
class MessageStore;
class RateLimiter;
class ReactionStore;

// Reactions to messages that exist: authorised, stored with their channel event in one transaction, fanned out
// after the commit. A repeated reaction (or removing one that is not there) succeeds and logs nothing.
class ReactionService
{
public:
    ReactionService(Database &db, ChannelService &access, MessageStore &messages, ReactionStore &reactions,
        EventLog &events, RateLimiter &limiter);

    // REQUEST has been decoded (and so validated, emoji included) by Wire::React.
    Result<Wire::ReactionAck> react(qint64 userId, const Wire::React &request);

private:
    Database &m_db;
    ChannelService &m_access;
    MessageStore &m_messages;
    ReactionStore &m_reactions;
    EventLog &m_events;
    RateLimiter &m_limiter;
};

} // namespace Natter::Server
