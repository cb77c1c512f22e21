#include "views.h"
#include "attachmentlinker.h"
#include "hub.h"
#include "reactionstore.h"
#include "userstore.h"

#include <isotime.h>
#include <jsonwriter.h>
#include <snowflake.h>

#include <QJsonArray>
#include <QJsonDocument>

namespace {
QJsonValue idOrNull(qint64 id)
{
    return id ? QJsonValue(idToString(id)) : QJsonValue(QJsonValue::Null);
}
} // namespace

Views::Views(UserStore &users, ReactionStore &reactions, const Hub &hub)
    : m_users(users)
    , m_reactions(reactions)
    , m_hub(hub)
{
}

QJsonObject Views::user(const UserRecord &u) const
{
    return { { u"id"_qs, idToString(u.id) }, { u"username"_qs, u.username },
        { u"displayName"_qs, u.displayName }, { u"online"_qs, m_hub.isOnline(u.id) },
        { u"lastSeen"_qs, isoTimeOrNull(u.lastSeen) } };
}

QJsonObject Views::user(qint64 userId) const
{
    const auto u = m_users.byId(userId);
    return u ? user(*u) : QJsonObject { { u"id"_qs, idToString(userId) } };
}

QJsonObject Views::author(qint64 userId) const
{
    const auto u = m_users.byId(userId);
    return { { u"id"_qs, idToString(userId) }, { u"username"_qs, u ? u->username : QString() },
        { u"displayName"_qs, u ? u->displayName : QString() } };
}

QJsonObject Views::channel(const ChannelRecord &c, const MemberRecord *viewer, qint64 viewerId) const
{
    QString name = c.name;
    if (c.isDirect()) {
        const auto peer = m_users.byId(c.directPeer(viewerId));
        if (peer)
            name = peer->displayName;
    }
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

QJsonObject Views::message(const MessageRecord &m, qint64 viewerId) const
{
    return QJsonDocument::fromJson(messageJson(m, viewerId)).object();
}

QByteArray Views::messageJson(const MessageRecord &m, qint64 viewerId) const
{
    const bool live = !m.deletedAt;
    return write(m, live && m_attachments ? m_attachments->attachmentsJson(m.id) : QJsonArray(),
        live ? m_reactions.summary(m.id, viewerId) : QJsonArray());
}

QByteArray Views::messagesJson(const QList<MessageRecord> &messages, qint64 viewerId) const
{
    QList<qint64> live;
    for (const auto &m : messages)
        if (!m.deletedAt)
            live.append(m.id);
    const auto attachments
        = m_attachments ? m_attachments->attachmentsJson(live) : QHash<qint64, QJsonArray>();
    const auto reactions = m_reactions.summaries(live, viewerId);
    JsonWriter w;
    w.beginArray();
    for (const auto &m : messages)
        w.raw(write(m, attachments.value(m.id), reactions.value(m.id)));
    w.endArray();
    return w.take();
}

QByteArray Views::newMessageJson(const MessageRecord &m, bool hasAttachments) const
{
    return write(m, hasAttachments && m_attachments ? m_attachments->attachmentsJson(m.id) : QJsonArray(),
        QJsonArray());
}

// The one place a message's JSON shape is written: every other form of a message is parsed from this.
QByteArray Views::write(
    const MessageRecord &m, const QJsonArray &attachments, const QJsonArray &reactions) const
{
    const bool deleted = m.deletedAt != 0;
    const auto author = m_users.byId(m.authorId);
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

QByteArray frameText(const QString &type, QJsonObject fields)
{
    fields.insert(u"type"_qs, type);
    return QJsonDocument(fields).toJson(QJsonDocument::Compact);
}
