#include "events.h"
#include "codec.h"
#include "keys.h"

#include "../protocollimits.h"

namespace Natter::Wire {

namespace {
    constexpr qint64 MaxSeq = std::numeric_limits<qint64>::max() / 2;

    qint64 readSeq(JsonReader &r)
    {
        return r.integer(Key::Seq, 1, MaxSeq);
    }

    void writeChannelAndSeq(JsonWriter &w, Id channelId, qint64 seq)
    {
        w.key(Key::ChannelId).idString(channelId.value()).key(Key::Seq).value(seq);
    }
} // namespace

Ready Ready::readFields(JsonReader &r)
{
    Ready x;
    x.sessionId = r.string(Key::SessionId, 1, 256);
    x.user = readObject<User>(r, Key::User);
    x.heartbeatMs = int(r.integer(Key::HeartbeatMs, 1, 24 * 3600 * 1000));
    x.channels = readList<Channel>(r, Key::Channels, MaxWireListItems);
    return x;
}

void Ready::writeFields(JsonWriter &w) const
{
    w.key(Key::SessionId).value(sessionId);
    user.write(w.key(Key::User));
    w.key(Key::HeartbeatMs).value(qint64(heartbeatMs));
    writeList(w.key(Key::Channels), channels);
}

Pong Pong::readFields(JsonReader &)
{
    return {};
}

void Pong::writeFields(JsonWriter &) const { }

ErrorFrame ErrorFrame::readFields(JsonReader &r)
{
    return { readObject<Error>(r, Key::Error) };
}

void ErrorFrame::writeFields(JsonWriter &w) const
{
    error.write(w.key(Key::Error));
}

Ack Ack::readFields(JsonReader &)
{
    return {};
}

void Ack::writeFields(JsonWriter &) const { }

MessageAck MessageAck::readFields(JsonReader &r)
{
    return { readObject<Message>(r, Key::Message) };
}

void MessageAck::writeFields(JsonWriter &w) const
{
    message.write(w.key(Key::Message));
}

QByteArray MessageAck::encode(const QString &reqId, const QByteArray &messageJson)
{
    JsonWriter w;
    w.beginObject().key(Key::Type).value(frameTypeName(FrameType::Ack));
    if (!reqId.isEmpty())
        w.key(Key::ReqId).value(reqId);
    w.key(Key::Message).raw(messageJson).endObject();
    return w.take();
}

SyncAck SyncAck::readFields(JsonReader &r)
{
    SyncAck x;
    const QJsonObject channels = r.object(Key::Channels);
    for (auto it = channels.begin(); r.ok() && it != channels.end(); ++it) {
        Result result;
        result.channelId = Id::fromString(it.key());
        if (!result.channelId.isValid() || !it.value().isObject()) {
            r.fail(QStringLiteral("sync ack channels must map channel ids to results"));
            break;
        }
        JsonReader inner(it.value().toObject());
        result.lastSeq = inner.integer(Key::LastSeq, 0, MaxSeq);
        result.reset = inner.boolean(Key::Reset);
        result.error = readOptionalObject<Error>(inner, Key::Error);
        if (!inner.ok())
            r.fail(it.key() + QStringLiteral(": ") + inner.error());
        x.channels.append(result);
    }
    return x;
}

void SyncAck::writeFields(JsonWriter &w) const
{
    w.key(Key::Channels).beginObject();
    for (const Result &c : channels) {
        w.key(c.channelId.toUtf8().constData()).beginObject();
        w.key(Key::LastSeq).value(c.lastSeq).key(Key::Reset).value(c.reset);
        if (c.error)
            c.error->write(w.key(Key::Error));
        w.endObject();
    }
    w.endObject();
}

ReadMarkAck ReadMarkAck::readFields(JsonReader &r)
{
    return { r.boolean(Key::Moved) };
}

void ReadMarkAck::writeFields(JsonWriter &w) const
{
    w.key(Key::Moved).value(moved);
}

ReactionAck ReactionAck::readFields(JsonReader &r)
{
    ReactionAck x;
    x.changed = r.boolean(Key::Changed);
    x.reactions = readList<Reaction>(r, Key::Reactions, MaxWireListItems);
    return x;
}

void ReactionAck::writeFields(JsonWriter &w) const
{
    w.key(Key::Changed).value(changed);
    writeList(w.key(Key::Reactions), reactions);
}

PinAck PinAck::readFields(JsonReader &r)
{
    PinAck x;
    x.changed = r.boolean(Key::Changed);
    x.pinned = r.boolean(Key::Pinned);
    return x;
}

void PinAck::writeFields(JsonWriter &w) const
{
    w.key(Key::Changed).value(changed).key(Key::Pinned).value(pinned);
}

PresenceAck PresenceAck::readFields(JsonReader &r)
{
    return { int(r.integer(Key::Count, 0, Limits::MaxPresenceSubscriptions)) };
}

void PresenceAck::writeFields(JsonWriter &w) const
{
    w.key(Key::Count).value(qint64(count));
}

MessageEvent MessageEvent::readFields(JsonReader &r)
{
    MessageEvent x;
    x.channelId = r.id(Key::ChannelId);
    x.seq = readSeq(r);
    x.message = readObject<Message>(r, Key::Message);
    if (r.ok() && x.message.channelId != x.channelId)
        r.fail(QStringLiteral("message: channelId differs from the event's"));
    return x;
}

void MessageEvent::writeFields(JsonWriter &w) const
{
    writeChannelAndSeq(w, channelId, seq);
    message.write(w.key(Key::Message));
}

QByteArray MessageEvent::encode(FrameType type, Id channelId, qint64 seq, const QByteArray &messageJson)
{
    JsonWriter w;
    w.beginObject().key(Key::Type).value(frameTypeName(type));
    writeChannelAndSeq(w, channelId, seq);
    w.key(Key::Message).raw(messageJson).endObject();
    return w.take();
}

MessageDeleted MessageDeleted::readFields(JsonReader &r)
{
    MessageDeleted x;
    x.channelId = r.id(Key::ChannelId);
    x.seq = readSeq(r);
    x.messageId = r.id(Key::MessageId);
    return x;
}

void MessageDeleted::writeFields(JsonWriter &w) const
{
    writeChannelAndSeq(w, channelId, seq);
    w.key(Key::MessageId).idString(messageId.value());
}

ReactionChanged ReactionChanged::readFields(JsonReader &r)
{
    ReactionChanged x;
    x.channelId = r.id(Key::ChannelId);
    x.seq = readSeq(r);
    x.messageId = r.id(Key::MessageId);
    x.emoji = r.string(Key::Emoji, 1, Limits::MaxEmojiBytes);
    x.userId = r.id(Key::UserId);
    return x;
}

void ReactionChanged::writeFields(JsonWriter &w) const
{
    writeChannelAndSeq(w, channelId, seq);
    w.key(Key::MessageId).idString(messageId.value());
    w.key(Key::Emoji).value(emoji);
    w.key(Key::UserId).idString(userId.value());
}

PinChanged PinChanged::readFields(JsonReader &r)
{
    PinChanged x;
    x.channelId = r.id(Key::ChannelId);
    x.seq = readSeq(r);
    x.messageId = r.id(Key::MessageId);
    x.userId = r.id(Key::UserId);
    return x;
}

void PinChanged::writeFields(JsonWriter &w) const
{
    writeChannelAndSeq(w, channelId, seq);
    w.key(Key::MessageId).idString(messageId.value());
    w.key(Key::UserId).idString(userId.value());
}

MemberChanged MemberChanged::readFields(JsonReader &r)
{
    MemberChanged x;
    x.channelId = r.id(Key::ChannelId);
    x.seq = readSeq(r);
    x.user = readObject<User>(r, Key::User);
    return x;
}

void MemberChanged::writeFields(JsonWriter &w) const
{
    writeChannelAndSeq(w, channelId, seq);
    user.write(w.key(Key::User));
}

ChannelUpdated ChannelUpdated::readFields(JsonReader &r)
{
    ChannelUpdated x;
    x.channelId = r.id(Key::ChannelId);
    x.seq = readSeq(r);
    x.channel = readObject<Channel>(r, Key::Channel);
    return x;
}

void ChannelUpdated::writeFields(JsonWriter &w) const
{
    writeChannelAndSeq(w, channelId, seq);
    channel.write(w.key(Key::Channel));
}

TypingEvent TypingEvent::readFields(JsonReader &r)
{
    TypingEvent x;
    x.channelId = r.id(Key::ChannelId);
    x.userId = r.id(Key::UserId);
    x.typing = r.boolean(Key::Typing);
    return x;
}

void TypingEvent::writeFields(JsonWriter &w) const
{
    w.key(Key::ChannelId).idString(channelId.value());
    w.key(Key::UserId).idString(userId.value());
    w.key(Key::Typing).value(typing);
}

ReadState ReadState::readFields(JsonReader &r)
{
    ReadState x;
    x.channelId = r.id(Key::ChannelId);
    x.userId = r.id(Key::UserId);
    x.messageId = r.id(Key::MessageId);
    return x;
}

void ReadState::writeFields(JsonWriter &w) const
{
    w.key(Key::ChannelId).idString(channelId.value());
    w.key(Key::UserId).idString(userId.value());
    w.key(Key::MessageId).idString(messageId.value());
}

PresenceEvent PresenceEvent::readFields(JsonReader &r)
{
    PresenceEvent x;
    x.userId = r.id(Key::UserId);
    x.online = r.boolean(Key::Online);
    x.lastSeen = r.optionalTime(Key::LastSeen);
    return x;
}

void PresenceEvent::writeFields(JsonWriter &w) const
{
    w.key(Key::UserId).idString(userId.value());
    w.key(Key::Online).value(online);
    writeTime(w.key(Key::LastSeen), lastSeen);
}

ChannelAdded ChannelAdded::readFields(JsonReader &r)
{
    return { readObject<Channel>(r, Key::Channel) };
}

void ChannelAdded::writeFields(JsonWriter &w) const
{
    channel.write(w.key(Key::Channel));
}

ChannelRemoved ChannelRemoved::readFields(JsonReader &r)
{
    return { r.id(Key::ChannelId) };
}

void ChannelRemoved::writeFields(JsonWriter &w) const
{
    w.key(Key::ChannelId).idString(channelId.value());
}

ReportsCount ReportsCount::readFields(JsonReader &r)
{
    return { r.integer(Key::Open, 0, std::numeric_limits<qint64>::max() / 2) };
}

void ReportsCount::writeFields(JsonWriter &w) const
{
    w.key(Key::Open).value(open);
}

ReportResolved ReportResolved::readFields(JsonReader &r)
{
    ReportResolved e;
    e.reportId = r.id(Key::ReportId);
    e.messageId = r.id(Key::MessageId);
    e.outcome = r.choice(Key::Outcome, { u"dismissed"_s, u"deleted"_s, u"muted"_s, u"deactivated"_s }, QString());
    if (r.ok() && e.outcome.isEmpty())
        r.fail(u"missing field 'outcome'"_s);
    return e;
}

void ReportResolved::writeFields(JsonWriter &w) const
{
    w.key(Key::ReportId).idString(reportId.value());
    w.key(Key::MessageId).idString(messageId.value());
    w.key(Key::Outcome).value(outcome);
}

MemberUpdated MemberUpdated::readFields(JsonReader &r)
{
    MemberUpdated e;
    e.channelId = r.id(Key::ChannelId);
    e.userId = r.id(Key::UserId);
    e.role = readEnum(r, Key::Role, Role::Member, true);
    e.mutedUntil = r.optionalTime(Key::MutedUntil);
    return e;
}

void MemberUpdated::writeFields(JsonWriter &w) const
{
    w.key(Key::ChannelId).idString(channelId.value());
    w.key(Key::UserId).idString(userId.value());
    w.key(Key::Role).value(toName(role));
    writeTime(w.key(Key::MutedUntil), mutedUntil);
}

void setFrameType(MessageEvent &event, FrameType type)
{
    event.updated = type == FrameType::MessageUpdated;
}

void setFrameType(ReactionChanged &event, FrameType type)
{
    event.added = type == FrameType::ReactionAdded;
}

void setFrameType(PinChanged &event, FrameType type)
{
    event.pinned = type == FrameType::MessagePinned;
}

void setFrameType(MemberChanged &event, FrameType type)
{
    event.joined = type == FrameType::MemberJoined;
}

} // namespace Natter::Wire
