#include "rest.h"
#include "codec.h"
#include "keys.h"

#include "../protocollimits.h"

namespace Natter::Wire {
using namespace Qt::StringLiterals;

namespace Rest {
    namespace {
        QString path(const char *pattern, Id first = {}, Id second = {})
        {
            QString p = QString::fromLatin1(pattern);
            for (Id id : { first, second }) {
                const qsizetype at = p.indexOf(u"<arg>");
                if (at < 0)
                    break;
                p.replace(at, 5, id.toString());
            }
            return p;
        }
    } // namespace

    QString registerPath()
    {
        return path(Route::Register);
    }
    QString loginPath()
    {
        return path(Route::Login);
    }
    QString logoutPath()
    {
        return path(Route::Logout);
    }
    QString mePath()
    {
        return path(Route::Me);
    }
    QString usersPath()
    {
        return path(Route::Users);
    }
    QString userPath(Id user)
    {
        return path(Route::User, user);
    }
    QString channelsPath()
    {
        return path(Route::Channels);
    }
    QString channelsBrowsePath()
    {
        return path(Route::ChannelsBrowse);
    }
    QString channelPath(Id channel)
    {
        return path(Route::Channel, channel);
    }
    QString channelJoinPath(Id channel)
    {
        return path(Route::ChannelJoin, channel);
    }
    QString channelMembersPath(Id channel)
    {
        return path(Route::ChannelMembers, channel);
    }
    QString channelMemberPath(Id channel, Id user)
    {
        return path(Route::ChannelMember, channel, user);
    }
    QString channelMessagesPath(Id channel)
    {
        return path(Route::ChannelMessages, channel);
    }
    QString channelPinsPath(Id channel)
    {
        return path(Route::ChannelPins, channel);
    }
    QString messagePath(Id message)
    {
        return path(Route::Message, message);
    }
    QString messageRepliesPath(Id message)
    {
        return path(Route::MessageReplies, message);
    }
    QString messagePinPath(Id message)
    {
        return path(Route::MessagePin, message);
    }
    QString searchPath()
    {
        return path(Route::Search);
    }
    QString uploadsPath()
    {
        return path(Route::Uploads);
    }
    QString gatewayPath()
    {
        return path(Route::Gateway);
    }
    QString healthPath()
    {
        return path(Route::Health);
    }
} // namespace Rest

namespace {
    QList<Id> toIds(const QList<qint64> &values)
    {
        QList<Id> out;
        for (qint64 v : values)
            out.append(v);
        return out;
    }

