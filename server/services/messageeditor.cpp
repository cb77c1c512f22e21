#include "services/messageeditor.h"
#include "services/wordfilter.h"
#include "services/attachmentlinker.h"
#include "services/eventlog.h"
#include "services/messageservice.h"
#include "services/messagetarget.h"
#include "services/ratelimiter.h"
#include "services/views.h"
#include "store/channelstore.h"
#include "store/database.h"
#include "store/messagestore.h"
#include "store/moderationstore.h"
#include "store/pinstore.h"
#include "store/reactionstore.h"
#include "store/searchindexer.h"

#include <common/isotime.h>
#include <common/jsonreader.h>
#include <common/protocol/audit.h>
#include <common/protocollimits.h>
#include <common/snowflake.h>

namespace Natter::Server {

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

Result<QByteArray> MessageEditor::edit(qint64 userId, const Wire::EditMessage &request)
{
    const qint64 messageId = request.messageId.value();
    QString text = request.text;
    const auto t = messageTarget(m_messages, m_access, userId, messageId);
    if (!t.ok())
        return t.error();
    const MessageRecord &m = t.value().message;
    if (m.authorId != userId)
        return Wire::Error::forbidden(u"only the author can edit a message"_qs);
    if (const auto refusal = m_access.authorizeWrite(userId, m.channelId, ChannelAction::Write))
        return *refusal;
    // The word filter as for a new message, once the author may write here: blocked is refused, masked stored.
    if (m_wordFilter) {
        const auto checked = m_wordFilter->apply(text);
        if (!checked.ok())
            return checked.error();
        text = checked.value();
    }
    const bool hasAttachments = m_attachments && !m_attachments->attachments(m.id).isEmpty();
    if (text.trimmed().isEmpty() && !hasAttachments)
        return Wire::Error::badRequest(u"field 'text' must not be blank"_qs);
    if (const qint64 wait = m_limiter.take(userId, nowMs()))
        return Wire::Error::rateLimited(wait);
    if (text == m.text)
        return m_views.messageJson(m, userId);

    if (!m_db.begin())
        return Wire::Error::internal();
    const QList<qint64> mentions = m_sender.resolveMentions(m.channelId, userId, text);
    if (!m_messages.updateText(m.id, text, mentions, nowMs()))
        return rollbackChange(m_db);
    // Who the edit newly mentions has one more unread mention. A mention edited away is not taken back: the
    // count cannot tell which message each of its mentions came from, and it clears when the member reads.
    for (qint64 id : mentions)
        if (!m.mentions.contains(id) && !m_channels.addMentionIfUnread(m.channelId, id, m.id))
            return rollbackChange(m_db);
    if (m_search && !m_search->pruneChanges(m_db))
        return rollbackChange(m_db);
    const auto updated = m_messages.byId(m.id);
    const auto event = m_events.appendMessageUpdated(m.channelId, m_views.messageJson(*updated));
    if (!event || !m_db.commit())
        return rollbackChange(m_db);
    if (m_search)
        m_search->wake();
    m_events.publish(*event);
    m_sender.textChanged(m.id, m.channelId, text);
    return m_views.messageJson(*updated, userId);
}

Result<Wire::Id> MessageEditor::remove(
    qint64 userId, qint64 messageId, bool serverModerator, const QString &reason)
{
    std::optional<MessageRecord> found;
    if (serverModerator) {
        found = messageId ? m_messages.byId(messageId) : std::nullopt;
        if (!found || found->deletedAt)
            return Wire::Error::notFound(u"no such message"_qs);
    } else {
        const auto t = messageTarget(m_messages, m_access, userId, messageId);
        if (!t.ok())
            return t.error();
        found = t.value().message;
        if (found->authorId != userId) {
            const auto allowed
                = m_access.authorize(userId, found->channelId, ChannelAction::DeleteOthersMessage);
            if (!allowed.ok())
                return allowed.error();
        }
    }
    const MessageRecord &m = *found;

    if (!m_db.begin())
        return Wire::Error::internal();
    if (m.authorId != userId) {
        ModerationStore audit(m_db);
        if (!audit.audit({ 0, nowMs(), userId, QString(Wire::Audit::MessageDelete),
                QString(Wire::Audit::Target::Message), m.id, m.channelId, reason,
                u"author %1"_qs.arg(m.authorId) }))
            return rollbackChange(m_db);
    }
    const bool ok = m_messages.markDeleted(m.id, nowMs()) && m_reactions.removeAll(m.id)
        && (!m_attachments || m_attachments->unlinkAll(m.id)) && (!m_search || m_search->pruneChanges(m_db));
    m_pins.unpin(m.channelId, m.id);
    const auto event = ok ? m_events.append(Wire::MessageDeleted { m.channelId, 0, m.id }) : std::nullopt;
    if (!event || !m_db.commit())
        return rollbackChange(m_db);
    if (m_search)
        m_search->wake();
    m_events.publish(*event);
    return Wire::Id(m.id);
}

} // namespace Natter::Server
