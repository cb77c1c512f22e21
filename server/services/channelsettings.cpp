#include "services/channelsettings.h"
#include "services/channelservice.h"
#include "services/eventlog.h"
#include "services/messagetarget.h"
#include "services/views.h"
#include "store/channelstore.h"
#include "store/database.h"

#include <jsonreader.h>
#include <protocollimits.h>

namespace Natter::Server {

ChannelSettings::ChannelSettings(
    Database &db, ChannelService &access, ChannelStore &channels, EventLog &events, Views &views)
    : m_db(db)
    , m_access(access)
    , m_channels(channels)
    , m_events(events)
    , m_views(views)
{
}

Result<QJsonObject> ChannelSettings::update(qint64 userId, qint64 channelId, const QJsonObject &body)
{
    const auto access = m_access.access(userId, channelId);
    if (!access.ok())
        return access.error();
    JsonReader r(body);
    const auto name = r.optionalString(u"name"_qs, 1, Limits::MaxChannelNameChars);
    const auto topic = r.optionalString(u"topic"_qs, 0, Limits::MaxTopicChars);
    const QString policy = r.choice(u"pinPolicy"_qs, { u"members"_qs, u"admins"_qs }, QString());
    if (r.ok() && name && name->trimmed().isEmpty())
        r.fail(u"field 'name' must not be blank"_qs);
    if (!r.ok())
        return ApiError::badRequest(r.error());
    ChannelRecord channel = access.value().channel;
    if (channel.isDirect())
        return ApiError::forbidden(u"direct channels have no settings"_qs);
    if (!access.value().member.canManage())
        return ApiError::forbidden(u"only an owner or admin can change the channel"_qs);
    if (name)
        channel.name = name->trimmed();
    if (topic)
        channel.topic = *topic;
    if (!policy.isEmpty())
        channel.pinPolicy = policy;

    if (!m_db.begin())
        return ApiError::internal();
    if (!m_channels.updateSettings(channel))
        return rollbackChange(m_db);
    const auto stored = m_channels.byId(channelId);
    // The frame is shared by all members, so it carries the channel without the per-member fields' values.
    const auto event = m_events.append(
        channelId, u"channel.updated"_qs, { { u"channel"_qs, m_views.channel(*stored, nullptr, userId) } });
    if (!event || !m_db.commit())
        return rollbackChange(m_db);
    m_events.publish(*event);
    return m_views.channel(*stored, &access.value().member, userId);
}

} // namespace Natter::Server
