#include "data/channel.h"
#include "data/message.h"

namespace Natter::Client {

User User::fromJson(const QJsonObject &json)
{
    return { json.value(u"id").toString(), json.value(u"username").toString(),
        json.value(u"displayName").toString(), json.value(u"online").toBool() };
}

QJsonObject User::toJson() const
{
    return { { u"id"_qs, id }, { u"username"_qs, username }, { u"displayName"_qs, displayName },
        { u"online"_qs, online } };
}

Channel Channel::fromJson(const QJsonObject &json)
{
    Channel c;
    c.id = json.value(u"id").toString();
    c.type = json.value(u"type").toString();
    c.name = json.value(u"name").toString();
    c.topic = json.value(u"topic").toString();
    c.visibility = json.value(u"visibility").toString();
    c.role = json.value(u"role").toString();
    c.memberCount = json.value(u"memberCount").toInt();
    c.lastMessageAt = timeFromWire(json.value(u"lastMessageAt").toString());
    c.lastSeq = json.value(u"lastSeq").toInteger();
    c.unreadCount = json.value(u"unreadCount").toInt();
    c.mentionCount = json.value(u"mentionCount").toInt();
    c.lastReadMessageId = json.value(u"lastReadMessageId").toString();
    return c;
}

QJsonObject Channel::toJson() const
{
    return { { u"id"_qs, id }, { u"type"_qs, type }, { u"name"_qs, name }, { u"topic"_qs, topic },
        { u"visibility"_qs, visibility }, { u"role"_qs, role }, { u"memberCount"_qs, memberCount },
        { u"lastMessageAt"_qs, timeToWire(lastMessageAt) }, { u"lastSeq"_qs, lastSeq },
        { u"unreadCount"_qs, unreadCount }, { u"mentionCount"_qs, mentionCount },
        { u"lastReadMessageId"_qs, lastReadMessageId } };
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
