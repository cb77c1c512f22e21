#include "services/viewencoder.h"

#include <isotime.h>
#include <jsonwriter.h>
#include <snowflake.h>

#include <QJsonDocument>

namespace Natter::Server {

namespace {
QJsonValue idOrNull(qint64 id)
{
    return id ? QJsonValue(idToString(id)) : QJsonValue(QJsonValue::Null);
}
} // namespace

namespace ViewEncoder {

QJsonObject user(const UserRecord &u, bool online)
{
    return { { u"id"_qs, idToString(u.id) }, { u"username"_qs, u.username },
        { u"displayName"_qs, u.displayName }, { u"online"_qs, online },
        { u"lastSeen"_qs, isoTimeOrNull(u.lastSeen) } };
}

QJsonObject unknownUser(qint64 userId)
{
    return { { u"id"_qs, idToString(userId) } };
}

QJsonObject author(qint64 userId, const std::optional<UserRecord> &u)
{
    return { { u"id"_qs, idToString(userId) }, { u"username"_qs, u ? u->username : QString() },
        { u"displayName"_qs, u ? u->displayName : QString() } };
}

QJsonObject channel(const ChannelRecord &c, const QString &name, const MemberRecord *viewer)
{
    const bool member = viewer && viewer->isValid();
    return { { u"id"_qs, idToString(c.id) }, { u"type"_qs, c.type }, { u"name"_qs, name },
        { u"topic"_qs, c.topic }, { u"visibility"_qs, c.visibility },
        { u"createdBy"_qs, idToString(c.createdBy) }, { u"createdAt"_qs, isoTime(c.createdAt) },
        { u"memberCount"_qs, c.memberCount }, { u"lastMessageAt"_qs, isoTimeOrNull(c.lastMessageAt) },
        { u"lastSeq"_qs, c.lastSeq },
        { u"unreadCount"_qs, member ? qMax<qint64>(0, c.messageCount - viewer->readOrdinal) : 0 },
        { u"mentionCount"_qs, member ? viewer->mentionCount : 0 },
        { u"lastReadMessageId"_qs, member ? idOrNull(viewer->lastReadMessageId) : QJsonValue() },
        { u"role"_qs, member ? QJsonValue(viewer->role) : QJsonValue() }, { u"pinPolicy"_qs, c.pinPolicy } };
}

QByteArray message(const MessageRecord &m, const std::optional<UserRecord> &author,
    const QJsonArray &attachments, const QJsonArray &reactions)
{
    const bool deleted = m.deletedAt != 0;
    const auto writeId
        = [](JsonWriter &w, qint64 id) -> JsonWriter & { return id ? w.idString(id) : w.null(); };
    const auto timeOrNull = [](JsonWriter &w, qint64 ms) -> JsonWriter & {
        return ms > 0 ? w.raw('"' + isoTimeUtf8(ms) + '"') : w.null();
    };
    const auto array = [](JsonWriter &w, const QJsonArray &items) -> JsonWriter & {
        return items.isEmpty() ? w.beginArray().endArray()
                               : w.raw(QJsonDocument(items).toJson(QJsonDocument::Compact));
    };
    JsonWriter w;
    w.beginObject();
    w.key("id").idString(m.id).key("channelId").idString(m.channelId);
    w.key("seq").value(m.seq).key("clientMsgId").value(m.clientMsgId);
    w.key("author").beginObject().key("id").idString(m.authorId);
    w.key("username").value(author ? author->username : QString());
    w.key("displayName").value(author ? author->displayName : QString()).endObject();
    w.key("text").value(deleted ? QString() : m.text);
    writeId(w.key("parentId"), m.parentId);
    w.key("replyCount").value(qint64(m.replyCount));
    array(w.key("attachments"), attachments);
    array(w.key("reactions"), reactions);
    // Stored as the compact JSON the server wrote; anything else is dropped rather than passed on.
    w.key("preview");
    const QJsonDocument preview
        = deleted || m.previewJson.isEmpty() ? QJsonDocument() : QJsonDocument::fromJson(m.previewJson);
    if (preview.isObject())
        w.raw(m.previewJson);
    else
        w.null();
    w.key("mentions").beginArray();
    if (!deleted)
        for (qint64 id : m.mentions)
            w.idString(id);
    w.endArray();
    w.key("createdAt").raw('"' + isoTimeUtf8(m.createdAt) + '"');
    timeOrNull(w.key("editedAt"), m.editedAt);
    timeOrNull(w.key("deletedAt"), m.deletedAt);
    w.endObject();
    return w.take();
}

} // namespace ViewEncoder

QByteArray frameText(const QString &type, QJsonObject fields)
{
    fields.insert(u"type"_qs, type);
    return QJsonDocument(fields).toJson(QJsonDocument::Compact);
}

} // namespace Natter::Server
