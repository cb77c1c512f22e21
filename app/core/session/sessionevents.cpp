// The event half of Session: gateway events applied in seq order to the cursors, the cache, the channel list
// and (through signals) the message models.
#include "logging.h"
#include "session/moderation.h"
#include "session/session.h"

#include <common/isotime.h>
#include <common/protocol/codec.h>

namespace Natter::Client {

namespace {
constexpr int CachedMessagesPerChannel = 200;

// FRAME's fields as F, or nullopt after logging why not: a malformed event is dropped, never half-applied.
template<class F> std::optional<F> decodeEvent(const QJsonObject &frame, Wire::FrameType type)
{
    QString problem;
    std::optional<F> event = Wire::decodeFrame<F>(frame, type, &problem);
    if (!event) qCWarning(lcSession) << "dropping a malformed" << Wire::frameTypeName(type) << "event:" << problem;
    return event;
}
}

void Session::onEvent(Wire::FrameType type, const QJsonObject &frame)
{
    using T = Wire::FrameType;
    switch (type) {
    case T::MessageNew:
    case T::MessageUpdated:
        if (const auto e = decodeEvent<Wire::MessageEvent>(frame, type); e && acceptChannelEvent(e->channelId, e->seq)) {
            if (type == T::MessageNew)
                applyNewMessage(Message(e->message));
            else
                applyUpdatedMessage(Message(e->message));
        }
        return;
    case T::MessageDeleted:
        if (const auto e = decodeEvent<Wire::MessageDeleted>(frame, type); e && acceptChannelEvent(e->channelId, e->seq))
            applyDeletedMessage(*e);
        return;
    case T::ReactionAdded:
    case T::ReactionRemoved:
        if (const auto e = decodeEvent<Wire::ReactionChanged>(frame, type); e && acceptChannelEvent(e->channelId, e->seq))
            applyReaction(*e);
        return;
    case T::MessagePinned:
    case T::MessageUnpinned:
        if (const auto e = decodeEvent<Wire::PinChanged>(frame, type); e && acceptChannelEvent(e->channelId, e->seq))
            applyPin(*e);
        return;
    case T::MemberJoined:
    case T::MemberLeft:
        if (const auto e = decodeEvent<Wire::MemberChanged>(frame, type); e && acceptChannelEvent(e->channelId, e->seq))
            applyMemberChange(*e);
        return;
    case T::ChannelUpdated:
        if (const auto e = decodeEvent<Wire::ChannelUpdated>(frame, type); e && acceptChannelEvent(e->channelId, e->seq))
            applyChannelUpdate(*e);
        return;
    case T::Typing:
        if (const auto e = decodeEvent<Wire::TypingEvent>(frame, type)) emit typingChanged(e->channelId, e->userId, e->typing);
        return;
    case T::Presence:
        if (const auto e = decodeEvent<Wire::PresenceEvent>(frame, type)) m_presence.setOnline(e->userId, e->online);
        return;
    case T::ChannelAdded:
        if (const auto e = decodeEvent<Wire::ChannelAdded>(frame, type)) addChannel(Channel(e->channel));
        return;
    case T::ChannelRemoved:
        if (const auto e = decodeEvent<Wire::ChannelRemoved>(frame, type)) removeChannel(e->channelId);
        return;
    case T::ReadUpdated:
        if (const auto e = decodeEvent<Wire::ReadState>(frame, type)) applyReadState(*e);
        return;
    case T::MemberUpdated:
        if (const auto e = decodeEvent<Wire::MemberUpdated>(frame, type)) applyMemberUpdate(*e);
        return;
    case T::ReportsCount:
        if (const auto e = decodeEvent<Wire::ReportsCount>(frame, type)) m_moderation->applyReportsCount(e->open);
        return;
    case T::ReportResolved:
        if (const auto e = decodeEvent<Wire::ReportResolved>(frame, type)) m_moderation->applyReportResolved(*e);
        return;
    default:
        qCInfo(lcSession) << "ignoring a" << Wire::frameTypeName(type) << "frame";
        return;
    }
}

bool Session::acceptChannelEvent(Wire::Id channelId, qint64 seq)
{
    // A channel this session does not hold (it always comes first, by ready or channel.added): nothing to
    // apply it to, and a hostile server must not grow the cursors and the cache with made-up channels.
    if (!m_cursors.contains(channelId)) {
        qCWarning(lcSession) << "dropping an event for a channel not held:" << channelId.toString();
        return false;
    }
    const qint64 current = m_cursors.value(channelId);
    if (seq <= current) return false; // already applied: a replay overlapping what came live
    if (seq > current + 1) {
        // Something was missed (a dropped connection on the server's side of the bus): ask for the gap
        // instead of showing messages out of order. The replay brings this event again.
        if (m_synced && m_syncReq.isEmpty() && m_gapSyncReqs.isEmpty()) requestSync({ { channelId, current } });
        return false;
    }
    setCursor(channelId, seq);
    return true;
}

void Session::applyMemberChange(const Wire::MemberChanged &event)
{
    Channel c = channel(event.channelId);
    if (!c.id.isValid()) return;
    if (!event.joined && event.user.id == m_me.id) {
        removeChannel(event.channelId);
        return;
    }
    c.memberCount = std::max(0, c.memberCount + (event.joined ? 1 : -1));
    updateChannel(c);
}

void Session::applyNewMessage(const Message &m)
{
    const Wire::Id channelId = m.channelId;
    const bool mine = m.author.id == m_me.id;
    m_cache->storeMessages({ m });
    if (++m_storedSinceTrim >= 100) {
        m_storedSinceTrim = 0;
        m_cache->trimMessages(channelId, CachedMessagesPerChannel);
    }
    m_lastMessageIds.insert(channelId, m.id);
    Channel c = channel(channelId);
    if (c.id.isValid()) {
        c.lastMessageAt = m.createdAt;
        c.lastSeq = m.seq;
        // Events replayed by the sync after `ready` are already counted in the unreadCount that `ready`
        // carried.
        // The open channel counts too while the window is in the background: nobody is reading it.
        if (!mine && !m.isReply() && (channelId != m_activeChannel || !m_reads.isWindowActive()) && m_synced) ++c.unreadCount;
        // The server moves the sender's read marker to each message they send, without a read.updated.
        if (mine && m.id > c.lastReadMessageId) {
            c.lastReadMessageId = m.id;
            m_reads.setMarked(channelId, m.id);
            m_receipts.update(channelId, m_me.id, m.id);
        }
        updateChannel(c);
    }
    if (!m.clientMsgId.isEmpty() && mine && outboxIndex(m.clientMsgId) >= 0)
        completeSend(m.clientMsgId, m); // the echo came before the ack
    else
        emit messageReceived(m);
}

void Session::applyUpdatedMessage(const Message &message)
{
    Message m = message;
    // Only messages of the cached run are kept up to date; anything older is fetched afresh when shown.
    if (const std::optional<Message> cached = m_cache->message(m.channelId, m.id)) {
        m.keepLocalState(*cached);
        m_cache->storeMessages({ m });
    }
    emit messageChanged(m);
}

void Session::applyDeletedMessage(const Wire::MessageDeleted &event)
{
    // message.deleted carries no time, so the tombstone gets the local clock's; the server's own copy (next
    // history page or a reset) has the exact one. The rest is cleared the way the server clears it.
    const qint64 deletedAt = nowMs();
    if (std::optional<Message> cached = m_cache->message(event.channelId, event.messageId)) {
        cached->makeTombstone(deletedAt);
        m_cache->storeMessages({ *cached });
    }
    emit messageDeleted(event.channelId, event.messageId, deletedAt);
}

QList<Wire::Id> Session::reactors(Wire::Id messageId, const QString &emoji) const
{
    return m_reactors.value(messageId).value(emoji);
}

void Session::applyReaction(const Wire::ReactionChanged &event)
{
    const bool mine = event.userId == m_me.id;
    // Names for the chips' tooltips. Bounded: a long-running client forgets them all at once past the limit
    // (the tooltip then falls back to counts), rather than keeping every reaction it ever saw.
    if (m_reactors.size() > 20000) m_reactors.clear();
    QList<Wire::Id> &users = m_reactors[event.messageId][event.emoji];
    users.removeAll(event.userId);
    if (event.added) users.append(event.userId);
    if (std::optional<Message> cached = m_cache->message(event.channelId, event.messageId);
        cached && cached->applyReaction(event.emoji, event.added, mine))
        m_cache->storeMessages({ *cached });
    emit reactionChanged(event.channelId, event.messageId, event.emoji, event.added, mine);
}

void Session::applyPin(const Wire::PinChanged &event)
{
    // The wire message does not say whether it is pinned, so the cache cannot keep it: only the models do.
    emit pinChanged(event.channelId, event.messageId, event.pinned);
}

void Session::applyChannelUpdate(const Wire::ChannelUpdated &event)
{
    // channel.updated goes to everybody, so the caller's own fields (unread counts, last read, role) come from
    // the channel as we have it.
    const Channel current = channel(event.channelId);
    Channel updated(event.channel);
    updated.unreadCount = current.unreadCount;
    updated.mentionCount = current.mentionCount;
    updated.lastReadMessageId = current.lastReadMessageId;
    updated.mutedUntil = current.mutedUntil;
    if (current.id.isValid() && current.role != Wire::Role::None) updated.role = current.role;
    updateChannel(updated);
}

void Session::applyMemberUpdate(const Wire::MemberUpdated &event)
{
    // The caller's own role and mute are part of their view of the channel: the menus and the composer follow.
    Channel c = channel(event.channelId);
    if (event.userId == m_me.id && c.id.isValid() && (c.role != event.role || c.mutedUntil != event.mutedUntil)) {
        c.role = event.role;
        c.mutedUntil = event.mutedUntil;
        updateChannel(c);
    }
    m_moderation->applyMemberUpdated(event);
}

void Session::applyReadState(const Wire::ReadState &event)
{
    m_receipts.update(event.channelId, event.userId, event.messageId);
    emit readUpdated(event.channelId, event.userId, event.messageId);
    if (event.userId != m_me.id) return;
    m_reads.setMarked(event.channelId, event.messageId);
    Channel c = channel(event.channelId);
    if (c.id.isValid() && (c.unreadCount != 0 || c.lastReadMessageId != event.messageId)) {
        c.unreadCount = 0;
        c.mentionCount = 0;
        c.lastReadMessageId = event.messageId;
        updateChannel(c);
    }
}

} // namespace Natter::Client
