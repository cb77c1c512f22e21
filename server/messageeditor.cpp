#include "messageeditor.h"
#include "attachmentlinker.h"
#include "channelservice.h"
#include "channelstore.h"
#include "database.h"
#include "eventlog.h"
#include "messageservice.h"
#include "messagestore.h"
#include "pinstore.h"
#include "ratelimiter.h"
#include "reactionstore.h"
#include "searchindexer.h"
#include "views.h"

#include <isotime.h>
#include <jsonreader.h>
#include <protocollimits.h>
#include <snowflake.h>

#include <QJsonArray>

namespace {
constexpr int MaxPinsListed = 100;
}

MessageEditor::MessageEditor(Database &db, ChannelService &access, ChannelStore &channels,
    MessageStore &messages, MessageService &sender, ReactionStore &reactions, PinStore &pins,
    EventLog &events, Views &views, RateLimiter &limiter)
    : m_db(db)
    , m_access(access)
    , m_channels(channels)
    , m_messages(messages)
    , m_sender(sender)
    , m_reactions(reactions)
    , m_pins(pins)
    , m_events(events)
    , m_views(views)
    , m_limiter(limiter)
{
}

QString MessageEditor::emojiProblem(const QString &emoji)
{
    const QByteArray utf8 = emoji.toUtf8();
    if (utf8.isEmpty() || utf8.size() > Limits::MaxEmojiBytes)
        return u"emoji must be 1 to %1 bytes of UTF-8"_qs.arg(Limits::MaxEmojiBytes);
    for (QChar c : emoji)
        if (c.isSpace() || c.category() == QChar::Other_Control)
            return u"emoji must not contain spaces or control characters"_qs;
    return {};
}

Result<MessageEditor::Target> MessageEditor::target(qint64 userId, qint64 messageId)
{
    const auto message = messageId ? m_messages.byId(messageId) : std::nullopt;
    if (!message)
        return ApiError::notFound(u"no such message"_qs);
    const auto access = m_access.access(userId, message->channelId);
    if (!access.ok())
        return access.error();
    if (message->deletedAt)
        return ApiError::notFound(u"that message was deleted"_qs);
    return Target { *message, access.value().channel, access.value().member };
}

ApiError MessageEditor::rollback()
{
    m_db.rollback();
    return ApiError::internal(u"the change could not be stored"_qs);
}

Result<QJsonObject> MessageEditor::edit(qint64 userId, const QJsonObject &body)
{
    JsonReader r(body);
    const qint64 messageId = r.id(u"messageId"_qs);
    const QString text = r.string(u"text"_qs, 0, Limits::MaxTextChars);
    if (!r.ok())
        return ApiError::badRequest(r.error());
    const auto t = target(userId, messageId);
    if (!t.ok())
        return t.error();
    const MessageRecord &m = t.value().message;
    if (m.authorId != userId)
        return ApiError::forbidden(u"only the author can edit a message"_qs);
    const bool hasAttachments = m_attachments && !m_attachments->attachmentsJson(m.id).isEmpty();
    if (text.trimmed().isEmpty() && !hasAttachments)
        return ApiError::badRequest(u"field 'text' must not be blank"_qs);
    if (const qint64 wait = m_limiter.take(userId, nowMs()))
        return ApiError::rateLimited(wait);
    if (text == m.text)
        return m_views.message(m, userId);

    if (!m_db.begin())
        return ApiError::internal();
    const QList<qint64> mentions = m_sender.resolveMentions(m.channelId, userId, text);
    if (!m_messages.updateText(m.id, text, mentions, nowMs()))
        return rollback();
    // Who the edit newly mentions has one more unread mention. A mention edited away is not taken back: the
    // count cannot tell which message each of its mentions came from, and it clears when the member reads.
    for (qint64 id : mentions)
        if (!m.mentions.contains(id) && !m_channels.addMentionIfUnread(m.channelId, id, m.id))
            return rollback();
    if (m_search && !m_search->pruneChanges(m_db))
        return rollback();
    const auto updated = m_messages.byId(m.id);
    const auto event = m_events.append(
        m.channelId, u"message.updated"_qs, { { u"message"_qs, m_views.message(*updated) } });
    if (!event || !m_db.commit())
        return rollback();
    if (m_search)
        m_search->wake();
    m_events.publish(*event);
    m_sender.textChanged(m.id, m.channelId, text);
    return m_views.message(*updated, userId);
}

Result<QJsonObject> MessageEditor::remove(qint64 userId, qint64 messageId)
{
    const auto t = target(userId, messageId);
    if (!t.ok())
        return t.error();
    const MessageRecord &m = t.value().message;
    if (m.authorId != userId && !t.value().member.canManage())
        return ApiError::forbidden(u"only the author or a channel owner or admin can delete a message"_qs);

    if (!m_db.begin())
        return ApiError::internal();
    const bool ok = m_messages.markDeleted(m.id, nowMs()) && m_reactions.removeAll(m.id)
        && (!m_attachments || m_attachments->unlinkAll(m.id)) && (!m_search || m_search->pruneChanges(m_db));
    m_pins.unpin(m.channelId, m.id);
    const auto event = ok
        ? m_events.append(m.channelId, u"message.deleted"_qs, { { u"messageId"_qs, idToString(m.id) } })
        : std::nullopt;
    if (!event || !m_db.commit())
        return rollback();
    if (m_search)
        m_search->wake();
    m_events.publish(*event);
    return QJsonObject { { u"messageId"_qs, idToString(m.id) } };
}

