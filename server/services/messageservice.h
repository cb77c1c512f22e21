#pragma once

#include "services/eventlog.h"
#include "store/records.h"

#include <common/protocol/requests.h>
#include <common/result.h>

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QUrlQuery>

#include <functional>

class SnowflakeGenerator;

namespace Natter::Server {

class WordFilter;

class Database;
class ChannelService;
class ChannelStore;
class MessageStore;
class UserStore;
class Views;
class RateLimiter;
class AttachmentLinker;

// Sending and reading messages. Every send, from the gateway or from REST, takes the same path: validate,
// authorise, then queue for the next group commit. One transaction stores the whole batch (message rows, the
// next seq of each channel in channel_events, the idempotency keys); only after it commits are the senders
// answered and the events fanned out.
class MessageService : public QObject
{
    Q_OBJECT
public:
    // Messages are checked against FILTER (nullptr: no filter) before they are queued.
    void setWordFilter(const WordFilter *filter) { m_wordFilter = filter; }
    struct Sent
    {
        QByteArray message; // the message object, serialised
        qint64 id = 0;
        bool created = false;
    };
    using SendCallback = std::function<void(const Result<Sent> &)>;

    MessageService(Database &db, ChannelService &access, ChannelStore &channels, MessageStore &messages,
        UserStore &users, EventLog &events, Views &views, SnowflakeGenerator &ids, RateLimiter &limiter,
        QObject *parent = nullptr);
    ~MessageService() override;

    // BODY holds clientMsgId, text, parentId?, attachmentIds?. DONE is called exactly once, possibly at once.
    // REQUEST has been decoded (and so validated) by Wire::SendMessage.
    void send(qint64 userId, const Wire::SendMessage &request, SendCallback done);

    // History pages: QUERY holds before | after | around, and limit.
    // History pages, serialised: {messages, hasMore, hasMoreAfter?}.
    Result<QByteArray> history(qint64 userId, qint64 channelId, const QUrlQuery &query);
    Result<QByteArray> replies(qint64 userId, qint64 messageId, const QUrlQuery &query);
    // The channel members that TEXT mentions as @username (never the author).
    QList<qint64> resolveMentions(qint64 channelId, qint64 authorId, const QString &text);
    // Moves the caller's read marker forward to MESSAGEID; false when it was already there or further.
    Result<bool> markRead(qint64 userId, qint64 channelId, qint64 messageId);

    // Where uploads are checked and linked; without it, attachmentIds are refused.
    void setAttachments(AttachmentLinker *attachments) { m_attachments = attachments; }
    // Stores a link preview on MESSAGEID and logs message.updated; a deleted message stays as it is.
    bool setPreview(qint64 messageId, const QJsonObject &preview);

    // An edit changed TEXT: work that follows new text (link previews) runs again.
    void textChanged(qint64 messageId, qint64 channelId, const QString &text)
    {
        Q_EMIT messageStored(messageId, channelId, text);
    }

    // The highest seq of CHANNELID whose event is on disk: CURRENT (the stored last seq) unless a committed
    // batch that is not yet durable holds events of that channel.
    qint64 lastDurableSeq(qint64 channelId, qint64 current) const;

    // Nothing queued for a commit and no committed batch waiting to be answered.
    bool isIdle() const { return m_queue.isEmpty() && m_retry.isEmpty() && m_committed.isEmpty(); }
    // Draining (SIGTERM): sends from now on are refused, so that the queue empties even when clients offer
    // more than the store commits (PostgreSQL's round trips); the client resends them after reconnecting.
    void refuseNewSends() { m_refusing = true; }

Q_SIGNALS:
    // A new message is durable and fanned out (for work off the hot path, such as link previews).
    void messageStored(qint64 messageId, qint64 channelId, const QString &text);
    // Every message with an id up to MESSAGEID that will ever be stored is stored and durable (ids grow in
    // commit order). Once per release of batches.
    void storedUpTo(qint64 messageId);

private:
    struct Pending
    {
        qint64 userId;
        qint64 channelId;
        QString clientMsgId;
        QString text;
        qint64 parentId;
        QList<qint64> mentions;
        QList<qint64> attachments;
        SendCallback done;
    };
    struct Outcome
    {
        Result<Sent> result;
        QList<EventLog::Event> events;
    };

    // A committed batch whose senders are answered, and whose events are published, once the database says
    // its commit is durable.
    struct Committed
    {
        quint64 generation = 0;
        QList<Pending> batch;
        QList<Outcome> outcomes;
        QList<std::pair<SendCallback, Sent>> repeats; // repeats of messages in this batch or before it
        bool pipelined = false; // PostgreSQL: should its commit fail, it is stored again step by step
    };

    struct FlushState
    {
        QHash<std::pair<qint64, QString>, qint64> stored; // (author, clientMsgId) -> id
        QHash<std::pair<qint64, qint64>, std::pair<qint64, qint64>>
            authorRead; // (channel, author) -> (id, ordinal)
        bool pipelined = false; // inserts are queued (Statement::queue()); repeats are found in `existing`
        QHash<std::pair<qint64, QString>, qint64>
            existing; // stored before this batch: (author, clientMsgId) -> id
        QList<MessageRecord> inserts; // pipelined: the batch's new messages, inserted together
    };

    void flush();
    void scheduleFlush();
    // PostgreSQL: the commit of the batch numbered GENERATION failed (Database's commit-failed handler).
    void commitFailed(quint64 generation);
    // One transaction for BATCH; false (rolled back) when it failed.
    bool storeBatch(const QList<Pending> &batch, QList<Outcome> &outcomes, FlushState &state, bool pipelined);
    void release(quint64 durableGeneration);
    void answerRepeat(SendCallback done, Sent sent);
    bool storeOne(const Pending &p, Outcome &outcome, FlushState &state);
    bool storeRepeat(const Pending &p, qint64 existingId, Outcome &outcome);
    Result<QByteArray> page(qint64 channelId, qint64 parentId, const QUrlQuery &query);

    Database &m_db;
    ChannelService &m_access;
    ChannelStore &m_channels;
    MessageStore &m_messages;
    UserStore &m_users;
    EventLog &m_events;
    Views &m_views;
    SnowflakeGenerator &m_ids;
    RateLimiter &m_limiter;
    AttachmentLinker *m_attachments = nullptr;
    QList<Pending> m_queue;
    QList<Pending> m_retry; // a pipelined batch whose commit failed, to store again step by step
    QList<Committed> m_committed; // oldest first
    quint64 m_durable = 0;
    bool m_releasing = false;
    bool m_flushScheduled = false;
    bool m_refusing = false;
    qint64 m_viewer = 0; // the caller of the page being built, for reactions' `me`
    const WordFilter *m_wordFilter = nullptr;
};

} // namespace Natter::Server
