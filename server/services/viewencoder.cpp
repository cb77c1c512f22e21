#include "services/viewencoder.h"

#include <common/protocol/message.h>
#include <common/jsonwriter.h>

#include <QJsonDocument>

namespace Natter::Server {

namespace ViewEncoder {

Wire::User user(const UserRecord &u, bool online)
{
    Wire::User out { u.id, u.username, u.displayName, online, u.lastSeen };
    out.deactivated = u.deactivatedAt != 0;
    return out;
}

Wire::User unknownUser(qint64 userId)
{
    Wire::User u;
    u.id = userId;
    return u;
}

Wire::Author author(qint64 userId, const std::optional<UserRecord> &u)
{
    Wire::Author out { userId, u ? u->username : QString(), u ? u->displayName : QString() };
    out.deactivated = u && u->deactivatedAt != 0; // history shows a deactivated author as such
    return out;
}

Wire::Channel channel(const ChannelRecord &c, const QString &name, const MemberRecord *viewer)
{
    const bool member = viewer && viewer->isValid();
    Wire::Channel out;
    out.id = c.id;
    out.type = Wire::fromName<Wire::ChannelType>(c.type).value_or(Wire::ChannelType::Group);
    out.name = name;
    out.topic = c.topic;
    out.visibility = Wire::fromName<Wire::Visibility>(c.visibility).value_or(Wire::Visibility::Public);
    out.createdBy = c.createdBy;
    out.createdAt = c.createdAt;
    out.memberCount = c.memberCount;
    out.lastMessageAt = c.lastMessageAt;
    out.lastSeq = c.lastSeq;
    out.pinPolicy = Wire::fromName<Wire::PinPolicy>(c.pinPolicy).value_or(Wire::PinPolicy::Members);
    out.readOnly = c.readOnly;
    if (member) {
        out.unreadCount = qMax<qint64>(0, c.messageCount - viewer->readOrdinal);
        out.mentionCount = viewer->mentionCount;
        out.lastReadMessageId = viewer->lastReadMessageId;
        out.role = Wire::fromName<Wire::Role>(viewer->role).value_or(Wire::Role::None);
    }
    return out;
}

Wire::Member member(const MemberRecord &m, const Wire::User &user)
{
    Wire::Member out;
    out.user = user;
    out.role = Wire::fromName<Wire::Role>(m.role).value_or(Wire::Role::Member);
    out.joinedAt = m.joinedAt;
    out.lastReadMessageId = m.lastReadMessageId;
    return out;
}

QByteArray message(const MessageRecord &m, const std::optional<UserRecord> &author,
    QList<Wire::Attachment> attachments, QList<Wire::Reaction> reactions)
{
    Wire::Message w;
    w.id = m.id;
    w.channelId = m.channelId;
    w.seq = m.seq;
    w.clientMsgId = m.clientMsgId;
    w.author = ViewEncoder::author(m.authorId, author);
    w.text = m.text;
    w.parentId = m.parentId;
    w.replyCount = m.replyCount;
    w.attachments = std::move(attachments);
    w.reactions = std::move(reactions);
    w.mentions.reserve(m.mentions.size());
    for (qint64 id : m.mentions)
        w.mentions.append(id);
    w.createdAt = m.createdAt;
    w.editedAt = m.editedAt;
    w.deletedAt = m.deletedAt;
    // Stored as the compact JSON the server wrote; anything else is dropped rather than passed on. Only a
    // message with a preview pays for the check.
    static const QByteArray none;
    const bool validPreview = !m.previewJson.isEmpty() && !m.deletedAt
        && QJsonDocument::fromJson(m.previewJson).isObject();
    JsonWriter out;
    w.write(out, validPreview ? m.previewJson : none);
    return out.take();
}

} // namespace ViewEncoder

} // namespace Natter::Server