Result<QJsonObject> MessageEditor::react(qint64 userId, const QJsonObject &body, bool add)
{
    JsonReader r(body);
    const qint64 messageId = r.id(u"messageId"_qs);
    const QString emoji = r.string(u"emoji"_qs, 1, Limits::MaxEmojiBytes);
    if (!r.ok())
        return ApiError::badRequest(r.error());
    if (const QString problem = emojiProblem(emoji); !problem.isEmpty())
        return ApiError::badRequest(problem);
    const auto t = target(userId, messageId);
    if (!t.ok())
        return t.error();
    if (const qint64 wait = m_limiter.take(userId, nowMs()))
        return ApiError::rateLimited(wait);
    const MessageRecord &m = t.value().message;

    if (!m_db.begin())
        return ApiError::internal();
    const bool changed
        = add ? m_reactions.add(m.id, userId, emoji, nowMs()) : m_reactions.remove(m.id, userId, emoji);
    std::optional<EventLog::Event> event;
    if (changed) {
        event = m_events.append(m.channelId, add ? u"reaction.added"_qs : u"reaction.removed"_qs,
            { { u"messageId"_qs, idToString(m.id) }, { u"emoji"_qs, emoji },
                { u"userId"_qs, idToString(userId) } });
        if (!event)
            return rollback();
    }
    if (!m_db.commit())
        return rollback();
    if (event)
        m_events.publish(*event);
    return QJsonObject { { u"changed"_qs, changed }, { u"reactions"_qs, m_reactions.summary(m.id, userId) } };
}

Result<QJsonObject> MessageEditor::pin(qint64 userId, qint64 messageId, bool pinned)
{
    const auto t = target(userId, messageId);
    if (!t.ok())
        return t.error();
    const MessageRecord &m = t.value().message;
    if (t.value().channel.pinPolicy == u"admins" && !t.value().member.canManage())
        return ApiError::forbidden(u"only owners and admins may pin in this channel"_qs);

    if (!m_db.begin())
        return ApiError::internal();
    const bool changed
        = pinned ? m_pins.pin(m.channelId, m.id, userId, nowMs()) : m_pins.unpin(m.channelId, m.id);
    std::optional<EventLog::Event> event;
    if (changed) {
        event = m_events.append(m.channelId, pinned ? u"message.pinned"_qs : u"message.unpinned"_qs,
            { { u"messageId"_qs, idToString(m.id) }, { u"userId"_qs, idToString(userId) } });
        if (!event)
            return rollback();
    }
    if (!m_db.commit())
        return rollback();
    if (event)
        m_events.publish(*event);
    return QJsonObject { { u"changed"_qs, changed }, { u"pinned"_qs, pinned } };
}

Result<QJsonObject> MessageEditor::pins(qint64 userId, qint64 channelId)
{
    const auto access = m_access.access(userId, channelId);
    if (!access.ok())
        return access.error();
    QJsonArray list;
    for (qint64 id : m_pins.pinned(channelId, MaxPinsListed))
        if (const auto m = m_messages.byId(id))
            list.append(m_views.message(*m, userId));
    return QJsonObject { { u"messages"_qs, list } };
}

Result<QJsonObject> MessageEditor::updateChannel(qint64 userId, qint64 channelId, const QJsonObject &body)
{
    const auto access = m_access.access(userId, channelId);
    if (!access.ok())
        return access.error();
    JsonReader r(body);
    const auto name = r.optionalString(u"name"_qs, 1, Limits::MaxChannelNameChars);
    const auto topic = r.optionalString(u"topic"_qs, 0, Limits::MaxTopicChars);
    const QString policy = r.choice(u"pinPolicy"_qs, { u"members"_qs, u"admins"_qs }, QString());
    if (r.ok() && name && name->trimmed().isEmpty())
        r.fail(u"field 'name' must not be blank"_qs);
    if (!r.ok())
        return ApiError::badRequest(r.error());
    ChannelRecord channel = access.value().channel;
    if (channel.isDirect())
        return ApiError::forbidden(u"direct channels have no settings"_qs);
    if (!access.value().member.canManage())
        return ApiError::forbidden(u"only an owner or admin can change the channel"_qs);
    if (name)
        channel.name = name->trimmed();
    if (topic)
        channel.topic = *topic;
    if (!policy.isEmpty())
        channel.pinPolicy = policy;

    if (!m_db.begin())
        return ApiError::internal();
    if (!m_channels.updateSettings(channel))
        return rollback();
    const auto stored = m_channels.byId(channelId);
    // The frame is shared by all members, so it carries the channel without the per-member fields' values.
    const auto event = m_events.append(
        channelId, u"channel.updated"_qs, { { u"channel"_qs, m_views.channel(*stored, nullptr, userId) } });
    if (!event || !m_db.commit())
        return rollback();
    m_events.publish(*event);
    return m_views.channel(*stored, &access.value().member, userId);
}
