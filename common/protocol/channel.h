#pragma once

#include "enums.h"
#include "id.h"
#include "user.h"

#include <QString>

class JsonReader;
class JsonWriter;

namespace Natter::Wire {

// PROTOCOL.md "Channel", the caller's view of it: unreadCount, mentionCount, lastReadMessageId and role
// belong to the caller (role None and the others zero for a non-member, and in channel.updated, which goes to
// all).
struct Channel
{
    Id id;
    ChannelType type = ChannelType::Group;
    QString name;
    QString topic;
    Visibility visibility = Visibility::Public;
    Id createdBy;
    qint64 createdAt = 0;
    int memberCount = 0;
    qint64 lastMessageAt = 0;
    qint64 lastSeq = 0;
    qint64 unreadCount = 0;
    qint64 mentionCount = 0;
    Id lastReadMessageId;
    Role role = Role::None;
    PinPolicy pinPolicy = PinPolicy::Members;
    bool readOnly = false; // written only when true (docs/protocol.md, Moderation)
    // The caller's mute in this channel (Unix ms), written only while they are muted (docs/protocol.md).
    qint64 mutedUntil = 0;

    bool isDirect() const { return type == ChannelType::Direct; }
    bool isPublic() const { return visibility == Visibility::Public; }
    bool canManage() const { return role == Role::Owner || role == Role::Admin; }

    static Channel read(JsonReader &reader);
    void write(JsonWriter &writer) const;
    friend bool operator==(const Channel &, const Channel &) = default;
};

// One entry of GET /channels/{id}/members: {user, role, joinedAt, lastReadMessageId}.
struct Member
{
    struct User user;
    Role role = Role::Member;
    qint64 joinedAt = 0;
    Id lastReadMessageId;
    qint64 mutedUntil = 0; // written only while the member is muted in the channel (docs/protocol.md)

    static Member read(JsonReader &reader);
    void write(JsonWriter &writer) const;
    friend bool operator==(const Member &, const Member &) = default;
};

} // namespace Natter::Wire
