#include "services/viewassembler.h"
#include "services/attachmentlinker.h"
#include "gateway/hub.h"
#include "store/reactionstore.h"
#include "store/userstore.h"

namespace Natter::Server {

ViewAssembler::ViewAssembler(UserStore &users, ReactionStore &reactions, const Hub &hub)
    : m_users(users)
    , m_reactions(reactions)
    , m_hub(hub)
{
}

std::optional<UserRecord> ViewAssembler::user(qint64 userId) const
{
    return m_users.byId(userId);
}

bool ViewAssembler::isOnline(qint64 userId) const
{
    return m_hub.isOnline(userId);
}

QString ViewAssembler::channelName(const ChannelRecord &c, qint64 viewerId) const
{
    if (c.isDirect()) {
        const auto peer = m_users.byId(c.directPeer(viewerId));
        if (peer)
            return peer->displayName;
    }
    return c.name;
}

ViewAssembler::MessageParts ViewAssembler::message(const MessageRecord &m, qint64 viewerId) const
{
    const bool live = !m.deletedAt;
    MessageParts parts;
    if (live && m_attachments)
        parts.attachments = m_attachments->attachments(m.id);
    if (live)
        parts.reactions = m_reactions.summary(m.id, viewerId);
    parts.author = m_users.byId(m.authorId);
    return parts;
}

ViewAssembler::MessageParts ViewAssembler::newMessage(const MessageRecord &m, bool hasAttachments) const
{
    MessageParts parts;
    if (hasAttachments && m_attachments)
        parts.attachments = m_attachments->attachments(m.id);
    parts.author = m_users.byId(m.authorId);
    return parts;
}

ViewAssembler::PageParts ViewAssembler::page(const QList<MessageRecord> &messages, qint64 viewerId) const
{
    QList<qint64> live;
    for (const auto &m : messages)
        if (!m.deletedAt)
            live.append(m.id);
    PageParts parts;
    if (m_attachments)
        parts.attachments = m_attachments->attachments(live);
    parts.reactions = m_reactions.summaries(live, viewerId);
    return parts;
}

} // namespace Natter::Server
