#include "eventlog.h"
#include "channelstore.h"
#include "hub.h"
#include "views.h"

#include <jsonwriter.h>
#include <snowflake.h>

EventLog::EventLog(ChannelStore &channels, Hub &hub)
    : m_channels(channels)
    , m_hub(hub)
{
}

std::optional<EventLog::Event> EventLog::append(
    qint64 channelId, const QString &type, QJsonObject fields, qint64 seq)
{
    if (seq == 0)
        seq = m_channels.nextSeq(channelId);
    if (seq == 0)
        return std::nullopt;
    fields.insert(u"channelId"_qs, idToString(channelId));
    fields.insert(u"seq"_qs, seq);
    Event event { channelId, seq, frameText(type, std::move(fields)) };
    if (!m_channels.appendEvent(channelId, seq, type, event.frame))
        return std::nullopt;
    return event;
}

std::optional<EventLog::Event> EventLog::appendJson(
    qint64 channelId, const QString &type, const char *key, const QByteArray &json, qint64 seq)
{
    JsonWriter w;
    w.beginObject().key("type").value(type).key(key).raw(json);
    w.key("channelId").value(idToString(channelId)).key("seq").value(seq).endObject();
    Event event { channelId, seq, w.take() };
    if (!m_channels.appendEvent(channelId, seq, type, event.frame))
        return std::nullopt;
    return event;
}

void EventLog::publish(const Event &event, qint64 exceptUser)
{
    m_hub.publishToChannel(event.channelId, event.frame, exceptUser);
}
