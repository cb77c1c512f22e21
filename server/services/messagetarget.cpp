#include "services/messagetarget.h"
#include "services/channelservice.h"
#include "store/database.h"
#include "store/messagestore.h"

namespace Natter::Server {

Result<MessageTarget> messageTarget(
    MessageStore &messages, ChannelService &access, qint64 userId, qint64 messageId)
{
    const auto message = messageId ? messages.byId(messageId) : std::nullopt;
    if (!message)
        return Wire::Error::notFound(u"no such message"_qs);
    const auto granted = accessToMessage(access, userId, message->channelId);
    if (!granted.ok())
        return granted.error();
    if (message->deletedAt)
        return Wire::Error::notFound(u"that message was deleted"_qs);
    return MessageTarget { *message, granted.value().channel, granted.value().member };
}

Result<ChannelService::Access> accessToMessage(ChannelService &access, qint64 userId, qint64 channelId)
{
    auto granted = access.access(userId, channelId);
    // A channel the caller may not know of hides its messages too: the refusal is exactly a missing message's,
    // so a message id cannot be used to probe for private channels or direct conversations.
    if (!granted.ok() && granted.error().code == Wire::ErrorCode::NotFound)
        return Wire::Error::notFound(u"no such message"_qs);
    return granted;
}

Wire::Error rollbackChange(Database &db)
{
    db.rollback();
    return Wire::Error::internal(u"the change could not be stored"_qs);
}

} // namespace Natter::Server
