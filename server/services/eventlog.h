#pragma once

#include <common/protocol/events.h>
#include <common/protocol/frame.h>

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace Natter::Server {

class ChannelStore;
class Hub;
class MessageStore;
class Views;

// The per-channel event log that `sync` replays. append() runs inside the caller's transaction and gives the
// event the channel's next seq; publish() runs only after that transaction committed.
class EventLog
{
public:
    struct Event
    {
        qint64 channelId = 0;
        qint64 seq = 0;
        QByteArray frame;
        // Changes who receives the channel's events (member.joined/left, channel.updated): other instances
        // drop their cached member lists before delivering it.
        bool membership = false;
    };

    EventLog(ChannelStore &channels, MessageStore &messages, const Views &views, Hub &hub);

    // A channel event (Wire::MessageDeleted, ReactionChanged, PinChanged, MemberChanged, ChannelUpdated …)
    // for EVENT.channelId. EVENT.seq is the seq already taken with ChannelStore::nextSeq() for this event, or 0
    // to take the next one here; it is filled in either way.
    template<class E> std::optional<Event> append(E event)
    {
        event.seq = takeSeq(event.channelId.value(), event.seq);
        if (event.seq == 0)
            return std::nullopt;
        return store(event.channelId.value(), event.seq, event.frameType(), Wire::encodeFrame(event));
    }
    // message.updated of a message whose JSON is already written (Views::messageJson()).
    std::optional<Event> appendMessageUpdated(qint64 channelId, const QByteArray &messageJson);
    // The message.new of message MESSAGEID, whose JSON the send path has already written. A top-level message
    // is its own record (replay() finds it by seq in messages_channel); a reply, which that index does not
    // hold, stores its id in the log. Either way replay() writes the frame again from the message.
    std::optional<Event> appendNewMessage(
        qint64 channelId, qint64 seq, qint64 messageId, bool isReply, const QByteArray &json);
    // Returns how many connections the frame was handed to.
    qsizetype publish(const Event &event, qint64 exceptUser = 0);

    // The frames of CHANNELID's events with seqs in (AFTERSEQ, UPTOSEQ], at most LIMIT, in seq order. A
    // message.new is written from the message as it is now (edited or deleted since, perhaps): the events
    // that changed it follow it in the replay, and each carries the whole message again.
    // Nothing (the caller answers `reset`) when the frames would pass MAXBYTES in all, which also bounds the
    // work one `sync` can ask for, or when a logged message is missing.
    std::optional<QList<QByteArray>> replay(
        qint64 channelId, qint64 afterSeq, qint64 upToSeq, int limit, qint64 maxBytes);

private:
    qint64 takeSeq(qint64 channelId, qint64 seq);
    std::optional<Event> store(qint64 channelId, qint64 seq, Wire::FrameType type, QByteArray frame);
    std::optional<QByteArray> renderNewMessage(qint64 channelId, qint64 seq, qint64 messageId);

    // Rendered message.new frames by (channel, seq): a reconnecting crowd replays the same messages once per
    // member. Any other event appended (every change to a message is one) empties it, so it never serves a
    // message older than the log; it is also emptied when it passes 8 MB.
    QHash<std::pair<qint64, qint64>, QByteArray> m_rendered;
    qsizetype m_renderedBytes = 0;
    ChannelStore &m_channels;
    MessageStore &m_messages;
    const Views &m_views;
    Hub &m_hub;
};

} // namespace Natter::Server
