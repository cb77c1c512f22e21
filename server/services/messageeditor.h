#pragma once

#include "store/records.h"

#include <common/protocol/requests.h>
#include <common/result.h>

#include <QByteArray>

namespace Natter::Server {

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
class WordFilter;

// Edits and deletes of messages that exist. Each is authorised, applied in one transaction together with its
// channel event, and fanned out after the commit. Reactions, pins and channel settings have services of their
// own (reactionservice.h, pinservice.h, channelsettings.h) that follow the same pattern.
class MessageEditor
{
public:
    MessageEditor(Database &db, ChannelService &access, ChannelStore &channels, MessageStore &messages,
        MessageService &sender, ReactionStore &reactions, PinStore &pins, EventLog &events, Views &views,
        RateLimiter &limiter);
    void setAttachments(AttachmentLinker *attachments) { m_attachments = attachments; }
    void setSearchIndexer(SearchIndexer *indexer) { m_search = indexer; }
    // Edits pass the word filter like new messages: a blocked term refuses the edit, a masked one is stored masked.
    void setWordFilter(const WordFilter *filter) { m_wordFilter = filter; }

    // The edited message as JSON, as USERID sees it.
    Result<QByteArray> edit(qint64 userId, const Wire::EditMessage &request);
    // SERVERMODERATOR: a server administrator acting on a report, who need not be in the channel. A deletion
    // by anyone but the author is written to the audit log.
    Result<Wire::Id> remove(qint64 userId, qint64 messageId, bool serverModerator = false,
        const QString &reason = {});

private:
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
    const WordFilter *m_wordFilter = nullptr;
};

} // namespace Natter::Server
