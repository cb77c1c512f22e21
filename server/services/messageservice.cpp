#include "services/messageservice.h"
#include "logging.h"
#include "metrics.h"
#include "services/attachmentlinker.h"
#include "services/channelservice.h"
#include "services/messagetarget.h"
#include "services/ratelimiter.h"
#include "services/views.h"
#include "services/wordfilter.h"
#include "store/channelstore.h"
#include "store/database.h"
#include "store/messagestore.h"
#include "store/userstore.h"

#include <common/isotime.h>
#include <common/jsonreader.h>
#include <common/jsonwriter.h>
#include <common/protocol/keys.h>
#include <common/protocol/rest.h>
#include <common/protocollimits.h>
#include <common/snowflake.h>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimer>

#include <algorithm>

namespace Natter::Server {

namespace {
    constexpr qsizetype MaxBatch = 2000;
}

MessageService::MessageService(Database &db, ChannelService &access, ChannelStore &channels,
    MessageStore &messages, UserStore &users, EventLog &events, Views &views, SnowflakeGenerator &ids,
    RateLimiter &limiter, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_access(access)
    , m_channels(channels)
    , m_messages(messages)
    , m_users(users)
    , m_events(events)
    , m_views(views)
    , m_ids(ids)
    , m_limiter(limiter)
{
    m_db.setDurableHandler([this](quint64 generation) { release(generation); });
    m_db.setCommitFailedHandler([this](quint64 generation) { commitFailed(generation); });
}

MessageService::~MessageService()
{
    m_db.setDurableHandler({});
    m_db.setCommitFailedHandler({});
}

QList<qint64> MessageService::resolveMentions(qint64 channelId, qint64 authorId, const QString &text)
{
    static const QRegularExpression mention(QStringLiteral("(?<![\\w.@-])@([A-Za-z0-9_.-]{3,32})"));
    QList<qint64> ids;
    if (!text.contains(u'@'))
        return ids; // most messages mention nobody: no need to run the expression

    auto it = mention.globalMatch(text);
    while (it.hasNext() && ids.size() < 50) {
        QString name = it.next().captured(1);
        while (name.endsWith(u'.') || name.endsWith(u'-'))
            name.chop(1); // "@ana." at the end of a sentence mentions ana
        const auto user = m_users.byUsername(name);
        if (!user || user->first.id == authorId || ids.contains(user->first.id))
            continue;
        if (m_channels.memberIds(channelId).contains(user->first.id))
            ids.append(user->first.id);
    }
    return ids;
}

void MessageService::send(qint64 userId, const Wire::SendMessage &request, SendCallback done)
{
    // PostgreSQL away: refused at once (the client resends with the same clientMsgId later), before a failed
    // read in the checks below could pass for a missing row and give a misleading answer.
    if (!m_db.isAvailable())
        return done(Wire::Error::internal(u"the database is unavailable; the message was not stored"_qs));
    if (m_refusing)
        return done(Wire::Error::internal(u"the server is shutting down; the message was not stored"_qs));
    // The word filter first: a blocked message is refused, a masked one is sent as masked (and checked once).
    if (m_wordFilter) {
        const auto filtered = m_wordFilter->apply(request.text);
        if (!filtered.ok())
            return done(filtered.error());
        if (filtered.value() != request.text) {
            Wire::SendMessage masked = request;
            masked.text = filtered.value();
            return send(userId, masked, std::move(done));
        }
    }
    const qint64 channelId = request.channelId.value();
    const QString &clientMsgId = request.clientMsgId;
    const QString &text = request.text;
    const qint64 parentId = request.parentId.value();
    QList<qint64> attachments;
    for (const Wire::Id id : request.attachmentIds)
        attachments.append(id.value());
    if (!attachments.isEmpty() && !m_attachments)
        return done(Wire::Error::badRequest(u"this server does not accept attachments"_qs));
    if (const qint64 wait = m_limiter.take(userId, nowMs()))
        return done(Wire::Error::rateLimited(wait));
    // access() and the moderation rules (mutes, read-only channels) in one place.
    // Members are answered from the caches (authorizeWrite()); anyone else gets access()'s precise error.
    if (const auto refusal = m_access.authorizeWrite(userId, channelId, ChannelAction::Write))
        return done(*refusal);

    qint64 rootId = 0;
    if (parentId) {
        const auto parent = m_messages.byId(parentId);
        if (!parent || parent->channelId != channelId)
            return done(Wire::Error::notFound(u"no such parent message in this channel"_qs));
        if (parent->deletedAt)
            return done(Wire::Error::badRequest(u"cannot reply to a deleted message"_qs));
        // Threads are one level deep: a reply to a reply joins the root's thread.
        rootId = parent->parentId ? parent->parentId : parent->id;
    }
    // A repeat is found by the insert itself (storeOne()), which spares every send a lookup in the
    // idempotency index. A repeat with attachments is answered here: its uploads already belong to the
    // original, and checkAttachable() would refuse them.
    if (!attachments.isEmpty()) {
        if (const qint64 existingId = m_messages.idForClientMsgId(userId, clientMsgId)) {
            if (const auto existing = m_messages.byId(existingId))
                return answerRepeat(
                    std::move(done), Sent { m_views.messageJson(*existing, userId), existingId, false });
        }
        if (const auto problem = m_attachments->checkAttachable(userId, attachments))
            return done(*problem);
    }

    m_queue.append({ userId, channelId, clientMsgId, text, rootId, resolveMentions(channelId, userId, text),
        attachments, std::move(done) });
    scheduleFlush();
}

void MessageService::scheduleFlush()
{
    if (!m_flushScheduled) {
        m_flushScheduled = true;
        QTimer::singleShot(0, this, &MessageService::flush);
    }
}

bool MessageService::storeOne(const Pending &p, Outcome &outcome, FlushState &state)
{
    // A repeat, of a message stored earlier or in this same flush, answers with the original and stores
    // nothing; it is answered when this batch is durable, so never before the original is.
    const auto key = std::make_pair(p.userId, p.clientMsgId);
    if (const auto it = state.stored.constFind(key); it != state.stored.constEnd()) {
        // Pipelined, the original may still wait in the batch's insert: sent first, so that it can be read.
        if (state.pipelined && !state.inserts.isEmpty()
            && !m_messages.queueInsert(std::exchange(state.inserts, {})))
            return false;
        return storeRepeat(p, *it, outcome);
    }
    MessageRecord m;
    m.id = m_ids.next();
    m.channelId = p.channelId;
    m.authorId = p.userId;
    m.clientMsgId = p.clientMsgId;
    m.text = p.text;
    m.parentId = p.parentId;
    m.mentions = p.mentions;
    m.createdAt = SnowflakeGenerator::timestampMs(m.id);
    // Thread replies are not counted as channel messages: they do not make the channel unread. The slot is
    // taken only once the insert has shown this is not a repeat.
    std::tie(m.seq, m.ordinal) = m_channels.peekMessageSlot(p.channelId, !p.parentId);
    if (!m.seq || (!p.parentId && !m.ordinal))
        return false;
    if (state.pipelined) {
        if (const qint64 existing = state.existing.value(key))
            return storeRepeat(p, existing, outcome);
        state.inserts.append(m); // one statement for the batch's messages (storeBatch())
    } else {
        switch (m_messages.insert(m)) {
        case MessageStore::Insert::Failed:
            return false;
        case MessageStore::Insert::Repeat:
            return storeRepeat(p, m_messages.idForClientMsgId(p.userId, p.clientMsgId), outcome);
        case MessageStore::Insert::Stored:
            break;
        }
    }
    m_channels.nextMessageSlot(p.channelId, m.createdAt, !p.parentId);
    state.stored.insert(key, m.id);
    if (!p.attachments.isEmpty() && !m_attachments->link(m.id, p.channelId, p.attachments))
        return false;
    // The author has read what they wrote; applied once per author and channel at the end of the batch.
    if (!p.parentId)
        state.authorRead.insert({ p.channelId, p.userId }, { m.id, m.ordinal });
    for (qint64 mentioned : p.mentions)
        m_channels.addMention(p.channelId, mentioned);
    QByteArray message = m_views.newMessageJson(m, !p.attachments.isEmpty());
    const auto event = m_events.appendNewMessage(p.channelId, m.seq, m.id, p.parentId != 0, message);
    if (!event)
        return false;
    outcome.events.append(*event);
    if (p.parentId) {
        if (!m_messages.incrementReplyCount(p.parentId))
            return false;
        const auto parent = m_messages.byId(p.parentId);
        const auto updated = parent ? m_events.appendMessageUpdated(p.channelId, m_views.messageJson(*parent))
                                    : std::nullopt;
        if (!updated)
            return false;
        outcome.events.append(*updated);
    }
    outcome.result = Sent { std::move(message), m.id, true };
    return true;
}

bool MessageService::storeRepeat(const Pending &p, qint64 existingId, Outcome &outcome)
{
    const auto existing = existingId ? m_messages.byId(existingId) : std::nullopt;
    if (!existing)
        return false;
    outcome.result = Sent { m_views.messageJson(*existing, p.userId), existingId, false };
    return true;
}

void MessageService::flush()
{
    m_flushScheduled = false;
    FlushState state;
    // On PostgreSQL one batch at a time: the next one gathers while COMMIT is on its way (Database::commit())
    // and goes once it is answered (release(), commitFailed()).
    while ((!m_retry.isEmpty() || !m_queue.isEmpty()) && !m_db.isCommitPending()) {
        const bool retry = !m_retry.isEmpty();
        QList<Pending> batch;
        if (retry) {
            batch = std::exchange(m_retry, {});
        } else {
            const qsizetype n = qMin(m_queue.size(), MaxBatch);
            batch = QList<Pending>(
                std::make_move_iterator(m_queue.begin()), std::make_move_iterator(m_queue.begin() + n));
            m_queue.remove(0, n);
        }

        QList<Outcome> outcomes(batch.size());
        // PostgreSQL pipelines the batch's statements. Should that fail (a repeat stored by another instance
        // meanwhile, or a real failure), the batch is stored again statement by statement, which tells the
        // two apart; so is a pipelined batch whose commit failed (commitFailed()).
        bool pipelined = m_db.isPostgres() && !retry;
        bool ok = storeBatch(batch, outcomes, state, pipelined);
        if (!ok && pipelined) {
            qCInfo(lcMessages) << "a pipelined batch of" << batch.size() << "failed; storing it step by step";
            outcomes = QList<Outcome>(batch.size());
            pipelined = false;
            ok = storeBatch(batch, outcomes, state, false);
        }
        if (!ok) {
            qCCritical(lcMessages) << "a batch of" << batch.size() << "messages could not be stored";
            for (const auto &p : batch)
                p.done(Wire::Error::internal(u"the message could not be stored"_qs));
            continue;
        }
        m_committed.append(
            { m_db.committedGeneration(), std::move(batch), std::move(outcomes), {}, pipelined });
    }
    release(m_db.durableGeneration());
}

void MessageService::commitFailed(quint64 generation)
{
    const auto it = std::find_if(m_committed.begin(), m_committed.end(),
        [generation](const Committed &c) { return c.generation == generation; });
    if (it != m_committed.end()) {
        Committed failed = std::move(*it);
        m_committed.erase(it);
        for (const auto &p : std::as_const(failed.batch))
            m_channels.invalidate(p.channelId);
        if (failed.pipelined) {
            qCInfo(lcMessages) << "the commit of a pipelined batch of" << failed.batch.size()
                               << "failed; storing it step by step";
            m_retry.append(std::move(failed.batch));
        } else {
            qCCritical(lcMessages) << "a batch of" << failed.batch.size()
                                   << "messages could not be committed";
            for (const auto &p : std::as_const(failed.batch))
                p.done(Wire::Error::internal(u"the message could not be stored"_qs));
        }
        // Their originals may have been in this batch, to be stored again under new ids: asked again, they
        // are answered with whatever is stored then.
        for (const auto &[answer, sent] : std::as_const(failed.repeats))
            answer(Wire::Error::internal(u"the message could not be stored"_qs));
    }
    scheduleFlush();
}

bool MessageService::storeBatch(
    const QList<Pending> &batch, QList<Outcome> &outcomes, FlushState &state, bool pipelined)
{
    QElapsedTimer timer;
    timer.start();
    bool ok = m_db.begin(Database::Commit::Deferred);
    state.pipelined = pipelined;
    state.existing.clear();
    if (ok && m_db.isPostgres()) {
        // Lock the batch's channel rows in id order first: two instances on one database whose batches
        // share channels took them in batch order and deadlocked (one batch failed after deadlock_timeout).
        QList<qint64> channelIds;
        channelIds.reserve(batch.size());
        for (const Pending &p : batch)
            channelIds.append(p.channelId);
        ok = m_channels.lockCounters(std::move(channelIds));
    }
    if (ok && pipelined) {
        // Repeats of messages stored before this batch, found in one statement rather than by each insert.
        QList<std::pair<qint64, QString>> keys;
        keys.reserve(batch.size());
        for (const Pending &p : batch)
            keys.append({ p.userId, p.clientMsgId });
        state.existing = m_messages.existingIds(keys);
    }
    state.inserts.clear();
    for (qsizetype i = 0; ok && i < batch.size(); ++i)
        ok = storeOne(batch.at(i), outcomes[i], state);
    if (ok)
        ok = m_messages.queueInsert(std::exchange(state.inserts, {}));
    QList<ChannelStore::ReadMarker> markers;
    markers.reserve(state.authorRead.size());
    for (auto it = state.authorRead.cbegin(); it != state.authorRead.cend(); ++it)
        markers.append({ it.key().first, it.key().second, it->first, it->second });
    state.authorRead.clear();
    if (ok)
        ok = m_channels.queueMarkRead(markers);
    const qint64 storedNs = timer.nsecsElapsed();
    if (ok)
        ok = m_db.commit();
    qCDebug(lcMessages) << "batch" << batch.size() << (pipelined ? "pipelined" : "stored") << "in"
                        << storedNs / 1000 << "us, committed in" << (timer.nsecsElapsed() - storedNs) / 1000
                        << "us";
    if (ok)
        return true;
    m_db.rollback();
    for (const auto &p : batch) {
        m_channels.invalidate(p.channelId);
        state.stored.remove({ p.userId, p.clientMsgId }); // rolled back: not a repeat's original
    }
    return false;
}

void MessageService::answerRepeat(SendCallback done, Sent sent)
{
    // The original may sit in a batch that is committed but not yet on disk: answer with that batch.
    if (!m_committed.isEmpty())
        m_committed.last().repeats.append({ std::move(done), std::move(sent) });
    else
        done(sent);
}

qint64 MessageService::lastDurableSeq(qint64 channelId, qint64 current) const
{
    for (const Committed &pending : m_committed)
        for (const Outcome &outcome : pending.outcomes)
            for (const auto &event : outcome.events)
                if (event.channelId == channelId)
                    return qMin(current, event.seq - 1); // batches and their events are in seq order
    return current;
}

void MessageService::release(quint64 durableGeneration)
{
    m_durable = qMax(m_durable, durableGeneration);
    if (m_releasing)
        return; // an answer led to a commit; the loop below picks up what that made durable
    m_releasing = true;
    qint64 lastStored = 0;
    while (!m_committed.isEmpty() && m_committed.first().generation <= m_durable) {
        const Committed done = m_committed.takeFirst();
        // Durable now: answer each sender, then fan out, in commit order.
        for (qsizetype i = 0; i < done.batch.size(); ++i) {
            const Outcome &outcome = done.outcomes.at(i);
            done.batch.at(i).done(outcome.result);
            qsizetype handed = 0;
            for (const auto &event : outcome.events)
                handed += m_events.publish(event);
            if (outcome.result.ok() && outcome.result.value().created) {
                Metrics::add(metrics().messagesStored);
                Metrics::add(metrics().messagesDelivered, quint64(handed));
                lastStored = outcome.result.value().id;
                Q_EMIT messageStored(lastStored, done.batch.at(i).channelId, done.batch.at(i).text);
            }
        }
        for (const auto &[answer, sent] : done.repeats)
            answer(sent);
    }
    m_releasing = false;
    if (lastStored)
        Q_EMIT storedUpTo(lastStored);
    if ((!m_queue.isEmpty() || !m_retry.isEmpty()) && !m_db.isCommitPending())
        scheduleFlush(); // what gathered while a PostgreSQL commit was on its way
}

Result<QByteArray> MessageService::page(qint64 channelId, qint64 parentId, const QUrlQuery &query)
{
    const QString limitText = query.queryItemValue(QString(Wire::Rest::Query::Limit));
    bool limitOk = true;
    const int limit = limitText.isEmpty() ? Limits::HistoryDefaultLimit : limitText.toInt(&limitOk);
    if (!limitOk || limit < 1 || limit > Limits::HistoryMaxLimit)
        return Wire::Error::badRequest(
            u"limit must be an integer from 1 to %1"_qs.arg(Limits::HistoryMaxLimit));
    int anchors = 0;
    qint64 before = 0, after = 0, around = 0;
    for (const auto &[key, target] : { std::pair { QString(Wire::Rest::Query::Before), &before },
             std::pair { QString(Wire::Rest::Query::After), &after },
             std::pair { QString(Wire::Rest::Query::Around), &around } }) {
        if (!query.hasQueryItem(key))
            continue;
        ++anchors;
        *target = idFromString(query.queryItemValue(key));
        if (*target == 0)
            return Wire::Error::badRequest(u"%1 must be a message id"_qs.arg(key));
    }
    if (anchors > 1)
        return Wire::Error::badRequest(u"use only one of before, after and around"_qs);

    // A message whose batch is committed but not yet on disk is not shown: nobody has been told of it yet,
    // and a power cut would take it back. It arrives live, as message.new, once it is durable.
    const qint64 maxSeq = lastDurableSeq(channelId, std::numeric_limits<qint64>::max());
    bool hasMore = false;
    bool hasMoreAfter = false;
    QList<MessageRecord> records;
    if (around) {
        const auto center = m_messages.byId(around);
        if (!center || center->channelId != channelId || center->parentId != parentId || center->seq > maxSeq)
            return Wire::Error::notFound(u"no such message in this channel"_qs);
        const int newer = limit / 2;
        records = m_messages.page(channelId, parentId, MessageStore::Direction::Before, around + 1,
            limit - newer, &hasMore, maxSeq);
        records += m_messages.page(
            channelId, parentId, MessageStore::Direction::After, around, newer, &hasMoreAfter, maxSeq);
    } else if (after) {
        records = m_messages.page(
            channelId, parentId, MessageStore::Direction::After, after, limit, &hasMoreAfter, maxSeq);
        hasMore = hasMoreAfter;
    } else {
        records = m_messages.page(
            channelId, parentId, MessageStore::Direction::Before, before, limit, &hasMore, maxSeq);
    }
    JsonWriter w;
    // Wire::HistoryPage's shape, around messages written once each.
    w.beginObject()
        .key(Wire::Key::Messages)
        .raw(m_views.messagesJson(records, m_viewer))
        .key(Wire::Key::HasMore)
        .value(hasMore);
    if (around)
        w.key(Wire::Key::HasMoreAfter).value(hasMoreAfter);
    w.endObject();
    return w.take();
}

Result<QByteArray> MessageService::history(qint64 userId, qint64 channelId, const QUrlQuery &query)
{
    const auto access = m_access.access(userId, channelId);
    if (!access.ok())
        return access.error();
    m_viewer = userId;
    return page(channelId, 0, query);
}

Result<QByteArray> MessageService::replies(qint64 userId, qint64 messageId, const QUrlQuery &query)
{
    const auto root = messageId ? m_messages.byId(messageId) : std::nullopt;
    if (!root)
        return Wire::Error::notFound(u"no such message"_qs);
    const auto access = accessToMessage(m_access, userId, root->channelId);
    if (!access.ok())
        return access.error();
    if (root->parentId)
        return Wire::Error::badRequest(u"that message is a reply; ask for its root's replies"_qs);
    m_viewer = userId;
    return page(root->channelId, root->id, query);
}

Result<bool> MessageService::markRead(qint64 userId, qint64 channelId, qint64 messageId)
{
    const auto access = m_access.access(userId, channelId);
    if (!access.ok())
        return access.error();
    const auto message = m_messages.byId(messageId);
    if (!message || message->channelId != channelId)
        return Wire::Error::notFound(u"no such message in this channel"_qs);
    return m_channels.markRead(channelId, userId, messageId, message->ordinal);
}

bool MessageService::setPreview(qint64 messageId, const QJsonObject &preview)
{
    const auto message = m_messages.byId(messageId);
    if (!message || message->deletedAt)
        return false;
    if (!m_db.begin())
        return false;
    std::optional<EventLog::Event> event;
    if (m_messages.setPreview(messageId, QJsonDocument(preview).toJson(QJsonDocument::Compact))) {
        if (const auto updated = m_messages.byId(messageId))
            event = m_events.appendMessageUpdated(message->channelId, m_views.messageJson(*updated));
    }
    if (!event || !m_db.commit()) {
        m_db.rollback();
        return false;
    }
    m_events.publish(*event);
    return true;
}

} // namespace Natter::Server
