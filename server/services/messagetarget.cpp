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
        return ApiError::notFound(u"no such message"_qs);
    const auto granted = access.access(userId, message->channelId);
    if (!granted.ok())
        return granted.error();
    if (message->deletedAt)
        return ApiError::notFound(u"that message was deleted"_qs);
    return MessageTarget { *message, granted.value().channel, granted.value().member };
}

ApiError rollbackChange(Database &db)
{
    db.rollback();
    return ApiError::internal(u"the change could not be stored"_qs);
}

} // namespace Natter::Server
