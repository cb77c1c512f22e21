#include "message.h"
#include "codec.h"
#include "keys.h"

#include "../protocollimits.h"

namespace Natter::Wire {

Message Message::read(JsonReader &r)
{
    Message m;
    m.id = r.id(Key::Id);
    m.channelId = r.id(Key::ChannelId);
    m.seq = r.integer(Key::Seq, 0, std::numeric_limits<qint64>::max() / 2);
    m.clientMsgId = r.nullableString(Key::ClientMsgId, Limits::MaxClientMsgIdChars);
    m.author = readObject<Author>(r, Key::Author);
    m.text = r.string(Key::Text, 0, MaxWireChars);
    m.parentId = r.optionalId(Key::ParentId).value_or(0);
    m.replyCount = int(r.optionalInteger(Key::ReplyCount, 0, std::numeric_limits<int>::max()).value_or(0));
    if (r.source().contains(Key::Attachments))
        m.attachments = readList<Attachment>(r, Key::Attachments, Limits::MaxAttachmentsPerMessage * 10);
    if (r.source().contains(Key::Reactions))
        m.reactions = readList<Reaction>(r, Key::Reactions, MaxWireListItems);
    m.preview = readOptionalObject<LinkPreview>(r, Key::Preview);
    for (qint64 id : r.idList(Key::Mentions, MaxWireListItems, false))
        m.mentions.append(id);
    m.createdAt = r.time(Key::CreatedAt);
    m.editedAt = r.optionalTime(Key::EditedAt);
    m.deletedAt = r.optionalTime(Key::DeletedAt);
    return m;
}

void Message::write(JsonWriter &w) const
{
    writeFields(w, nullptr);
}

void Message::write(JsonWriter &w, const QByteArray &previewJson) const
{
    writeFields(w, &previewJson);
}

// The one place a message's JSON shape is written. It runs once per sent message on the server's hot path, so
// it appends straight into the writer.
void Message::writeFields(JsonWriter &w, const QByteArray *previewJson) const
{
    const bool deleted = isDeleted();
    w.beginObject();
    w.key(Key::Id).idString(id.value()).key(Key::ChannelId).idString(channelId.value());
    w.key(Key::Seq).value(seq).key(Key::ClientMsgId).value(clientMsgId);
    author.write(w.key(Key::Author));
    w.key(Key::Text).value(deleted ? QString() : text);
    writeId(w.key(Key::ParentId), parentId.value());
    w.key(Key::ReplyCount).value(qint64(replyCount));
    writeList(w.key(Key::Attachments), deleted ? QList<Attachment>() : attachments);
    writeList(w.key(Key::Reactions), deleted ? QList<Reaction>() : reactions);
    w.key(Key::Preview);
    if (deleted)
        w.null();
    else if (previewJson)
        previewJson->isEmpty() ? w.null() : w.raw(*previewJson);
    else if (preview)
        preview->write(w);
    else
        w.null();
    w.key(Key::Mentions).beginArray();
    if (!deleted)
        for (Id mention : mentions)
            w.idString(mention.value());
    w.endArray();
    w.key(Key::CreatedAt).raw('"' + isoTimeUtf8(createdAt) + '"');
    writeTime(w.key(Key::EditedAt), editedAt);
    writeTime(w.key(Key::DeletedAt), deletedAt);
    w.endObject();
}

} // namespace Natter::Wire
