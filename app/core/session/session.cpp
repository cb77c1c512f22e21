#include "session/session.h"
#include "logging.h"
#include "models/messagelistmodel.h"
#include "net/apiclient.h"

#include <errorcode.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace Natter::Client {

namespace {
constexpr int SendTimeoutMs = 15000;
constexpr int CachedMessagesPerChannel = 200;
}

Session::Session(ApiClient *api, GatewayClient *gateway, Cache *cache, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_gateway(gateway)
    , m_cache(cache)
{
    connect(m_gateway, &GatewayClient::ready, this, &Session::onReady);
    connect(m_gateway, &GatewayClient::eventReceived, this, &Session::onEvent);
    connect(m_gateway, &GatewayClient::replyReceived, this, &Session::onReply);
    connect(m_gateway, &GatewayClient::authRejected, this, &Session::signedOut);
    connect(m_gateway, &GatewayClient::attemptFailed, this, [this] {
        // Only REST tells a revoked token apart from a server that is down.
        m_api->get(u"/api/v1/users/me"_qs, {}, this, [this](const ApiResult &result) {
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
    m_readTimer.setSingleShot(true);
    m_readTimer.setInterval(500);
    connect(&m_readTimer, &QTimer::timeout, this, [this] {
        if (!m_readChannel.isEmpty() && !m_readMessageId.isEmpty())
            m_gateway->sendFrame({ { u"type"_qs, u"read.mark"_qs }, { u"channelId"_qs, m_readChannel },
                { u"messageId"_qs, m_readMessageId } });
    });
}

Session::~Session() = default;

QUrl Session::serverUrl() const
{
    return m_api->baseUrl();
}

void Session::start()
{
    const QJsonObject me = QJsonDocument::fromJson(m_cache->meta(u"me"_qs).toUtf8()).object();
    if (m_me.id.isEmpty() && !me.isEmpty()) m_me = User::fromJson(me);
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
    m_cache->setMeta(u"me"_qs, QString::fromUtf8(QJsonDocument(me.toJson()).toJson(QJsonDocument::Compact)));
}

Channel Session::channel(const QString &channelId) const
{
    return m_channels.channelAt(m_channels.rowOf(channelId));
}

void Session::addChannel(const Channel &channel)
{
    if (!m_cursors.contains(channel.id)) setCursor(channel.id, channel.lastSeq);
    updateChannel(channel);
    findPeers({ channel });
}

void Session::attach(MessageListModel *model)
{
    connect(this, &Session::messageReceived, model, &MessageListModel::addMessage);
    connect(this, &Session::messageChanged, model, &MessageListModel::updateMessage);
    connect(this, &Session::pendingAdded, model, &MessageListModel::addPending);
    connect(
        this, &Session::messageDeleted, model, [model](const QString &channelId, const QString &messageId) {
            const int row = model->channelId() == channelId ? model->rowOfId(messageId) : -1;
            if (row < 0) return;
            Message m = model->messageAt(row);
            m.deleted = true;
            m.text.clear();
            model->updateMessage(m);
        });
    connect(this, &Session::sendStateChanged, model,
        [model](const QString &channelId, const QString &clientMsgId, SendState state) {
            if (model->channelId() == channelId) model->setSendState(clientMsgId, state);
        });
    connect(this, &Session::channelReset, model, [model](const QString &channelId) {
        if (model->channelId() == channelId) model->reload();
    });
}

void Session::openChannel(MessageListModel *model, const QString &channelId)
{
    m_activeChannel = channelId;
    model->setChannel(channelId);
    for (const Message &m : pendingMessages(channelId))
        model->addPending(m);
    Channel c = channel(channelId);
    if (!c.id.isEmpty() && c.unreadCount > 0) {
        c.unreadCount = 0;
        c.mentionCount = 0;
        updateChannel(c);
    }
    if (m_lastMessageIds.contains(channelId)) scheduleReadMark(channelId, m_lastMessageIds.value(channelId));
}

Message Session::localMessage(const OutboxEntry &entry) const
{
    Message m;
    m.channelId = entry.channelId;
    m.clientMsgId = entry.clientMsgId;
    m.author = { m_me.id, m_me.username, m_me.displayName };
    m.text = entry.text;
    m.createdAt = entry.createdAt;
    m.state = entry.failed ? SendState::Failed : SendState::Sending;
    return m;
}

QList<Message> Session::pendingMessages(const QString &channelId) const
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

QString Session::sendMessage(const QString &channelId, const QString &text)
{
    OutboxEntry entry { QUuid::createUuid().toString(QUuid::WithoutBraces), channelId, text,
        QDateTime::currentDateTimeUtc(), false };
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
        const QString reqId = m_gateway->call({ { u"type"_qs, u"message.send"_qs },
            { u"channelId"_qs, e.channelId }, { u"clientMsgId"_qs, e.clientMsgId }, { u"text"_qs, e.text } });
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

void Session::setTyping(const QString &channelId, bool typing)
{
    m_gateway->sendFrame(
        { { u"type"_qs, typing ? u"typing.start"_qs : u"typing.stop"_qs }, { u"channelId"_qs, channelId } });
}

void Session::setCursor(const QString &channelId, qint64 seq)
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

void Session::removeChannel(const QString &channelId)
{
    m_channels.remove(channelId);
    m_cursors.remove(channelId);
    m_cache->removeChannel(channelId);
}

void Session::onReady(const QJsonObject &frame)
{
    setMe(User::fromJson(frame.value(u"user").toObject()));
    QList<Channel> channels;
    QHash<QString, qint64> toSync;
    QSet<QString> known;
    for (const QJsonValue &v : frame.value(u"channels").toArray()) {
        Channel c = Channel::fromJson(v.toObject());
        known.insert(c.id);
        if (m_cursors.contains(c.id))
            toSync.insert(c.id, m_cursors.value(c.id));
        else
            setCursor(c.id, c.lastSeq); // history of a new channel comes through REST when it is opened
        if (c.id == m_activeChannel) c.unreadCount = 0;
        withPeer(c);
        channels.append(c);
    }
    for (const QString &id : m_cursors.keys())
        if (!known.contains(id)) removeChannel(id);
    m_channels.setChannels(channels);
    m_cache->saveChannels(channels);
    // A new connection follows nobody's presence until told again.
    subscribePresence();
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

void Session::requestSync(const QHash<QString, qint64> &channels)
{
    QJsonObject map;
    for (auto it = channels.cbegin(); it != channels.cend(); ++it)
        map.insert(it.key(), it.value());
    const QString reqId = m_gateway->call({ { u"type"_qs, u"sync"_qs }, { u"channels"_qs, map } });
    if (m_synced)
        m_gapSyncReqs.insert(reqId);
    else
        m_syncReq = reqId;
}

void Session::finishSync(const QJsonObject &ack)
{
    const QJsonObject channels = ack.value(u"channels").toObject();
    for (auto it = channels.begin(); it != channels.end(); ++it) {
        const QJsonObject result = it.value().toObject();
        if (result.value(u"reset").toBool()) {
            qCInfo(lcSession) << "sync reset for" << it.key();
            setCursor(it.key(), result.value(u"lastSeq").toInteger());
            m_cache->clearMessages(it.key());
            emit channelReset(it.key());
        }
    }
}

void Session::onReply(const QString &reqId, const QJsonObject &frame)
{
    const bool isError = frame.value(u"type").toString() == u"error";
    if (reqId == m_syncReq) {
        m_syncReq.clear();
        if (!isError)
            finishSync(frame);
        else
            qCWarning(lcSession) << "sync failed" << frame;
        m_synced = true;
        emit syncFinished();
        pumpOutbox();
        return;
    }
    if (m_gapSyncReqs.remove(reqId)) {
        if (!isError) finishSync(frame);
        return;
    }
    if (reqId != m_inFlightReq) return;
    m_sendTimeout.stop();
    const QString clientMsgId = m_inFlightClientMsgId;
    if (!isError) {
        completeSend(clientMsgId, Message::fromJson(frame.value(u"message").toObject()));
        return;
    }
    const QJsonObject error = frame.value(u"error").toObject();
    m_inFlightReq.clear();
    m_inFlightClientMsgId.clear();
    if (error.value(u"code").toString() == errorCodeName(ErrorCode::RateLimited)) {
        m_retryTimer.start(std::max(100, error.value(u"retryAfterMs").toInt(1000)));
        return;
    }
    qCWarning(lcSession) << "message refused" << error;
    failSend(clientMsgId);
    pumpOutbox();
}

void Session::onEvent(const QJsonObject &frame)
{
    const QString type = frame.value(u"type").toString();
    if (frame.contains(u"seq")) {
        onChannelEvent(type, frame);
    } else if (type == u"typing") {
        emit typingChanged(frame.value(u"channelId").toString(), frame.value(u"userId").toString(),
            frame.value(u"typing").toBool());
    } else if (type == u"presence") {
        const QString userId = frame.value(u"userId").toString();
        m_online.insert(userId, frame.value(u"online").toBool());
        m_channels.setPeerOnline(userId, m_online.value(userId));
    } else if (type == u"channel.added") {
        addChannel(Channel::fromJson(frame.value(u"channel").toObject()));
    } else if (type == u"channel.removed") {
        removeChannel(frame.value(u"channelId").toString());
    } else if (type == u"read.updated" && frame.value(u"userId").toString() == m_me.id) {
        Channel c = channel(frame.value(u"channelId").toString());
        if (!c.id.isEmpty() && c.unreadCount != 0) {
            c.unreadCount = 0;
            updateChannel(c);
        }
    }
}

void Session::onChannelEvent(const QString &type, const QJsonObject &frame)
{
    const QString channelId = frame.value(u"channelId").toString();
    const qint64 seq = frame.value(u"seq").toInteger();
    const qint64 current = m_cursors.value(channelId, seq - 1);
    if (seq <= current) return; // already applied: a replay overlapping what came live
    if (seq > current + 1) {
        // Something was missed (a dropped connection on the server's side of the bus): ask for the gap
        // instead of showing messages out of order. The replay brings this event again.
        if (m_synced && m_syncReq.isEmpty() && m_gapSyncReqs.isEmpty())
            requestSync({ { channelId, current } });
        return;
    }
    setCursor(channelId, seq);
    Channel c = channel(channelId);
    if (type == u"message.new") {
        const Message m = Message::fromJson(frame.value(u"message").toObject());
        applyNewMessage(m);
    } else if (type == u"message.updated") {
        const Message m = Message::fromJson(frame.value(u"message").toObject());
        m_cache->storeMessages({ m });
        emit messageChanged(m);
    } else if (type == u"message.deleted") {
        emit messageDeleted(channelId, frame.value(u"messageId").toString());
    } else if (type == u"channel.updated") {
        Channel updated = Channel::fromJson(frame.value(u"channel").toObject());
        updated.unreadCount = c.unreadCount;
        updated.mentionCount = c.mentionCount;
        updated.role = c.role.isEmpty() ? updated.role : c.role;
        updateChannel(updated);
    } else if ((type == u"member.joined" || type == u"member.left") && !c.id.isEmpty()) {
        const QString userId = frame.value(u"user").toObject().value(u"id").toString();
        if (type == u"member.left" && userId == m_me.id) {
            removeChannel(channelId);
            return;
        }
        c.memberCount = std::max(0, c.memberCount + (type == u"member.joined" ? 1 : -1));
        updateChannel(c);
    }
}

void Session::applyNewMessage(const Message &m)
{
    m_cache->storeMessages({ m });
    if (++m_storedSinceTrim >= 100) {
        m_storedSinceTrim = 0;
        m_cache->trimMessages(m.channelId, CachedMessagesPerChannel);
    }
    m_lastMessageIds.insert(m.channelId, m.id);
    Channel c = channel(m.channelId);
    if (!c.id.isEmpty()) {
        c.lastMessageAt = m.createdAt;
        c.lastSeq = m.seq;
        // Events replayed by the sync after `ready` are already counted in the unreadCount that `ready`
        // carried.
        if (m.author.id != m_me.id && m.channelId != m_activeChannel && m_synced) ++c.unreadCount;
        updateChannel(c);
    }
    if (m.channelId == m_activeChannel && m.author.id != m_me.id) scheduleReadMark(m.channelId, m.id);
    if (!m.clientMsgId.isEmpty() && m.author.id == m_me.id && outboxIndex(m.clientMsgId) >= 0)
        completeSend(m.clientMsgId, m); // the echo came before the ack
    else
        emit messageReceived(m);
}

void Session::scheduleReadMark(const QString &channelId, const QString &messageId)
{
    m_readChannel = channelId;
    m_readMessageId = messageId;
    m_readTimer.start();
}

} // namespace Natter::Client
