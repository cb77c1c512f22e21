#include "gateway/gateway.h"
#include "services/authservice.h"
#include "services/channelservice.h"
#include "gateway/connection.h"
#include "services/eventlog.h"
#include "transport/ws/gatewaysocket.h"
#include "gateway/hub.h"
#include "logging.h"
#include "metrics.h"
#include "services/messageeditor.h"
#include "services/pinservice.h"
#include "services/reactionservice.h"
#include "services/messageservice.h"
#include "gateway/presence.h"
#include "gateway/typingrelay.h"
#include "store/userstore.h"
#include "services/views.h"

#include <common/protocol/events.h>
#include <common/protocol/keys.h>
#include <common/isotime.h>
#include <common/jsonreader.h>
#include <common/jsonwriter.h>
#include <common/protocollimits.h>
#include <common/snowflake.h>

#include <QJsonArray>

#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <QPointer>
#include <QUrlQuery>

namespace Natter::Server {

namespace {
// The ack of message.edit around the message as the editor already wrote it (Wire::MessageAck's frame).
struct RenderedMessageAck
{
    QByteArray messageJson;
};


template<class F> QByteArray encodeAnswer(const F &frame, const QString &reqId)
{
    return Wire::encodeFrame(frame, reqId);
}

QByteArray encodeAnswer(const RenderedMessageAck &ack, const QString &reqId)
{
    return Wire::MessageAck::encode(reqId, ack.messageJson);
}
} // namespace

template<class Request, class Handle> void Gateway::on(Wire::FrameType type, Handle handle)
{
    m_handlers[type] = [this, handle](Connection *c, const QJsonObject &frame, const Wire::Envelope &envelope) {
        QString problem;
        const auto request = Wire::decodeFrame<Request>(frame, envelope.type, &problem);
        if (!request)
            return fail(c, envelope.reqId, Wire::Error::badRequest(problem));
        handle(c, *request, envelope.reqId);
    };
}

// A request answered by one service call: CALL returns Result<F>, F an ack frame (events.h) or Wire::Ack.
template<class Request, class Call> void Gateway::route(Wire::FrameType type, Call call)
{
    on<Request>(type, [this, call](Connection *c, const Request &request, const QString &reqId) {
        const auto result = call(c->userId(), request);
        if (!result.ok())
            fail(c, reqId, result.error());
        else if (!reqId.isEmpty())
            c->send(encodeAnswer(result.value(), reqId));
    });
}

Gateway::Gateway(Config config, Services s, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_services(s)
    , m_auth(s.auth)
    , m_channels(s.channels)
    , m_events(s.events)
    , m_messages(s.messages)
    , m_users(s.users)
    , m_hub(s.hub)
    , m_views(s.views)
{
    using Wire::FrameType;
    on<Wire::Ping>(FrameType::Ping, [](Connection *c, const Wire::Ping &, const QString &reqId) {
        c->send(Wire::encodeFrame(Wire::Pong {}, reqId));
    });
    on<Wire::SendMessage>(FrameType::MessageSend,
        [this](Connection *c, const Wire::SendMessage &r, const QString &reqId) { handleMessageSend(c, r, reqId); });
    on<Wire::Sync>(FrameType::Sync,
        [this](Connection *c, const Wire::Sync &r, const QString &reqId) { handleSync(c, r, reqId); });
    on<Wire::ReadMark>(FrameType::ReadMark,
        [this](Connection *c, const Wire::ReadMark &r, const QString &reqId) { handleReadMark(c, r, reqId); });
    for (const FrameType type : { FrameType::TypingStart, FrameType::TypingStop }) {
        on<Wire::TypingRequest>(type, [this](Connection *c, const Wire::TypingRequest &r, const QString &reqId) {
            handleTyping(c, r, reqId);
        });
    }
    on<Wire::PresenceSubscribe>(FrameType::PresenceSubscribe,
        [this](Connection *c, const Wire::PresenceSubscribe &r, const QString &reqId) {
            handlePresenceSubscribe(c, r, reqId);
        });
    MessageEditor &editor = s.editor;
    route<Wire::EditMessage>(FrameType::MessageEdit,
        [&editor](qint64 user, const Wire::EditMessage &r) -> Result<RenderedMessageAck> {
            auto edited = editor.edit(user, r);
            if (!edited.ok())
                return edited.error();
            return RenderedMessageAck { std::move(edited.value()) };
        });
    route<Wire::MessageRequest>(FrameType::MessageDelete,
        [&editor](qint64 user, const Wire::MessageRequest &r) -> Result<Wire::Ack> {
            const auto removed = editor.remove(user, r.messageId.value());
            if (!removed.ok())
                return removed.error();
            return Wire::Ack {};
        });
    ReactionService &reactions = s.reactions;
    for (const FrameType type : { FrameType::ReactionAdd, FrameType::ReactionRemove }) {
        route<Wire::React>(
            type, [&reactions](qint64 user, const Wire::React &r) { return reactions.react(user, r); });
    }
    PinService &pins = s.pins;
    for (const FrameType type : { FrameType::MessagePin, FrameType::MessageUnpin }) {
        route<Wire::MessageRequest>(type, [&pins](qint64 user, const Wire::MessageRequest &r) {
            return pins.pin(user, r.messageId.value(), r.type == FrameType::MessagePin);
        });
    }

    m_sweep.setInterval(qMax(50, m_config.heartbeatMs / 2));
    connect(&m_sweep, &QTimer::timeout, this, &Gateway::sweepSilent);
    m_sweep.start();
    m_clock.start();

    // After a wave of disconnects, hand freed heap back to the system: glibc keeps it otherwise, and a server
    // that grew for a reconnect storm would stay that large (docs/benchmarks.md, idle). The trim runs once
    // the wave is over (no close for 2 s), and at least every 10 s while closes keep coming.
    m_trim.setSingleShot(true);
    connect(&m_trim, &QTimer::timeout, this, [] {
#ifdef __GLIBC__
        malloc_trim(0);
#endif
    });
}

Gateway::~Gateway()
{
    // Nobody may be told about a connection that is already gone: forget every follower first.
    const QList<Connection *> connections = m_hub.allConnections();
    for (Connection *c : connections)
        m_services.presence.forget(c);
    for (Connection *c : connections) {
        m_hub.remove(c);
        delete c;
    }
}

void Gateway::accept(std::unique_ptr<GatewaySocket> socket, const QByteArray &token)
{
    QByteArray tokenHash;
    const qint64 userId = m_auth.authenticate(token, &tokenHash);
    if (!userId) {
        GatewaySocket *raw = socket.release();
        connect(raw, &GatewaySocket::disconnected, raw, &QObject::deleteLater);
        metrics().reject(Metrics::Reject::Unauthorized);
        raw->close(Wire::CloseCode::Unauthorized, u"unauthorized"_qs);
        QTimer::singleShot(6000, raw, &QObject::deleteLater);
        return;
    }
    if (!mayConnect(userId)) {
        // Upgrades that passed the handshake's check in the same event-loop pass: closed, not served.
        GatewaySocket *raw = socket.release();
        connect(raw, &GatewaySocket::disconnected, raw, &QObject::deleteLater);
        metrics().reject(Metrics::Reject::RateLimited);
        raw->close(Wire::CloseCode::PolicyViolation, u"too many connections"_qs);
        QTimer::singleShot(6000, raw, &QObject::deleteLater);
        return;
    }
    auto *connection = new Connection(std::move(socket), userId, tokenHash, m_config.maxOutboundBytes, this);
    connect(connection, &Connection::frameReceived, this, &Gateway::onFrame);
    connect(connection, &Connection::closed, this, &Gateway::onClosed);
    m_hub.add(connection);
    Metrics::add(metrics().gatewaySessions);
    qCInfo(lcGateway).noquote().nospace() << "session open session=" << connection->sessionId() << " user=" << userId;

    Wire::Ready ready;
    ready.sessionId = connection->sessionId();
    ready.user = m_views.user(userId);
    ready.heartbeatMs = m_config.heartbeatMs;
    ready.channels = m_channels.listFor(userId);
    // In a cluster the relay's per-channel order starts from what this client can `sync` to (a batch not yet
    // on disk is still to be published), so that an event lost on the way later shows as a gap to fill.
    if (HubRelay *relay = m_hub.relay())
        for (const Wire::Channel &channel : std::as_const(ready.channels))
            relay->channelSeen(channel.id.value(), m_messages.lastDurableSeq(channel.id.value(), channel.lastSeq));
    connection->send(Wire::encodeFrame(ready));
}

bool Gateway::mayConnect(qint64 userId) const
{
    return m_config.maxConnectionsPerUser <= 0
        || m_hub.connectionsOf(userId).size() < m_config.maxConnectionsPerUser;
}

void Gateway::onClosed(Connection *connection)
{
    // The code the server closed with; 0 when the client closed or the connection dropped.
    qCInfo(lcGateway).noquote().nospace() << "session close session=" << connection->sessionId()
                                << " user=" << connection->userId() << " code=" << connection->closeCode();
    m_services.presence.forget(connection);
    m_hub.remove(connection);
    connection->deleteLater();
    const qint64 now = m_clock.elapsed();
    if (!m_trim.isActive())
        m_trimDeadline = now + 10000;
    m_trim.start(int(qBound(qint64(0), m_trimDeadline - now, qint64(2000))));
}

void Gateway::closeAll(int code, const QString &reason)
{
    for (Connection *c : m_hub.allConnections())
        c->close(code, reason);
}

void Gateway::sweepSilent()
{
    const qint64 cutoff = nowMs() - 2 * qint64(m_config.heartbeatMs);
    for (Connection *c : m_hub.allConnections())
        if (c->lastActivityMs() < cutoff && !c->isClosing())
            c->close(1001, u"heartbeat timeout"_qs); // going away
}



void Gateway::fail(Connection *connection, const QString &reqId, const Wire::Error &error)
{
    metrics().reject(error.code);
    connection->send(Wire::encodeFrame(Wire::ErrorFrame { error }, reqId));
}

void Gateway::onFrame(Connection *connection, const QByteArray &text)
{
    QString problem;
    const auto frame = JsonReader::parseObject(text, &problem);
    if (!frame)
        return fail(connection, {}, Wire::Error::badRequest(problem));
    const Wire::Envelope envelope = Wire::Envelope::read(*frame, &problem);
    if (!problem.isEmpty())
        return fail(connection, envelope.reqId, Wire::Error::badRequest(problem));
    const auto handler = m_handlers.find(envelope.type);
    if (handler == m_handlers.end())
        return fail(connection, envelope.reqId,
            Wire::Error::badRequest(u"unknown frame type '%1'"_qs.arg(envelope.typeName.left(64))));
    handler->second(connection, *frame, envelope);
}

void Gateway::handleMessageSend(Connection *connection, const Wire::SendMessage &request, const QString &reqId)
{
    QPointer<Connection> guard(connection);
    QElapsedTimer received;
    received.start();
    m_messages.send(connection->userId(), request,
        [this, guard, reqId, received](const Result<MessageService::Sent> &result) {
            if (!guard || guard->isClosing())
                return;
            if (!result.ok()) {
                fail(guard, reqId, result.error());
            } else if (!reqId.isEmpty()) {
                guard->send(Wire::MessageAck::encode(reqId, result.value().message));
                metrics().sendToAck.observeMicros(received.nsecsElapsed() / 1000);
            }
        });
}

void Gateway::handleSync(Connection *connection, const Wire::Sync &request, const QString &reqId)
{
    // A replay goes out in one piece; one larger than a quarter of the outbound limit could get a client on a
    // slow link closed with 4009 every time it tried to catch up. Past that the channel is answered `reset`
    // and the client pages through history instead.
    const qint64 budget = qMax<qint64>(16 * 1024, m_config.maxOutboundBytes / 4);
    qint64 spent = 0;
    Wire::SyncAck answer;
    for (const auto &[channel, lastSeq] : request.channels) {
        const qint64 channelId = channel.value();
        const auto access = m_channels.access(connection->userId(), channelId);
        if (!access.ok()) {
            // Not (or no longer) a member: nothing to replay; the client drops the channel.
            answer.channels.append({ channel, lastSeq, true, access.error() });
            continue;
        }
        // Events whose batch is committed but not yet on disk are not replayed: they reach every member live
        // once they are, and a power cut before that must not leave this client ahead of the log.
        const qint64 current = m_messages.lastDurableSeq(channelId, access.value().channel.lastSeq);
        bool reset = lastSeq > current || current - lastSeq > Limits::SyncResetThreshold;
        if (!reset) {
            const auto events
                = m_events.replay(channelId, lastSeq, current, Limits::SyncResetThreshold, budget - spent);
            reset = !events;
            for (const QByteArray &event : events.value_or(QList<QByteArray>())) {
                spent += event.size();
                connection->send(event);
            }
        }
        answer.channels.append({ channel, current, reset, std::nullopt });
    }
    if (!reqId.isEmpty())
        connection->send(Wire::encodeFrame(answer, reqId));
}

void Gateway::handleReadMark(Connection *connection, const Wire::ReadMark &request, const QString &reqId)
{
    const qint64 channelId = request.channelId.value();
    const qint64 messageId = request.messageId.value();
    const auto moved = m_messages.markRead(connection->userId(), channelId, messageId);
    if (!moved.ok())
        return fail(connection, reqId, moved.error());
    if (moved.value()) {
        m_hub.publishToChannel(
            channelId, Wire::encodeFrame(Wire::ReadState { request.channelId, connection->userId(), request.messageId }));
    }
    if (!reqId.isEmpty())
        connection->send(Wire::encodeFrame(Wire::ReadMarkAck { moved.value() }, reqId));
}

void Gateway::handleTyping(Connection *connection, const Wire::TypingRequest &request, const QString &reqId)
{
    const qint64 channelId = request.channelId.value();
    const auto access = m_channels.access(connection->userId(), channelId);
    if (!access.ok())
        return fail(connection, reqId, access.error());
    m_services.typing.relay(channelId, connection->userId(), request.typing, nowMs());
    if (!reqId.isEmpty())
        connection->send(Wire::encodeFrame(Wire::Ack {}, reqId));
}

void Gateway::handlePresenceSubscribe(
    Connection *connection, const Wire::PresenceSubscribe &request, const QString &reqId)
{
    QList<qint64> ids;
    ids.reserve(request.userIds.size());
    for (const Wire::Id id : request.userIds)
        ids.append(id.value());
    m_services.presence.subscribe(connection, ids);
    if (!reqId.isEmpty())
        connection->send(
            Wire::encodeFrame(Wire::PresenceAck { int(connection->presenceSubscriptions().size()) }, reqId));
}

} // namespace Natter::Server
