#pragma once

#include "store/records.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace Natter::Server {

// The JSON shapes of PROTOCOL.md's objects, written from data that is already loaded (viewassembler.h loads
// it). Nothing here reads a store.
namespace ViewEncoder {
QJsonObject user(const UserRecord &user, bool online);
// A user that no longer exists: only its id.
QJsonObject unknownUser(qint64 userId);
QJsonObject author(qint64 userId, const std::optional<UserRecord> &user);
// NAME is the channel's name as its viewer sees it; VIEWER is the viewer's membership (null or invalid: not a
// member, so the per-member fields are null or zero).
QJsonObject channel(const ChannelRecord &channel, const QString &name, const MemberRecord *viewer);
// The one place a message's JSON shape is written: every other form of a message is parsed from this.
QByteArray message(const MessageRecord &message, const std::optional<UserRecord> &author,
    const QJsonArray &attachments, const QJsonArray &reactions);
} // namespace ViewEncoder

// Builds a frame {type, ...fields} serialised once as compact UTF-8 JSON, the form every connection is sent.
QByteArray frameText(const QString &type, QJsonObject fields);

} // namespace Natter::Server