    void writeIds(JsonWriter &w, const QList<Id> &ids)
    {
        w.beginArray();
        for (Id id : ids)
            w.idString(id.value());
        w.endArray();
    }
} // namespace

Credentials Credentials::read(JsonReader &r)
{
    // Bounded loosely here; the account rules (common/validation.h) give the precise reasons.
    Credentials c;
    c.username = r.string(Key::Username, 1, Limits::MaxUsernameChars * 4);
    c.password = r.string(Key::Password, 1, Limits::MaxPasswordChars * 4);
    c.displayName = r.optionalString(Key::DisplayName, 1, Limits::MaxDisplayNameChars).value_or(QString());
    c.invite = r.optionalString(Key::Invite, 1, 64).value_or(QString());
    return c;
}

void Credentials::write(JsonWriter &w) const
{
    w.beginObject();
    w.key(Key::Username).value(username).key(Key::Password).value(password);
    if (!displayName.isEmpty())
        w.key(Key::DisplayName).value(displayName);
    if (!invite.isEmpty())
        w.key(Key::Invite).value(invite);
    w.endObject();
}

AuthSession AuthSession::read(JsonReader &r)
{
    AuthSession s;
    s.user = readObject<struct User>(r, Key::User);
    s.token = r.string(Key::Token, 1, 1024);
    return s;
}

void AuthSession::write(JsonWriter &w) const
{
    w.beginObject();
    user.write(w.key(Key::User));
    w.key(Key::Token).value(token);
    w.endObject();
}

CreateChannel CreateChannel::read(JsonReader &r)
{
    CreateChannel c;
    c.type = readEnum(r, Key::Type, ChannelType::Group, true);
    if (c.type == ChannelType::Group) {
        c.name = r.string(Key::Name, 1, Limits::MaxChannelNameChars).trimmed();
        c.topic = r.optionalString(Key::Topic, 0, Limits::MaxTopicChars).value_or(QString());
        c.visibility = readEnum(r, Key::Visibility, Visibility::Public, false);
        c.memberIds = toIds(r.idList(Key::MemberIds, Limits::MaxMembersPerRequest, false));
        if (r.ok() && c.name.isEmpty())
            r.fail(QStringLiteral("field 'name' must not be blank"));
    } else {
        c.memberIds = toIds(r.idList(Key::MemberIds, Limits::MaxMembersPerRequest, true));
    }
    return c;
}

void CreateChannel::write(JsonWriter &w) const
{
    w.beginObject();
    w.key(Key::Type).value(toName(type));
    if (type == ChannelType::Group) {
        w.key(Key::Name).value(name);
        if (!topic.isEmpty())
            w.key(Key::Topic).value(topic);
        w.key(Key::Visibility).value(toName(visibility));
    }
    if (!memberIds.isEmpty() || type == ChannelType::Direct)
        writeIds(w.key(Key::MemberIds), memberIds);
    w.endObject();
}

ChannelSettings ChannelSettings::read(JsonReader &r)
{
    ChannelSettings s;
    s.name = r.optionalString(Key::Name, 1, Limits::MaxChannelNameChars);
    s.topic = r.optionalString(Key::Topic, 0, Limits::MaxTopicChars);
    if (r.source().contains(Key::PinPolicy) && !r.source().value(Key::PinPolicy).isNull())
        s.pinPolicy = readEnum(r, Key::PinPolicy, PinPolicy::Members, false);
    s.readOnly = r.optionalBool(Key::ReadOnly);
    if (r.ok() && s.name && s.name->trimmed().isEmpty())
        r.fail(QStringLiteral("field 'name' must not be blank"));
    return s;
}

void ChannelSettings::write(JsonWriter &w) const
{
    w.beginObject();
    if (name)
        w.key(Key::Name).value(*name);
    if (topic)
        w.key(Key::Topic).value(*topic);
    if (pinPolicy)
        w.key(Key::PinPolicy).value(toName(*pinPolicy));
    if (readOnly)
        w.key(Key::ReadOnly).value(*readOnly);
    w.endObject();
}

HistoryPage HistoryPage::read(JsonReader &r)
{
    HistoryPage p;
    p.messages = readList<struct Message>(r, Key::Messages, MaxWireListItems);
    p.hasMore = r.optionalBool(Key::HasMore).value_or(false);
    p.hasMoreAfter = r.optionalBool(Key::HasMoreAfter);
    return p;
}

void HistoryPage::write(JsonWriter &w) const
{
    w.beginObject();
    writeList(w.key(Key::Messages), messages);
    w.key(Key::HasMore).value(hasMore);
    if (hasMoreAfter)
        w.key(Key::HasMoreAfter).value(*hasMoreAfter);
    w.endObject();
}

ChannelList ChannelList::read(JsonReader &r)
{
    return { readList<struct Channel>(r, Key::Channels, MaxWireListItems) };
}

void ChannelList::write(JsonWriter &w) const
{
    w.beginObject();
    writeList(w.key(Key::Channels), channels);
    w.endObject();
}

UserList UserList::read(JsonReader &r)
{
    return { readList<struct User>(r, Key::Users, MaxWireListItems) };
}

void UserList::write(JsonWriter &w) const
{
    w.beginObject();
    writeList(w.key(Key::Users), users);
    w.endObject();
}

MemberList MemberList::read(JsonReader &r)
{
    return { readList<Member>(r, Key::Members, MaxWireListItems) };
}

void MemberList::write(JsonWriter &w) const
{
    w.beginObject();
    writeList(w.key(Key::Members), members);
    w.endObject();
}

AddMembers AddMembers::read(JsonReader &r)
{
    return { toIds(r.idList(Key::UserIds, Limits::MaxMembersPerRequest, true)) };
}

void AddMembers::write(JsonWriter &w) const
{
    w.beginObject();
    writeIds(w.key(Key::UserIds), userIds);
    w.endObject();
}

namespace {
    const QLatin1StringView HealthOk = "ok"_L1;
    const QLatin1StringView HealthUnavailable = "unavailable"_L1;
} // namespace

Health Health::read(JsonReader &r)
{
    Health h;
    const QString status = r.string(Key::Status, 1, 32);
    if (r.ok() && status != HealthOk && status != HealthUnavailable)
        r.fail(QStringLiteral("field 'status' must be one of: ok, unavailable"));
    h.ok = status == HealthOk;
    h.version = r.string(Key::Version, 0, 64);
    h.uptimeMs = r.integer(Key::UptimeMs, 0, std::numeric_limits<qint64>::max() / 2);
    h.connections = r.integer(Key::Connections, 0, std::numeric_limits<qint64>::max() / 2);
    const QJsonObject store = r.object(Key::Store);
    JsonReader s(store);
    h.storeEngine = s.string(Key::Engine, 1, 32);
    h.storeOk = s.boolean(Key::Ok);
    h.storeError = s.nullableString(Key::Error, MaxWireChars);
    if (r.ok() && !s.ok())
        r.fail(QStringLiteral("store: ") + s.error());
    return h;
}

void Health::write(JsonWriter &w) const
{
    w.beginObject();
    w.key(Key::Status).value(ok ? HealthOk : HealthUnavailable);
    w.key(Key::Version).value(version);
    w.key(Key::UptimeMs).value(uptimeMs);
    w.key(Key::Connections).value(connections);
    w.key(Key::Store).beginObject();
    w.key(Key::Engine).value(storeEngine).key(Key::Ok).value(storeOk);
    writeNullable(w.key(Key::Error), storeError);
    w.endObject();
    w.endObject();
}

} // namespace Natter::Wire
