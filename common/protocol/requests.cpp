#include "requests.h"
#include "codec.h"
#include "keys.h"
#include "reaction.h"

#include "../protocollimits.h"

#include <cmath>

namespace Natter::Wire {

namespace {
    QList<Id> ids(const QList<qint64> &values)
    {
        QList<Id> out;
        out.reserve(values.size());
        for (qint64 v : values)
            out.append(v);
        return out;
    }

    void writeIds(JsonWriter &w, const QList<Id> &values)
    {
        w.beginArray();
        for (Id id : values)
            w.idString(id.value());
        w.endArray();
    }
} // namespace

Ping Ping::readFields(JsonReader &)
{
    return {};
}

void Ping::writeFields(JsonWriter &) const { }

SendMessage SendMessage::readFields(JsonReader &r)
{
    const Id channelId = r.id(Key::ChannelId);
    SendMessage m = readBody(r);
    m.channelId = channelId;
    return m;
}

SendMessage SendMessage::readBody(JsonReader &r)
{
    SendMessage m;
    m.clientMsgId = r.string(Key::ClientMsgId, 1, Limits::MaxClientMsgIdChars);
    m.text = r.string(Key::Text, 0, Limits::MaxTextChars);
    m.parentId = r.optionalId(Key::ParentId).value_or(0);
    m.attachmentIds = ids(r.idList(Key::AttachmentIds, Limits::MaxAttachmentsPerMessage, false));
    // A message needs words or files; whether this server takes files is the server's to say.
    if (r.ok() && m.attachmentIds.isEmpty() && m.text.trimmed().isEmpty())
        r.fail(QStringLiteral("field 'text' must not be blank"));
    return m;
}

void SendMessage::writeFields(JsonWriter &w) const
{
    if (channelId.isValid())
        w.key(Key::ChannelId).idString(channelId.value());
    w.key(Key::ClientMsgId).value(clientMsgId);
    w.key(Key::Text).value(text);
    if (parentId.isValid())
        w.key(Key::ParentId).idString(parentId.value());
    if (!attachmentIds.isEmpty())
        writeIds(w.key(Key::AttachmentIds), attachmentIds);
}

EditMessage EditMessage::readFields(JsonReader &r)
{
    const Id messageId = r.id(Key::MessageId);
    EditMessage e = readBody(r);
    e.messageId = messageId;
    return e;
}

EditMessage EditMessage::readBody(JsonReader &r)
{
    // Whether an empty text is allowed depends on the message (one with attachments may lose its words): the
    // server decides that once it has found the message.
    EditMessage e;
    e.text = r.string(Key::Text, 0, Limits::MaxTextChars);
    return e;
}

void EditMessage::writeFields(JsonWriter &w) const
{
    if (messageId.isValid())
        w.key(Key::MessageId).idString(messageId.value());
    w.key(Key::Text).value(text);
}

MessageRequest MessageRequest::readFields(JsonReader &r)
{
    MessageRequest m;
    m.messageId = r.id(Key::MessageId);
    return m;
}

void MessageRequest::writeFields(JsonWriter &w) const
{
    w.key(Key::MessageId).idString(messageId.value());
}

React React::readFields(JsonReader &r)
{
    React x;
    x.messageId = r.id(Key::MessageId);
    x.emoji = r.string(Key::Emoji, 1, Limits::MaxEmojiBytes);
    if (r.ok())
        if (const QString problem = emojiProblem(x.emoji); !problem.isEmpty())
            r.fail(problem);
    return x;
}

void React::writeFields(JsonWriter &w) const
{
    w.key(Key::MessageId).idString(messageId.value());
    w.key(Key::Emoji).value(emoji);
}

TypingRequest TypingRequest::readFields(JsonReader &r)
{
    TypingRequest t;
    t.channelId = r.id(Key::ChannelId);
    return t;
}

void TypingRequest::writeFields(JsonWriter &w) const
{
    w.key(Key::ChannelId).idString(channelId.value());
}

ReadMark ReadMark::readFields(JsonReader &r)
{
    ReadMark m;
    m.channelId = r.id(Key::ChannelId);
    m.messageId = r.id(Key::MessageId);
    return m;
}

void ReadMark::writeFields(JsonWriter &w) const
{
    w.key(Key::ChannelId).idString(channelId.value());
    w.key(Key::MessageId).idString(messageId.value());
}

PresenceSubscribe PresenceSubscribe::readFields(JsonReader &r)
{
    PresenceSubscribe p;
    p.userIds = ids(r.idList(Key::UserIds, Limits::MaxPresenceSubscriptions, true));
    return p;
}

void PresenceSubscribe::writeFields(JsonWriter &w) const
{
    writeIds(w.key(Key::UserIds), userIds);
}

Sync Sync::readFields(JsonReader &r)
{
    Sync s;
    const QJsonObject channels = r.object(Key::Channels);
    if (r.ok() && channels.size() > Limits::MaxSyncChannels)
        r.fail(QStringLiteral("sync names more than %1 channels").arg(Limits::MaxSyncChannels));
    for (auto it = channels.begin(); r.ok() && it != channels.end(); ++it) {
        const Id channelId = Id::fromString(it.key());
        const double seq = it.value().toDouble(-1);
        // Converting a double outside qint64's range is undefined behaviour, so the range comes first (found
        // by fuzz_wire_server: {"5":4e78} reached the cast).
        const bool integral = std::isfinite(seq) && seq >= 0 && seq < 9.2e18 && seq == double(qint64(seq));
        if (!channelId.isValid() || !it.value().isDouble() || !integral)
            r.fail(QStringLiteral("sync.channels must map channel ids to non-negative integer seqs"));
        else
            s.channels.append({ channelId, qint64(seq) });
    }
    return r.ok() ? s : Sync();
}

void Sync::writeFields(JsonWriter &w) const
{
    w.key(Key::Channels).beginObject();
    for (const auto &[channelId, seq] : channels)
        w.key(channelId.toUtf8().constData()).value(seq);
    w.endObject();
}

void setFrameType(React &request, FrameType type)
{
    request.add = type == FrameType::ReactionAdd;
}

void setFrameType(TypingRequest &request, FrameType type)
{
    request.typing = type == FrameType::TypingStart;
}

void setFrameType(MessageRequest &request, FrameType type)
{
    request.type = type;
}

} // namespace Natter::Wire
