#pragma once

#include "services/channelservice.h"
#include "store/records.h"

#include <common/protocol/error.h>
#include <common/result.h>

namespace Natter::Server {

class ChannelService;
class Database;
class MessageStore;

// A message that a change is about, with the caller's access to its channel.
struct MessageTarget
{
    MessageRecord message;
    ChannelRecord channel;
    MemberRecord member;
};

// The live (not deleted) message MESSAGEID and USERID's access to its channel (ChannelService::access()).
Result<MessageTarget> messageTarget(
    MessageStore &messages, ChannelService &access, qint64 userId, qint64 messageId);

// USERID's access to CHANNELID for a request that names a message in it: ChannelService::access(), except
// that a channel the caller may not see answers exactly as a missing message does (404 "no such message").
// A public channel the caller is not in still answers 403 (its messages are there for anyone who joins).
Result<ChannelService::Access> accessToMessage(ChannelService &access, qint64 userId, qint64 channelId);

// Rolls back the open transaction of a change that could not be stored, and the error that says so.
Wire::Error rollbackChange(Database &db);

} // namespace Natter::Server
