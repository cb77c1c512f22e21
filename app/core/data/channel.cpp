#include "data/channel.h"
#include "data/message.h"

namespace Natter::Client {

namespace {
template<class E> E enumFromName(const QString &name, E fallback)
{
    return Wire::fromName<E>(name).value_or(fallback);
}
}

User User::fromWire(const Wire::User &user)
{
    return { user.id.toString(), user.username, user.displayName, user.online };
}

Wire::User User::toWire() const
{
    Wire::User user;
    user.id = Wire::Id::fromString(id);
    user.username = username;
    user.displayName = displayName;
    user.online = online;
    return user;
}

Channel Channel::fromWire(const Wire::Channel &w)
{
    Channel c;
    c.id = w.id.toString();
    c.type = Wire::toName(w.type);
    c.name = w.name;
    c.topic = w.topic;
    c.visibility = Wire::toName(w.visibility);
    c.role = Wire::toName(w.role); // empty for Role::None
    c.memberCount = w.memberCount;
    c.lastMessageAt = timeFromWire(w.lastMessageAt);
    c.lastSeq = w.lastSeq;
    c.unreadCount = int(w.unreadCount);
    c.mentionCount = int(w.mentionCount);
    c.lastReadMessageId = w.lastReadMessageId.toString();
    return c;
}

Wire::Channel Channel::toWire() const
{
    Wire::Channel w;
    w.id = Wire::Id::fromString(id);
    w.type = enumFromName(type, Wire::ChannelType::Group);
    w.name = name;
    w.topic = topic;
    w.visibility = enumFromName(visibility, Wire::Visibility::Public);
    w.role = enumFromName(role, Wire::Role::None);
    w.memberCount = memberCount;
    w.lastMessageAt = timeToWire(lastMessageAt);
    w.lastSeq = lastSeq;
    w.unreadCount = unreadCount;
    w.mentionCount = mentionCount;
    w.lastReadMessageId = Wire::Id::fromString(lastReadMessageId);
    return w;
}

bool channelNewerThan(const Channel &a, const Channel &b)
{
    if (a.lastMessageAt != b.lastMessageAt) {
        if (!a.lastMessageAt.isValid()) return false;
        if (!b.lastMessageAt.isValid()) return true;
        return a.lastMessageAt > b.lastMessageAt;
    }
    return a.id.toULongLong() > b.id.toULongLong();
}

} // namespace Natter::Client
