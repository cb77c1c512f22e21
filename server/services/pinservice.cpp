#include "services/pinservice.h"
#include "services/channelservice.h"
#include "services/eventlog.h"
#include "services/messagetarget.h"
#include "services/views.h"
#include "store/database.h"
#include "store/messagestore.h"
#include "store/pinstore.h"

#include <isotime.h>
#include <snowflake.h>

#include <QJsonArray>

namespace Natter::Server {

namespace {
constexpr int MaxPinsListed = 100;
}

PinService::PinService(
    Database &db, ChannelService &access, MessageStore &messages, PinStore &pins, EventLog &events, Views &views)
    : m_db(db)
    , m_access(access)
    , m_messages(messages)
    , m_pins(pins)
    , m_events(events)
    , m_views(views)
{
}

Result<QJsonObject> PinService::pin(qint64 userId, qint64 messageId, bool pinned)
{
    const auto t = messageTarget(m_messages, m_access, userId, messageId);
    if (!t.ok())
        return t.error();
    const MessageRecord &m = t.value().message;
    if (t.value().channel.pinPolicy == u"admins" && !t.value().member.canManage())
        return ApiError::forbidden(u"only owners and admins may pin in this channel"_qs);

    if (!m_db.begin())
        return ApiError::internal();
    const bool changed
        = pinned ? m_pins.pin(m.channelId, m.id, userId, nowMs()) : m_pins.unpin(m.channelId, m.id);
    std::optional<EventLog::Event> event;
    if (changed) {
        event = m_events.append(m.channelId, pinned ? u"message.pinned"_qs : u"message.unpinned"_qs,
            { { u"messageId"_qs, idToString(m.id) }, { u"userId"_qs, idToString(userId) } });
        if (!event)
            return rollbackChange(m_db);
    }
    if (!m_db.commit())
        return rollbackChange(m_db);
    if (event)
        m_events.publish(*event);
    return QJsonObject { { u"changed"_qs, changed }, { u"pinned"_qs, pinned } };
}

Result<QJsonObject> PinService::pins(qint64 userId, qint64 channelId)
{
    const auto access = m_access.access(userId, channelId);
    if (!access.ok())
        return access.error();
    QJsonArray list;
    for (qint64 id : m_pins.pinned(channelId, MaxPinsListed))
        if (const auto m = m_messages.byId(id))
            list.append(m_views.message(*m, userId));
    return QJsonObject { { u"messages"_qs, list } };
}

} // namespace Natter::Server
