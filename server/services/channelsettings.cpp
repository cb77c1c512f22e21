#include "services/channelsettings.h"
#include "services/channelservice.h"
#include "services/eventlog.h"
#include "services/messagetarget.h"
#include "services/views.h"
#include "store/channelstore.h"
#include "store/database.h"
#include "store/moderationstore.h"
#include <common/isotime.h>
#include <common/protocol/audit.h>

#include <common/jsonreader.h>
#include <common/protocollimits.h>

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

Result<Wire::Channel> ChannelSettings::update(
    qint64 userId, qint64 channelId, const Wire::ChannelSettings &settings)
{
    const auto access = m_access.authorize(userId, channelId, ChannelAction::ManageSettings);
    if (!access.ok())
        return access.error();
    const auto &name = settings.name;
    const auto &topic = settings.topic;
    const QString policy = settings.pinPolicy ? Wire::toName(*settings.pinPolicy).toString() : QString();
    ChannelRecord channel = access.value().channel;
    if (name)
        channel.name = name->trimmed();
    if (topic)
        channel.topic = *topic;
    if (!policy.isEmpty())
        channel.pinPolicy = policy;
    const bool readOnlyChanged = settings.readOnly && *settings.readOnly != channel.readOnly;
    if (settings.readOnly)
        channel.readOnly = *settings.readOnly;

    if (!m_db.begin())
        return Wire::Error::internal();
    if (!m_channels.updateSettings(channel))
        return rollbackChange(m_db);
    if (readOnlyChanged
        && !ModerationStore(m_db).audit({ 0, nowMs(), userId,
            channel.readOnly ? QString(Wire::Audit::ChannelReadOnly) : QString(Wire::Audit::ChannelWritable),
            QString(Wire::Audit::Target::Channel), channelId, channelId, {}, {} }))
        return rollbackChange(m_db);
    const auto stored = m_channels.byId(channelId);
    // The frame is shared by all members, so it carries the channel without the per-member fields' values.
    const auto event
        = m_events.append(Wire::ChannelUpdated { channelId, 0, m_views.channel(*stored, nullptr, userId) });
    if (!event || !m_db.commit())
        return rollbackChange(m_db);
    m_events.publish(*event);
    return m_views.channel(*stored, &access.value().member, userId);
}

} // namespace Natter::Server
