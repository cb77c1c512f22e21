#pragma once

#include "records.h"

#include <result.h>

#include <QJsonObject>

class Database;
class ChannelService;
class ChannelStore;
class MessageStore;
class MessageService;
class ReactionStore;
class PinStore;
class AttachmentLinker;
class EventLog;
class Views;
class RateLimiter;
class SearchIndexer;

// Changes to messages that exist: edits, deletes, reactions and pins. Each is authorised, applied in one
// transaction together with its channel event, and fanned out after the commit. A change that changes nothing
// (a repeated reaction, a second unpin) succeeds and logs nothing.
class MessageEditor
{
public:
    MessageEditor(Database &db, ChannelService &access, ChannelStore &channels, MessageStore &messages,
        MessageService &sender, ReactionStore &reactions, PinStore &pins, EventLog &events, Views &views,
        RateLimiter &limiter);
    void setAttachments(AttachmentLinker *attachments) { m_attachments = attachments; }
    void setSearchIndexer(SearchIndexer *indexer) { m_search = indexer; }

    Result<QJsonObject> edit(qint64 userId, const QJsonObject &body);
    Result<QJsonObject> remove(qint64 userId, qint64 messageId);
    Result<QJsonObject> react(qint64 userId, const QJsonObject &body, bool add);
    Result<QJsonObject> pin(qint64 userId, qint64 messageId, bool pinned);
    Result<QJsonObject> pins(qint64 userId, qint64 channelId);
    // PATCH /channels/{id}: name, topic, pinPolicy (owner or admin).
    Result<QJsonObject> updateChannel(qint64 userId, qint64 channelId, const QJsonObject &body);

    // Reaction emoji: 1 to 32 bytes of UTF-8, no whitespace or control characters.
    static QString emojiProblem(const QString &emoji);

private:
    struct Target
    {
        MessageRecord message;
        ChannelRecord channel;
        MemberRecord member;
    };
    // The live (not deleted) message MESSAGEID and the caller's access to its channel.
    Result<Target> target(qint64 userId, qint64 messageId);
    ApiError rollback();

    Database &m_db;
    ChannelService &m_access;
    ChannelStore &m_channels;
    MessageStore &m_messages;
    MessageService &m_sender;
    ReactionStore &m_reactions;
    PinStore &m_pins;
    EventLog &m_events;
    Views &m_views;
    RateLimiter &m_limiter;
    SearchIndexer *m_search = nullptr;
    AttachmentLinker *m_attachments = nullptr;
};
