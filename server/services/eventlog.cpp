#include "services/eventlog.h"
#include "store/channelstore.h"
#include "gateway/hub.h"
#include "logging.h"
#include "store/messagestore.h"
#include "services/views.h"


namespace Natter::Server {

namespace {
QString typeName(Wire::FrameType type)
{
    return Wire::frameTypeName(type).toString();
}
} // namespace

EventLog::EventLog(ChannelStore &channels, MessageStore &messages, const Views &views, Hub &hub)
    : m_channels(channels)
    , m_messages(messages)
    , m_views(views)
    , m_hub(hub)
{
}

qint64 EventLog::takeSeq(qint64 channelId, qint64 seq)
{
    return seq ? seq : m_channels.nextSeq(channelId);
}

std::optional<EventLog::Event> EventLog::store(qint64 channelId, qint64 seq, Wire::FrameType type, QByteArray frame)
{
    const bool membership = type == Wire::FrameType::MemberJoined || type == Wire::FrameType::MemberLeft
        || type == Wire::FrameType::ChannelUpdated;
    Event event { channelId, seq, std::move(frame), membership };
    if (!m_channels.appendEvent(channelId, seq, typeName(type), event.frame))
        return std::nullopt;
    m_rendered.clear();
    m_renderedBytes = 0;
    return event;
}

std::optional<EventLog::Event> EventLog::appendMessageUpdated(qint64 channelId, const QByteArray &messageJson)
{
    const qint64 seq = takeSeq(channelId, 0);
    if (seq == 0)
        return std::nullopt;
    return store(channelId, seq, Wire::FrameType::MessageUpdated,
        Wire::MessageEvent::encode(Wire::FrameType::MessageUpdated, channelId, seq, messageJson));
}

std::optional<EventLog::Event> EventLog::appendNewMessage(
    qint64 channelId, qint64 seq, qint64 messageId, bool isReply, const QByteArray &json)
{
    if (isReply
        && !m_channels.appendEvent(channelId, seq, typeName(Wire::FrameType::MessageNew), QByteArray(""), messageId))
        return std::nullopt;
    return Event { channelId, seq, Wire::MessageEvent::encode(Wire::FrameType::MessageNew, channelId, seq, json) };
}

qsizetype EventLog::publish(const Event &event, qint64 exceptUser)
{
    return m_hub.publishEvent(event.channelId, event.seq, event.frame, exceptUser, event.membership);
}

std::optional<QList<QByteArray>> EventLog::replay(
    qint64 channelId, qint64 afterSeq, qint64 upToSeq, int limit, qint64 maxBytes)
{
    if (afterSeq >= upToSeq)
        return QList<QByteArray>();
    // Two sources in seq order: the log (every event but top-level messages) and the top-level messages.
    const QList<ChannelStore::StoredEvent> logged
        = m_channels.eventsAfter(channelId, afterSeq, upToSeq, limit);
    const QList<std::pair<qint64, qint64>> messages = m_messages.topLevelSeqs(channelId, afterSeq, upToSeq);
    QList<QByteArray> frames;
    qint64 bytes = 0;
    qsizetype l = 0, m = 0;
    while (frames.size() < limit && (l < logged.size() || m < messages.size())) {
        std::optional<QByteArray> frame;
        if (m == messages.size() || (l < logged.size() && logged.at(l).seq < messages.at(m).first)) {
            const auto &stored = logged.at(l++);
            frame = !stored.payload.isEmpty() || !stored.messageId
                ? stored.payload
                : renderNewMessage(channelId, stored.seq, stored.messageId);
        } else {
            const auto &[seq, messageId] = messages.at(m++);
            frame = renderNewMessage(channelId, seq, messageId);
        }
        if (!frame)
            return std::nullopt;
        bytes += frame->size();
        if (bytes > maxBytes)
            return std::nullopt;
        frames.append(std::move(*frame));
    }
    return frames;
}

std::optional<QByteArray> EventLog::renderNewMessage(qint64 channelId, qint64 seq, qint64 messageId)
{
    // Bounded in bytes (a message's frame can be tens of KB) and skipping large frames, which a crowd is
    // unlikely to share anyway.
    constexpr qsizetype MaxRenderedBytes = 8 * 1024 * 1024;
    constexpr qsizetype MaxCachedFrame = 4096;
    if (const auto it = m_rendered.constFind({ channelId, seq }); it != m_rendered.constEnd())
        return *it;
    const auto message = m_messages.byId(messageId);
    if (!message) {
        // Messages are never removed, only marked deleted; a missing one means a damaged store.
        qCWarning(lcStore) << "event" << channelId << seq << "names missing message" << messageId;
        return std::nullopt;
    }
    QByteArray frame = Wire::MessageEvent::encode(
        Wire::FrameType::MessageNew, channelId, seq, m_views.newMessageJson(*message, !message->deletedAt));
    if (frame.size() > MaxCachedFrame)
        return frame;
    if (m_renderedBytes + frame.size() > MaxRenderedBytes) {
        m_rendered.clear();
        m_renderedBytes = 0;
    }
    m_renderedBytes += frame.size();
    return *m_rendered.insert({ channelId, seq }, std::move(frame));
}

} // namespace Natter::Server
