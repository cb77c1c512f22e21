#include "eventlog.h"
#include "channelstore.h"
#include "hub.h"
#include "logging.h"
#include "messagestore.h"
#include "views.h"

#include <jsonwriter.h>
#include <snowflake.h>

namespace {
const QString NewMessageType = QStringLiteral("message.new");
}

EventLog::EventLog(ChannelStore &channels, MessageStore &messages, const Views &views, Hub &hub)
    : m_channels(channels)
    , m_messages(messages)
    , m_views(views)
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

QByteArray EventLog::newMessageFrame(qint64 channelId, qint64 seq, const QByteArray &json)
{
    JsonWriter w;
    w.beginObject().key("type").value(NewMessageType).key("message").raw(json);
    w.key("channelId").idString(channelId).key("seq").value(seq).endObject();
    return w.take();
}

std::optional<EventLog::Event> EventLog::appendNewMessage(
    qint64 channelId, qint64 seq, qint64 messageId, const QByteArray &json)
{
    if (!m_channels.appendEvent(channelId, seq, NewMessageType, QByteArray(""), messageId))
        return std::nullopt;
    return Event { channelId, seq, newMessageFrame(channelId, seq, json) };
}

void EventLog::publish(const Event &event, qint64 exceptUser)
{
    m_hub.publishToChannel(event.channelId, event.frame, exceptUser);
}

QList<QByteArray> EventLog::replay(qint64 channelId, qint64 afterSeq, qint64 upToSeq, int limit)
{
    QList<QByteArray> frames;
    for (auto &stored : m_channels.eventsAfter(channelId, afterSeq, upToSeq, limit)) {
        if (!stored.payload.isEmpty() || !stored.messageId) {
            frames.append(std::move(stored.payload));
            continue;
        }
        const auto message = m_messages.byId(stored.messageId);
        if (!message) {
            // Messages are never removed, only marked deleted; a missing one means a damaged store.
            qCWarning(lcStore) << "event" << channelId << stored.seq << "names missing message"
                               << stored.messageId;
            continue;
        }
        frames.append(
            newMessageFrame(channelId, stored.seq, m_views.newMessageJson(*message, !message->deletedAt)));
    }
    return frames;
}
