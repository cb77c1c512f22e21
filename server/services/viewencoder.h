#pragma once

#include "store/records.h"

#include <common/protocol/attachment.h>
#include <common/protocol/channel.h>
#include <common/protocol/reaction.h>
#include <common/protocol/user.h>

#include <QByteArray>
#include <QList>

#include <optional>

namespace Natter::Server {

// PROTOCOL.md's objects as Wire types, made from data that is already loaded (viewassembler.h loads it), and
// a message written straight to JSON. Nothing here reads a store.
namespace ViewEncoder {
Wire::User user(const UserRecord &user, bool online);
// A user that no longer exists: only its id.
Wire::User unknownUser(qint64 userId);
Wire::Author author(qint64 userId, const std::optional<UserRecord> &user);
// NAME is the channel's name as its viewer sees it; VIEWER is the viewer's membership (null or invalid: not a
// member, so the per-member fields are null or zero).
Wire::Channel channel(const ChannelRecord &channel, const QString &name, const MemberRecord *viewer);
Wire::Member member(const MemberRecord &member, const Wire::User &user);
// A message as JSON, written by Wire::Message::write (the protocol's one writer of that shape). The stored link
// preview is passed on as the JSON the server wrote; one that is not a JSON object is written as null.
QByteArray message(const MessageRecord &message, const std::optional<UserRecord> &author,
    QList<Wire::Attachment> attachments, QList<Wire::Reaction> reactions);
} // namespace ViewEncoder

} // namespace Natter::Server
