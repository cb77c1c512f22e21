#include "channel.h"
#include "codec.h"
#include "keys.h"

#include "../protocollimits.h"

namespace Natter::Wire {

namespace {
    void writeRole(JsonWriter &w, Role role)
    {
        if (role == Role::None)
            w.null();
        else
            w.value(toName(role));
    }
} // namespace

Channel Channel::read(JsonReader &r)
{
    Channel c;
    c.id = r.id(Key::Id);
    c.type = readEnum(r, Key::Type, ChannelType::Group, true);
    c.name = r.string(Key::Name, 0, MaxWireChars);
    c.topic = r.nullableString(Key::Topic, MaxWireChars);
    c.visibility = readEnum(r, Key::Visibility, Visibility::Public, false);
    c.createdBy = r.optionalId(Key::CreatedBy).value_or(0);
    c.createdAt = r.optionalTime(Key::CreatedAt);
    c.memberCount = int(r.optionalInteger(Key::MemberCount, 0, std::numeric_limits<int>::max()).value_or(0));
    c.lastMessageAt = r.optionalTime(Key::LastMessageAt);
    const qint64 big = std::numeric_limits<qint64>::max() / 2;
    c.lastSeq = r.optionalInteger(Key::LastSeq, 0, big).value_or(0);
    c.unreadCount = r.optionalInteger(Key::UnreadCount, 0, big).value_or(0);
    c.mentionCount = r.optionalInteger(Key::MentionCount, 0, big).value_or(0);
    c.lastReadMessageId = r.optionalId(Key::LastReadMessageId).value_or(0);
    c.role = readEnum(r, Key::Role, Role::None, false);
    c.pinPolicy = readEnum(r, Key::PinPolicy, PinPolicy::Members, false);
    c.readOnly = r.optionalBool(Key::ReadOnly).value_or(false);
    c.mutedUntil = r.optionalTime(Key::MutedUntil);
    return c;
}

void Channel::write(JsonWriter &w) const
{
    w.beginObject();
    w.key(Key::Id).idString(id.value());
    w.key(Key::Type).value(toName(type));
    w.key(Key::Name).value(name);
    w.key(Key::Topic).value(topic);
    w.key(Key::Visibility).value(toName(visibility));
    writeId(w.key(Key::CreatedBy), createdBy.value());
    writeTime(w.key(Key::CreatedAt), createdAt);
    w.key(Key::MemberCount).value(qint64(memberCount));
    writeTime(w.key(Key::LastMessageAt), lastMessageAt);
    w.key(Key::LastSeq).value(lastSeq);
    w.key(Key::UnreadCount).value(unreadCount);
    w.key(Key::MentionCount).value(mentionCount);
    writeId(w.key(Key::LastReadMessageId), lastReadMessageId.value());
    writeRole(w.key(Key::Role), role);
    w.key(Key::PinPolicy).value(toName(pinPolicy));
    if (readOnly)
        w.key(Key::ReadOnly).value(true);
    if (mutedUntil > 0)
        writeTime(w.key(Key::MutedUntil), mutedUntil);
    w.endObject();
}

Member Member::read(JsonReader &r)
{
    Member m;
    m.user = readObject<User>(r, Key::User);
    m.role = readEnum(r, Key::Role, Role::Member, true);
    m.joinedAt = r.optionalTime(Key::JoinedAt);
    m.lastReadMessageId = r.optionalId(Key::LastReadMessageId).value_or(0);
    m.mutedUntil = r.optionalTime(Key::MutedUntil);
    return m;
}

void Member::write(JsonWriter &w) const
{
    w.beginObject();
    user.write(w.key(Key::User));
    writeRole(w.key(Key::Role), role);
    writeTime(w.key(Key::JoinedAt), joinedAt);
    writeId(w.key(Key::LastReadMessageId), lastReadMessageId.value());
    if (mutedUntil > 0)
        writeTime(w.key(Key::MutedUntil), mutedUntil);
    w.endObject();
}

} // namespace Natter::Wire
