#include "services/views.h"
#include "services/viewassembler.h"
#include "services/viewencoder.h"

#include "store/moderationstore.h"

#include <common/isotime.h>
#include <common/jsonwriter.h>

namespace Natter::Server {

Views::Views(const ViewAssembler &assembler)
    : m_load(assembler)
{
}

Wire::User Views::user(const UserRecord &u) const
{
    return ViewEncoder::user(u, m_load.isOnline(u.id));
}

Wire::User Views::user(qint64 userId) const
{
    const auto u = m_load.user(userId);
    return u ? user(*u) : ViewEncoder::unknownUser(userId);
}

Wire::Channel Views::channel(const ChannelRecord &c, const MemberRecord *viewer, qint64 viewerId) const
{
    Wire::Channel out = ViewEncoder::channel(c, m_load.channelName(c, viewerId), viewer);
    if (m_moderation && viewer && viewer->isValid())
        out.mutedUntil = m_moderation->mutedUntil(c.id, viewerId, nowMs());
    return out;
}

Wire::Member Views::member(const MemberRecord &m) const
{
    Wire::Member out = ViewEncoder::member(m, user(m.userId));
    if (m_moderation)
        out.mutedUntil = m_moderation->mutedUntil(m.channelId, m.userId, nowMs());
    return out;
}

QByteArray Views::messageJson(const MessageRecord &m, qint64 viewerId) const
{
    auto parts = m_load.message(m, viewerId);
    return ViewEncoder::message(m, parts.author, std::move(parts.attachments), std::move(parts.reactions));
}

QByteArray Views::messagesJson(const QList<MessageRecord> &messages, qint64 viewerId) const
{
    const auto parts = m_load.page(messages, viewerId);
    JsonWriter w;
    w.beginArray();
    for (const auto &m : messages)
        w.raw(ViewEncoder::message(
            m, m_load.user(m.authorId), parts.attachments.value(m.id), parts.reactions.value(m.id)));
    w.endArray();
    return w.take();
}

QByteArray Views::newMessageJson(const MessageRecord &m, bool hasAttachments) const
{
    auto parts = m_load.newMessage(m, hasAttachments);
    return ViewEncoder::message(m, parts.author, std::move(parts.attachments), std::move(parts.reactions));
}

} // namespace Natter::Server
