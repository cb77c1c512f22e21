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
    const bool deleted = m.deletedAt != 0;
    return build(m, deleted || !m_attachments ? QJsonArray() : m_attachments->attachmentsJson(m.id),
        deleted ? QJsonArray() : m_reactions.summary(m.id, viewerId));
}

QJsonArray Views::messages(const QList<MessageRecord> &messages, qint64 viewerId) const
{
    QList<qint64> live;
    for (const auto &m : messages)
        if (!m.deletedAt)
            live.append(m.id);
    const auto attachments
        = m_attachments ? m_attachments->attachmentsJson(live) : QHash<qint64, QJsonArray>();
    const auto reactions = m_reactions.summaries(live, viewerId);
    QJsonArray out;
    for (const auto &m : messages)
        out.append(build(m, attachments.value(m.id), reactions.value(m.id)));
    return out;
}

QJsonObject Views::newMessage(const MessageRecord &m, bool hasAttachments) const
{
    return build(m, hasAttachments && m_attachments ? m_attachments->attachmentsJson(m.id) : QJsonArray(),
        QJsonArray());
}

QByteArray Views::newMessageJson(const MessageRecord &m, bool hasAttachments) const
{
    const auto author = m_users.byId(m.authorId);
    JsonWriter w;
    w.beginObject();
    w.key("id").value(idToString(m.id)).key("channelId").value(idToString(m.channelId));
    w.key("seq").value(m.seq).key("clientMsgId").value(m.clientMsgId);
    w.key("author").beginObject().key("id").value(idToString(m.authorId));
    w.key("username").value(author ? author->username : QString());
    w.key("displayName").value(author ? author->displayName : QString()).endObject();
    w.key("text").value(m.text);
    w.key("parentId");
    if (m.parentId)
        w.value(idToString(m.parentId));
    else
        w.null();
    w.key("replyCount").value(qint64(m.replyCount));
    w.key("attachments");
    if (hasAttachments && m_attachments)
        w.raw(QJsonDocument(m_attachments->attachmentsJson(m.id)).toJson(QJsonDocument::Compact));
    else
        w.beginArray().endArray();
    w.key("reactions").beginArray().endArray();
    w.key("preview").null();
    w.key("mentions").beginArray();
    for (qint64 id : m.mentions)
        w.value(idToString(id));
    w.endArray();
    w.key("createdAt").raw('"' + isoTimeUtf8(m.createdAt) + '"');
    w.key("editedAt").null().key("deletedAt").null();
    w.endObject();
    return w.take();
}

QJsonObject Views::build(
    const MessageRecord &m, const QJsonArray &attachments, const QJsonArray &reactions) const
{
    QJsonArray mentions;
    for (qint64 id : m.mentions)
        mentions.append(idToString(id));
    const bool deleted = m.deletedAt != 0;
    return { { u"id"_qs, idToString(m.id) }, { u"channelId"_qs, idToString(m.channelId) },
        { u"seq"_qs, m.seq }, { u"clientMsgId"_qs, m.clientMsgId }, { u"author"_qs, author(m.authorId) },
        { u"text"_qs, deleted ? QString() : m.text }, { u"parentId"_qs, idOrNull(m.parentId) },
        { u"replyCount"_qs, m.replyCount }, { u"attachments"_qs, attachments },
        { u"reactions"_qs, reactions },
        { u"preview"_qs,
            deleted || m.previewJson.isEmpty()
                ? QJsonValue()
                : QJsonValue(QJsonDocument::fromJson(m.previewJson).object()) },
        { u"mentions"_qs, deleted ? QJsonArray() : mentions }, { u"createdAt"_qs, isoTime(m.createdAt) },
        { u"editedAt"_qs, isoTimeOrNull(m.editedAt) }, { u"deletedAt"_qs, isoTimeOrNull(m.deletedAt) } };
}

QByteArray frameText(const QString &type, QJsonObject fields)
{
    fields.insert(u"type"_qs, type);
    return QJsonDocument(fields).toJson(QJsonDocument::Compact);
}
