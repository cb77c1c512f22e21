#pragma once

#include "services/viewencoder.h"
#include "store/records.h"

#include <common/protocol/channel.h>
#include <common/protocol/user.h>

namespace Natter::Server {

class ModerationStore;
class ViewAssembler;

// PROTOCOL.md's objects: loads what each needs through ViewAssembler and makes it with ViewEncoder. Channel
// views are per viewer (role, unread, a direct channel's name).
class Views
{
public:
    explicit Views(const ViewAssembler &assembler);
    // Mutes: the viewer's own in channel views, each member's in member views (docs/protocol.md, Moderation).
    void setModeration(ModerationStore *store) { m_moderation = store; }

    Wire::User user(const UserRecord &user) const;
    Wire::User user(qint64 userId) const;
    Wire::Channel channel(const ChannelRecord &channel, const MemberRecord *viewer, qint64 viewerId) const;
    Wire::Member member(const MemberRecord &member) const;
    // A message as JSON. VIEWERID decides reactions' `me`; 0 (for frames shared by all recipients) makes every
    // `me` false.
    QByteArray messageJson(const MessageRecord &message, qint64 viewerId = 0) const;
    // messageJson() of each of MESSAGES as a serialised array, with one query for all their reactions and one
    // for their attachments.
    QByteArray messagesJson(const QList<MessageRecord> &messages, qint64 viewerId) const;
    // A message that was just stored, serialised: it has no reactions yet, and attachments only if
    // HASATTACHMENTS, so the send path does not ask the database for either.
    QByteArray newMessageJson(const MessageRecord &message, bool hasAttachments) const;

private:
    const ViewAssembler &m_load;
    ModerationStore *m_moderation = nullptr;
};

} // namespace Natter::Server
