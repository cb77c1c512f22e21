#include "services/views.h"
#include "services/viewassembler.h"
#include "services/viewencoder.h"

#include <jsonwriter.h>

#include <QJsonDocument>

namespace Natter::Server {

Views::Views(const ViewAssembler &assembler)
    : m_load(assembler)
{
}

QJsonObject Views::user(const UserRecord &u) const
{
    return ViewEncoder::user(u, m_load.isOnline(u.id));
}

QJsonObject Views::user(qint64 userId) const
{
    const auto u = m_load.user(userId);
    return u ? user(*u) : ViewEncoder::unknownUser(userId);
}

QJsonObject Views::author(qint64 userId) const
{
    return ViewEncoder::author(userId, m_load.user(userId));
}

QJsonObject Views::channel(const ChannelRecord &c, const MemberRecord *viewer, qint64 viewerId) const
{
    return ViewEncoder::channel(c, m_load.channelName(c, viewerId), viewer);
}

QJsonObject Views::message(const MessageRecord &m, qint64 viewerId) const
{
    return QJsonDocument::fromJson(messageJson(m, viewerId)).object();
}

QByteArray Views::messageJson(const MessageRecord &m, qint64 viewerId) const
{
    const auto parts = m_load.message(m, viewerId);
    return ViewEncoder::message(m, parts.author, parts.attachments, parts.reactions);
}

QByteArray Views::messagesJson(const QList<MessageRecord> &messages, qint64 viewerId) const
{
    const auto parts = m_load.page(messages, viewerId);
    JsonWriter w;
    w.beginArray();
    for (const auto &m : messages)
        w.raw(ViewEncoder::message(
            m, m_load.user(m.authorId), parts.attachments.value(m.id), parts.reactions.value(m.id)));
    w.endArray();
    return w.take();
}

QByteArray Views::newMessageJson(const MessageRecord &m, bool hasAttachments) const
{
    const auto parts = m_load.newMessage(m, hasAttachments);
    return ViewEncoder::message(m, parts.author, parts.attachments, parts.reactions);
}

} // namespace Natter::Server
