#pragma once

#include "store/records.h"

#include <QHash>
#include <common/protocol/attachment.h>
#include <common/protocol/reaction.h>
#include <QList>

#include <optional>

namespace Natter::Server {

class AttachmentLinker;
class Hub;
class ReactionStore;
class UserStore;

// Loads what a view shows beyond its own row: users (and whether they are online), a direct channel's name
// for its viewer, a message's reactions and attachments. No JSON is written here (viewencoder.h does that).
class ViewAssembler
{
public:
    ViewAssembler(UserStore &users, ReactionStore &reactions, const Hub &hub);
    void setAttachments(AttachmentLinker *attachments) { m_attachments = attachments; }

    std::optional<UserRecord> user(qint64 userId) const;
    bool isOnline(qint64 userId) const;
    // The channel's name as VIEWERID sees it: a direct channel is named after the other member.
    QString channelName(const ChannelRecord &channel, qint64 viewerId) const;

    // Everything message JSON needs besides the row. VIEWERID decides reactions' `me` (0: all false).
    struct MessageParts
    {
        std::optional<UserRecord> author;
        QList<Wire::Attachment> attachments;
        QList<Wire::Reaction> reactions;
    };
    MessageParts message(const MessageRecord &message, qint64 viewerId) const;
    // A message that was just stored: no reactions yet, and attachments only if HASATTACHMENTS, so the send
    // path does not ask the database for either.
    MessageParts newMessage(const MessageRecord &message, bool hasAttachments) const;
    // The attachments and reactions of each of MESSAGES that is not deleted, one query for each kind.
    struct PageParts
    {
        QHash<qint64, QList<Wire::Attachment>> attachments;
        QHash<qint64, QList<Wire::Reaction>> reactions;
    };
    PageParts page(const QList<MessageRecord> &messages, qint64 viewerId) const;

private:
    UserStore &m_users;
    ReactionStore &m_reactions;
    const Hub &m_hub;
    AttachmentLinker *m_attachments = nullptr;
};

} // namespace Natter::Server
