#include "services/channelservice.h"
#include "store/channelstore.h"
#include "store/database.h"
#include "gateway/hub.h"
#include "logging.h"
#include "store/userstore.h"
#include "services/views.h"
#include "store/moderationstore.h"

#include <common/isotime.h>
#include <common/jsonreader.h>
#include <common/protocollimits.h>
#include <common/snowflake.h>

namespace Natter::Server {

ChannelService::ChannelService(Database &db, ChannelStore &channels, UserStore &users, EventLog &events,
    Hub &hub, Views &views, SnowflakeGenerator &ids)
    : m_db(db)
    , m_channels(channels)
    , m_users(users)
    , m_events(events)
    , m_hub(hub)
    , m_views(views)
    , m_ids(ids)
{
}

Result<ChannelService::Access> ChannelService::access(qint64 userId, qint64 channelId)
{
    const auto channel = channelId ? m_channels.byId(channelId) : std::nullopt;
    if (!channel)
        return Wire::Error::notFound(u"no such channel"_qs);
    const auto member = m_channels.member(channelId, userId);
    if (!member) {
        if (channel->isPublic() && !channel->isDirect())
            return Wire::Error::forbidden(u"you are not a member of this channel"_qs);
        return Wire::Error::notFound(u"no such channel"_qs);
    }
    return Access { *channel, *member };
}

Result<ChannelService::Access> ChannelService::authorize(
    qint64 userId, qint64 channelId, ChannelAction action, qint64 targetId, const QString &newRole)
{
    auto a = access(userId, channelId);
    if (!a.ok())
        return a;
    AuthorizationSubject subject { a.value().channel, a.value().member, std::nullopt, newRole, 0, targetId };
    if (targetId)
        subject.target = m_channels.member(channelId, targetId);
    if (m_moderation && (action == ChannelAction::Write || action == ChannelAction::React))
        subject.actorMutedUntil = m_moderation->mutedUntil(channelId, userId, nowMs());
    if (const auto refusal = decide(action, subject))
        return *refusal;
    return a;
}

std::optional<Wire::Error> ChannelService::authorizeWrite(qint64 userId, qint64 channelId, ChannelAction action)
{
    Q_ASSERT(action == ChannelAction::Write || action == ChannelAction::React);
    if (channelId && m_channels.memberIds(channelId).contains(userId) && !m_channels.isReadOnly(channelId)) {
        // In a channel that is not read-only, decide() looks at nothing but the mute for these actions: the
        // channel's and the member's other fields are not needed, so they are not loaded.
        AuthorizationSubject subject;
        subject.channel.id = channelId;
        subject.actor.channelId = channelId;
        subject.actor.userId = userId;
        if (m_moderation)
            subject.actorMutedUntil = m_moderation->mutedUntil(channelId, userId, nowMs());
        return decide(action, subject);
    }
    const auto a = authorize(userId, channelId, action);
    if (!a.ok())
        return a.error();
    return std::nullopt;
}

QList<Wire::Channel> ChannelService::listFor(qint64 userId)
{
    QList<Wire::Channel> out;
    for (const auto &[channel, member] : m_channels.forUser(userId))
        out.append(m_views.channel(channel, &member, userId));
    return out;
}

Result<Wire::Channel> ChannelService::get(qint64 userId, qint64 channelId)
{
    const auto a = access(userId, channelId);
    if (!a.ok())
        return a.error();
    return m_views.channel(a.value().channel, &a.value().member, userId);
}

Result<ChannelService::Created> ChannelService::create(qint64 userId, const QJsonObject &body)
{
    JsonReader r(body);
    const QString type = r.choice(Wire::Key::Type, Wire::allNames<Wire::ChannelType>(), QString());
    if (r.ok() && type.isEmpty())
        r.fail(u"missing field 'type'"_qs);
    if (!r.ok())
        return Wire::Error::badRequest(r.error());
    return type == Wire::toName(Wire::ChannelType::Direct) ? openDirect(userId, body) : createGroup(userId, body);
}

Wire::Error ChannelService::abort(qint64 channelId)
{
    m_db.rollback();
    m_channels.invalidate(channelId);
    return Wire::Error::internal(u"could not store the change"_qs);
}

bool ChannelService::addMemberLogged(
    const ChannelRecord &channel, qint64 userId, const QString &role, QList<EventLog::Event> &events)
{
    // Joining marks what came before as read: a newcomer is not greeted by the whole history as unread.
    // CHANNEL was read in this same event-loop turn, so its message count is current (no send commits in
    // between).
    MemberRecord m { channel.id, userId, role, nowMs(), 0, channel.messageCount, 0 };
    if (!m_channels.addMember(m))
        return false;
    const auto event = m_events.append(Wire::MemberChanged { true, channel.id, 0, m_views.user(userId) });
    if (!event)
        return false;
    events.append(*event);
    return true;
}

void ChannelService::announceAdded(qint64 channelId, const QList<qint64> &userIds)
{
    const auto channel = m_channels.byId(channelId);
    if (!channel)
        return;
    for (qint64 userId : userIds) {
        const auto member = m_channels.member(channelId, userId);
        if (member)
            m_hub.sendToUser(
                userId, Wire::encodeFrame(Wire::ChannelAdded { m_views.channel(*channel, &*member, userId) }));
    }
}

Result<ChannelService::Created> ChannelService::createGroup(qint64 userId, const QJsonObject &body)
{
    JsonReader r(body);
    const QString name = r.string(Wire::Key::Name, 1, Limits::MaxChannelNameChars).trimmed();
    const QString topic = r.optionalString(Wire::Key::Topic, 0, Limits::MaxTopicChars).value_or(QString());
    const QString visibility = r.choice(Wire::Key::Visibility, Wire::allNames<Wire::Visibility>(),
        Wire::toName(Wire::Visibility::Public).toString());
    QList<qint64> memberIds = r.idList(Wire::Key::MemberIds, Limits::MaxMembersPerRequest, false);
    if (r.ok() && name.isEmpty())
        r.fail(u"field 'name' must not be blank"_qs);
    if (!r.ok())
        return Wire::Error::badRequest(r.error());
    memberIds.removeAll(userId);
    for (qint64 id : memberIds)
        if (!m_users.byId(id))
            return Wire::Error::badRequest(u"unknown user %1 in memberIds"_qs.arg(id));

    ChannelRecord channel;
    channel.id = m_ids.next();
    channel.type = u"group"_qs;
    channel.name = name;
    channel.topic = topic;
    channel.visibility = visibility;
    channel.createdBy = userId;
    channel.createdAt = nowMs();

    QList<EventLog::Event> events;
    if (!m_db.begin())
        return Wire::Error::internal();
    bool ok = m_channels.insert(channel) && addMemberLogged(channel, userId, u"owner"_qs, events);
    for (qint64 id : memberIds)
        ok = ok && addMemberLogged(channel, id, u"member"_qs, events);
    if (!ok || !m_db.commit())
        return abort(channel.id);
    qCInfo(lcServer) << "channel" << channel.id << "created by" << userId;
    for (const auto &e : events)
        m_events.publish(e);
    announceAdded(channel.id, memberIds << userId);
    const auto created = m_channels.byId(channel.id);
    const auto member = m_channels.member(channel.id, userId);
    return Created { m_views.channel(*created, &*member, userId), true };
}

Result<ChannelService::Created> ChannelService::openDirect(qint64 userId, const QJsonObject &body)
{
    JsonReader r(body);
    const QList<qint64> ids = r.idList(Wire::Key::MemberIds, 1, true);
    if (r.ok() && ids.size() != 1)
        r.fail(u"a direct channel needs exactly one other user in 'memberIds'"_qs);
    if (!r.ok())
        return Wire::Error::badRequest(r.error());
    const qint64 other = ids.first();
    if (other == userId)
        return Wire::Error::badRequest(u"a direct channel needs another user"_qs);
    if (!m_users.byId(other))
        return Wire::Error::notFound(u"no such user"_qs);
    const QString key = u"%1:%2"_qs.arg(qMin(userId, other)).arg(qMax(userId, other));
    if (const auto existing = m_channels.byDirectKey(key)) {
        const auto member = m_channels.member(existing->id, userId);
        if (member)
            return Created { m_views.channel(*existing, &*member, userId), false };
    }

    ChannelRecord channel;
    channel.id = m_ids.next();
    channel.type = u"direct"_qs;
    channel.name = QString();
    channel.visibility = u"private"_qs;
    channel.createdBy = userId;
    channel.createdAt = nowMs();
    channel.directKey = key;
    QList<EventLog::Event> events;
    if (!m_db.begin())
        return Wire::Error::internal();
    const bool ok = m_channels.insert(channel) && addMemberLogged(channel, userId, u"member"_qs, events)
        && addMemberLogged(channel, other, u"member"_qs, events);
    if (!ok || !m_db.commit())
        return abort(channel.id);
    for (const auto &e : events)
        m_events.publish(e);
    announceAdded(channel.id, { other, userId });
    const auto created = m_channels.byId(channel.id);
    const auto member = m_channels.member(channel.id, userId);
    return Created { m_views.channel(*created, &*member, userId), true };
}

QList<Wire::Channel> ChannelService::browse(qint64 userId, const QString &query)
{
    QList<Wire::Channel> out;
    for (const auto &channel : m_channels.browse(query, 100)) {
        const auto member = m_channels.member(channel.id, userId);
        out.append(m_views.channel(channel, member ? &*member : nullptr, userId));
    }
    return out;
}

Result<Wire::Channel> ChannelService::join(qint64 userId, qint64 channelId)
{
    const auto channel = channelId ? m_channels.byId(channelId) : std::nullopt;
    if (!channel || (!channel->isPublic() && !m_channels.member(channelId, userId)))
        return Wire::Error::notFound(u"no such channel"_qs);
    if (channel->isDirect())
        return Wire::Error::forbidden(u"direct channels cannot be joined"_qs);
    if (!m_channels.member(channelId, userId)) {
        QList<EventLog::Event> events;
        if (!m_db.begin())
            return Wire::Error::internal();
        if (!addMemberLogged(*channel, userId, u"member"_qs, events) || !m_db.commit())
            return abort(channelId);
        for (const auto &e : events)
            m_events.publish(e);
        announceAdded(channelId, { userId });
    }
    return get(userId, channelId);
}

Result<Wire::MemberList> ChannelService::members(qint64 userId, qint64 channelId)
{
    const auto a = access(userId, channelId);
    if (!a.ok())
        return a.error();
    Wire::MemberList list;
    for (const auto &m : m_channels.members(channelId))
        list.members.append(m_views.member(m));
    return list;
}

Result<QList<Wire::Id>> ChannelService::addMembers(
    qint64 actorId, qint64 channelId, const Wire::AddMembers &request)
{
    const auto a = authorize(actorId, channelId, ChannelAction::AddMembers);
    if (!a.ok())
        return a.error();
    QList<qint64> ids;
    for (const Wire::Id id : request.userIds)
        ids.append(id.value());
    for (qint64 id : ids)
        if (!m_users.byId(id))
            return Wire::Error::badRequest(u"unknown user %1 in userIds"_qs.arg(id));

    QList<Wire::Id> added;
    QList<EventLog::Event> events;
    if (!m_db.begin())
        return Wire::Error::internal();
    for (qint64 id : ids) {
        if (m_channels.member(channelId, id))
            continue;
        if (!addMemberLogged(a.value().channel, id, u"member"_qs, events))
            return abort(channelId);
        added.append(id);
    }
    if (!m_db.commit())
        return abort(channelId);
    for (const auto &e : events)
        m_events.publish(e);
    QList<qint64> addedIds;
    for (const Wire::Id id : added)
        addedIds.append(id.value());
    announceAdded(channelId, addedIds);
    return added;
}

Result<bool> ChannelService::removeMember(qint64 actorId, qint64 channelId, qint64 targetId)
{
    // Leaving is always allowed; removing someone else is authorize()'s decision.
    const auto a = targetId == actorId ? access(actorId, channelId)
                                       : authorize(actorId, channelId, ChannelAction::RemoveMember, targetId);
    if (!a.ok())
        return a.error();
    if (a.value().channel.isDirect())
        return Wire::Error::forbidden(u"direct channels have fixed members"_qs);
    if (!m_db.begin())
        return Wire::Error::internal();
    const auto event = m_events.append(Wire::MemberChanged { false, channelId, 0, m_views.user(targetId) });
    if (!event || !m_channels.removeMember(channelId, targetId) || !m_db.commit())
        return abort(channelId);
    // The member who left is no longer in the channel's list, but learns of it too.
    m_events.publish(*event);
    m_hub.sendToUser(targetId, event->frame);
    m_hub.sendToUser(targetId, Wire::encodeFrame(Wire::ChannelRemoved { channelId }));
    return true;
}

} // namespace Natter::Server
