#include "services/pinservice.h"
#include "services/channelservice.h"
#include "services/eventlog.h"
#include "services/messagetarget.h"
#include "services/views.h"
#include "store/database.h"
#include "store/messagestore.h"
#include "store/pinstore.h"

#include <common/isotime.h>
#include <common/snowflake.h>

#include <common/protocol/keys.h>
#include <common/jsonwriter.h>

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

Result<Wire::PinAck> PinService::pin(qint64 userId, qint64 messageId, bool pinned)
{
    const auto t = messageTarget(m_messages, m_access, userId, messageId);
    if (!t.ok())
        return t.error();
    const MessageRecord &m = t.value().message;
    if (t.value().channel.pinPolicy == u"admins" && !t.value().member.canManage())
        return Wire::Error::forbidden(u"only owners and admins may pin in this channel"_qs);

    if (!m_db.begin())
        return Wire::Error::internal();
    const bool changed
        = pinned ? m_pins.pin(m.channelId, m.id, userId, nowMs()) : m_pins.unpin(m.channelId, m.id);
    std::optional<EventLog::Event> event;
    if (changed) {
        event = m_events.append(Wire::PinChanged { pinned, m.channelId, 0, m.id, userId });
        if (!event)
            return rollbackChange(m_db);
    }
    if (!m_db.commit())
        return rollbackChange(m_db);
    if (event)
        m_events.publish(*event);
    return Wire::PinAck { changed, pinned };
}

Result<QByteArray> PinService::pins(qint64 userId, qint64 channelId)
{
    const auto access = m_access.access(userId, channelId);
    if (!access.ok())
        return access.error();
    QList<MessageRecord> pinned;
    for (qint64 id : m_pins.pinned(channelId, MaxPinsListed))
        if (const auto m = m_messages.byId(id))
            pinned.append(*m);
    // {messages} (Wire::HistoryPage without hasMore), the messages written once each.
    JsonWriter w;
    w.beginObject().key(Wire::Key::Messages).raw(m_views.messagesJson(pinned, userId)).endObject();
    return w.take();
}

} // namespace Natter::Server
