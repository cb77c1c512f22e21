#include "session/session.h"
#include "logging.h"
#include "models/messagelistmodel.h"
#include "net/apiclient.h"
#include "net/clientlimits.h"
#include "session/messageactions.h"
#include "session/moderation.h"

#include <common/protocol/codec.h>
#include <common/protocol/requests.h>
#include <common/protocol/rest.h>

#include <QUuid>

#include <algorithm>

namespace Natter::Client {

namespace {
constexpr int SendTimeoutMs = 15000;
}

Session::Session(ApiClient *api, GatewayClient *gateway, Cache *cache, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_gateway(gateway)
    , m_cache(cache)
    , m_presence([this](const QList<Wire::Id> &users) {
        if (m_gateway->isConnected()) m_gateway->call(Wire::PresenceSubscribe { users });
    })
    , m_reads([this](Wire::Id channel, Wire::Id message) { m_gateway->send(Wire::ReadMark { channel, message }); })
    , m_actions(std::make_unique<MessageActions>(this, api, gateway))
    , m_moderation(std::make_unique<Moderation>(api))
{
    connect(&m_presence, &PresenceTracker::presenceChanged, this, [this](Wire::Id user, bool online) {
        m_online.insert(user, online);
        m_channels.setPeerOnline(user, online);
    });
    connect(m_gateway, &GatewayClient::ready, this, &Session::onReady);
    connect(m_gateway, &GatewayClient::eventReceived, this, &Session::onEvent);
    connect(m_gateway, &GatewayClient::replyReceived, this, &Session::onReply);
    connect(m_gateway, &GatewayClient::authRejected, this, &Session::signedOut);
    connect(m_gateway, &GatewayClient::attemptFailed, this, [this] {
        // Only REST tells a revoked token apart from a server that is down.
        m_api->get(Wire::Rest::mePath(), {}, this, [this](const ApiResult &result) {
            if (result.status == 401) {
                m_gateway->stop();
                emit signedOut();
            }
        });
    });
    connect(m_gateway, &GatewayClient::stateChanged, this, [this](GatewayClient::State state) {
        if (state != GatewayClient::State::Connected) {
            m_synced = false;
            m_syncReq.clear();
            m_gapSyncReqs.clear();
            // Whatever was in flight is sent again after the reconnect, under the same clientMsgId, so the
            // server stores it at most once.
            m_inFlightReq.clear();
            m_inFlightClientMsgId.clear();
            m_sendTimeout.stop();
        }
        emit connectionStateChanged(state);
    });
    m_sendTimeout.setSingleShot(true);
    connect(&m_sendTimeout, &QTimer::timeout, this, [this] {
        const QString id = m_inFlightClientMsgId;
        m_inFlightReq.clear();
        m_inFlightClientMsgId.clear();
        failSend(id);
        pumpOutbox();
    });
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &Session::pumpOutbox);
}

Session::~Session() = default;

QUrl Session::serverUrl() const
{
    return m_api->baseUrl();
}

void Session::start()
{
    const QString cachedMe = m_cache->meta(u"me"_qs);
    if (!m_me.id.isValid() && !cachedMe.isEmpty()) {
        QString problem;
        const std::optional<QJsonObject> me = JsonReader::parseObject(cachedMe.toUtf8(), &problem);
        if (const auto user = me ? Wire::decode<Wire::User>(*me, &problem) : std::nullopt)
            m_me = User(*user);
        else
            qCWarning(lcSession) << "ignoring the cached user:" << problem;
    }
    m_channels.setChannels(m_cache->channels());
    m_cursors = m_cache->cursors();
    m_outbox = m_cache->outbox();
    m_gateway->setUrl(m_api->gatewayUrl());
    m_gateway->setToken(m_api->token());
    m_gateway->start();
}

void Session::stop()
{
    m_gateway->stop();
}

void Session::setMe(const User &me)
{
    m_me = me;
    m_cache->setMeta(u"me"_qs, QString::fromUtf8(Wire::encode(me.wire())));
}

Channel Session::channel(Wire::Id channelId) const
{
    return m_channels.channelAt(m_channels.rowOf(channelId));
}

void Session::addChannel(const Channel &channel)
{
    if (!m_cursors.contains(channel.id) && m_channels.rowCount() >= ClientLimits::MaxChannels) {
        qCWarning(lcSession) << "ignoring a channel past" << ClientLimits::MaxChannels << "held";
        return;
    }
    if (!m_cursors.contains(channel.id)) setCursor(channel.id, channel.lastSeq);
    updateChannel(channel);
    findPeers({ channel });
}

void Session::attach(MessageListModel *model)
{
    m_actions->attach(model);
    connect(this, &Session::messageReceived, model, &MessageListModel::addMessage);
    connect(this, &Session::messageChanged, model, &MessageListModel::updateMessage);
    connect(this, &Session::pendingAdded, model, &MessageListModel::addPending);
    connect(this, &Session::messageDeleted, model, [model](Wire::Id channelId, Wire::Id messageId, qint64 at) {
        if (model->channelId() == channelId) model->markDeleted(messageId, at);
    });
    connect(this, &Session::reactionChanged, model,
        [model](Wire::Id channelId, Wire::Id messageId, const QString &emoji, bool added, bool mine) {
            if (model->channelId() == channelId) model->applyReaction(messageId, emoji, added, mine);
        });
    connect(this, &Session::pinChanged, model, [model](Wire::Id channelId, Wire::Id messageId, bool pinned) {
        if (model->channelId() == channelId) model->setPinned(messageId, pinned);
    });
    connect(this, &Session::sendStateChanged, model,
        [model](Wire::Id channelId, const QString &clientMsgId, SendState state) {
            if (model->channelId() == channelId) model->setSendState(clientMsgId, state);
        });
    connect(this, &Session::channelReset, model, [model](Wire::Id channelId) {
        if (model->channelId() == channelId) model->reload();
    });
}

void Session::openChannel(MessageListModel *model, Wire::Id channelId)
{
    m_activeChannel = channelId;
    model->setChannel(channelId);
    for (const Message &m : pendingMessages(channelId))
        model->addPending(m);
    Channel c = channel(channelId);
    if (c.id.isValid() && c.unreadCount > 0) {
        c.unreadCount = 0;
        c.mentionCount = 0;
        updateChannel(c);
    }
    // read.mark goes out only for what the view reports as seen (readTracker()).
}

Message Session::localMessage(const OutboxEntry &entry) const
{
    Message m;
    m.channelId = entry.channelId;
    m.clientMsgId = entry.clientMsgId;
    m.author = { m_me.id, m_me.username, m_me.displayName };
    m.text = entry.text;
    m.attachments = entry.attachments;
    m.createdAt = timeToWire(entry.createdAt);
    m.state = entry.failed ? SendState::Failed : SendState::Sending;
    return m;
}

QList<Message> Session::pendingMessages(Wire::Id channelId) const
{
    QList<Message> out;
    for (const OutboxEntry &e : m_outbox)
        if (e.channelId == channelId) out.append(localMessage(e));
    return out;
}

int Session::outboxIndex(const QString &clientMsgId) const
{
    for (int i = 0; i < m_outbox.size(); ++i)
        if (m_outbox.at(i).clientMsgId == clientMsgId) return i;
    return -1;
}

QString Session::sendMessage(Wire::Id channelId, const QString &text, const QList<Wire::Attachment> &attachments)
{
    OutboxEntry entry { QUuid::createUuid().toString(QUuid::WithoutBraces), channelId, text,
        QDateTime::currentDateTimeUtc(), false, attachments };
    m_cache->enqueue(entry);
    m_outbox.append(entry);
    emit pendingAdded(localMessage(entry));
    pumpOutbox();
    return entry.clientMsgId;
}

void Session::retry(const QString &clientMsgId)
{
    const int i = outboxIndex(clientMsgId);
    if (i < 0 || !m_outbox.at(i).failed) return;
    m_outbox[i].failed = false;
    m_cache->setOutboxFailed(clientMsgId, false);
    emit sendStateChanged(m_outbox.at(i).channelId, clientMsgId, SendState::Sending);
    pumpOutbox();
}

void Session::pumpOutbox()
{
    // One message in flight at a time keeps the server's order equal to the order of writing, even when one
    // of them is rate limited and has to wait.
    if (!m_inFlightReq.isEmpty() || !m_synced || !m_gateway->isConnected() || m_retryTimer.isActive()) return;
    for (const OutboxEntry &e : std::as_const(m_outbox)) {
        if (e.failed) continue;
        Wire::SendMessage send;
        send.channelId = e.channelId;
        send.clientMsgId = e.clientMsgId;
        send.text = e.text;
        for (const Wire::Attachment &a : e.attachments)
            send.attachmentIds.append(a.id);
        const QString reqId = m_gateway->call(send);
        if (reqId.isEmpty()) return;
        m_inFlightReq = reqId;
        m_inFlightClientMsgId = e.clientMsgId;
        m_sendTimeout.start(SendTimeoutMs);
        return;
    }
}

void Session::completeSend(const QString &clientMsgId, const Message &message)
{
    const int i = outboxIndex(clientMsgId);
    if (i >= 0) {
        m_outbox.removeAt(i);
        m_cache->dequeue(clientMsgId);
    }
    if (clientMsgId == m_inFlightClientMsgId) {
        m_inFlightReq.clear();
        m_inFlightClientMsgId.clear();
        m_sendTimeout.stop();
    }
    emit messageReceived(message);
    pumpOutbox();
}

void Session::failSend(const QString &clientMsgId)
{
    const int i = outboxIndex(clientMsgId);
    if (i < 0) return;
    m_outbox[i].failed = true;
    m_cache->setOutboxFailed(clientMsgId, true);
    emit sendStateChanged(m_outbox.at(i).channelId, clientMsgId, SendState::Failed);
}

void Session::setTyping(Wire::Id channelId, bool typing)
{
    m_gateway->send(Wire::TypingRequest { typing, channelId });
}

void Session::setReaction(Wire::Id messageId, const QString &emoji, bool add)
{
    // The answer (reaction.ack, or an error) is not waited for: the event that follows a change says it all,
    // and no event means nothing changed.
    m_gateway->call(Wire::React { add, messageId, emoji });
}

void Session::setCursor(Wire::Id channelId, qint64 seq)
{
    m_cursors.insert(channelId, seq);
    m_cache->setCursor(channelId, seq);
}

void Session::updateChannel(const Channel &channel)
{
    Channel c = channel;
    withPeer(c);
    m_channels.upsert(c);
    m_cache->saveChannel(c);
}

void Session::removeChannel(Wire::Id channelId)
{
    m_channels.remove(channelId);
    m_cursors.remove(channelId);
    m_cache->removeChannel(channelId);
}

void Session::onReady(const Wire::Ready &ready)
{
    setMe(User(ready.user));
    m_moderation->refresh(); // the server role is only in GET /users/me
    QList<Channel> channels;
    QHash<Wire::Id, qint64> toSync;
    QSet<Wire::Id> known;
    QList<Wire::Channel> held = ready.channels;
    if (held.size() > ClientLimits::MaxChannels) {
        // No real server sends this many; keep the most recently active ones rather than hold them all.
        qCWarning(lcSession) << "ready lists" << held.size() << "channels; keeping the"
                             << ClientLimits::MaxChannels << "most recently active";
        std::partial_sort(held.begin(), held.begin() + ClientLimits::MaxChannels, held.end(),
            [](const Wire::Channel &a, const Wire::Channel &b) { return a.lastMessageAt > b.lastMessageAt; });
        held.resize(ClientLimits::MaxChannels);
    }
    for (const Wire::Channel &wire : std::as_const(held)) {
        Channel c(wire);
        known.insert(c.id);
        if (m_cursors.contains(c.id))
            toSync.insert(c.id, m_cursors.value(c.id));
        else
            setCursor(c.id, c.lastSeq); // history of a new channel comes through REST when it is opened
        if (c.id == m_activeChannel) c.unreadCount = 0;
        m_reads.setMarked(c.id, c.lastReadMessageId);
        withPeer(c);
        channels.append(c);
    }
    for (const Wire::Id id : m_cursors.keys())
        if (!known.contains(id)) removeChannel(id);
    m_channels.setChannels(channels);
    m_cache->saveChannels(channels);
    // A new connection follows nobody's presence until told again.
    m_presence.resubscribe();
    findPeers(channels);
    qCInfo(lcSession) << "ready with" << channels.size() << "channels; syncing" << toSync.size();
    m_synced = false;
    if (toSync.isEmpty()) {
        m_synced = true;
        emit syncFinished();
        pumpOutbox();
    } else {
        requestSync(toSync);
    }
}

void Session::requestSync(const QHash<Wire::Id, qint64> &channels)
{
    Wire::Sync sync;
    for (auto it = channels.cbegin(); it != channels.cend(); ++it)
        sync.channels.append({ it.key(), it.value() });
    const QString reqId = m_gateway->call(sync);
    if (m_synced)
        m_gapSyncReqs.insert(reqId);
    else
        m_syncReq = reqId;
}

void Session::finishSync(const Wire::SyncAck &ack)
{
    for (const Wire::SyncAck::Result &result : ack.channels) {
        if (!result.reset) continue;
        const Wire::Id channelId = result.channelId;
        qCInfo(lcSession) << "sync reset for" << channelId.toString();
        setCursor(channelId, result.lastSeq);
        m_cache->clearMessages(channelId);
        emit channelReset(channelId);
    }
}

void Session::onReply(const QString &reqId, Wire::FrameType type, const QJsonObject &frame)
{
    QString problem;
    const bool isError = type == Wire::FrameType::Error;
    if (reqId == m_syncReq || m_gapSyncReqs.contains(reqId)) {
        const bool initial = reqId == m_syncReq;
        m_gapSyncReqs.remove(reqId);
        const std::optional<Wire::SyncAck> ack
            = isError ? std::nullopt : Wire::decodeFrame<Wire::SyncAck>(frame, type, &problem);
        if (ack)
            finishSync(*ack);
        else
            qCWarning(lcSession) << "sync failed" << (isError ? frame : QJsonObject()) << problem;
        if (initial) {
            m_syncReq.clear();
            m_synced = true;
            emit syncFinished();
            pumpOutbox();
        }
        return;
    }
    if (reqId != m_inFlightReq) return;
    m_sendTimeout.stop();
    const QString clientMsgId = m_inFlightClientMsgId;
    if (!isError) {
        if (const auto ack = Wire::decodeFrame<Wire::MessageAck>(frame, type, &problem)) {
            completeSend(clientMsgId, Message(ack->message));
            return;
        }
        // An ack we cannot read: the echo (message.new) still confirms the message; until then it waits.
        qCWarning(lcSession) << "dropping a malformed ack:" << problem;
        m_inFlightReq.clear();
        m_inFlightClientMsgId.clear();
        m_sendTimeout.start(SendTimeoutMs);
        return;
    }
    const std::optional<Wire::ErrorFrame> refused = Wire::decodeFrame<Wire::ErrorFrame>(frame, type, &problem);
    m_inFlightReq.clear();
    m_inFlightClientMsgId.clear();
    if (refused && refused->error.code == Wire::ErrorCode::RateLimited) {
        m_retryTimer.start(std::max<qint64>(100, refused->error.retryAfterMs > 0 ? refused->error.retryAfterMs : 1000));
        return;
    }
    qCWarning(lcSession) << "message refused" << (refused ? refused->error.message : problem);
    failSend(clientMsgId);
    pumpOutbox();
}

} // namespace Natter::Client
