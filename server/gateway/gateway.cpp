#include "gateway/gateway.h"
#include "services/authservice.h"
#include "services/channelservice.h"
#include "gateway/connection.h"
#include "services/eventlog.h"
#include "transport/ws/gatewaysocket.h"
#include "gateway/hub.h"
#include "logging.h"
#include "services/messageeditor.h"
#include "services/pinservice.h"
#include "services/reactionservice.h"
#include "services/messageservice.h"
#include "gateway/presence.h"
#include "gateway/typingrelay.h"
#include "store/userstore.h"
#include "services/views.h"

#include <errorcode.h>
#include <isotime.h>
#include <jsonreader.h>
#include <jsonwriter.h>
#include <protocollimits.h>
#include <snowflake.h>

#include <QJsonArray>

#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <QPointer>
#include <QUrlQuery>

namespace Natter::Server {

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
    using namespace std::placeholders;
    m_handlers.insert(u"ping"_qs, [this](Connection *c, const QJsonObject &, const QString &reqId) {
        QJsonObject pong;
        if (!reqId.isEmpty())
            pong.insert(u"reqId"_qs, reqId);
        c->send(frameText(u"pong"_qs, pong));
    });
    m_handlers.insert(u"message.send"_qs, std::bind(&Gateway::handleMessageSend, this, _1, _2, _3));
    m_handlers.insert(u"sync"_qs, std::bind(&Gateway::handleSync, this, _1, _2, _3));
    m_handlers.insert(u"read.mark"_qs, std::bind(&Gateway::handleReadMark, this, _1, _2, _3));
    m_handlers.insert(u"typing.start"_qs, std::bind(&Gateway::handleTyping, this, _1, _2, _3, true));
    m_handlers.insert(u"typing.stop"_qs, std::bind(&Gateway::handleTyping, this, _1, _2, _3, false));
    m_handlers.insert(
        u"presence.subscribe"_qs, std::bind(&Gateway::handlePresenceSubscribe, this, _1, _2, _3));
    MessageEditor &editor = s.editor;
    route(u"message.edit"_qs, [&editor](qint64 user, const QJsonObject &f) -> Result<QJsonObject> {
        const auto r = editor.edit(user, f);
        return r.ok() ? Result<QJsonObject>(QJsonObject { { u"message"_qs, r.value() } }) : r;
    });
    route(u"message.delete"_qs, [&editor](qint64 user, const QJsonObject &f) {
        JsonReader r(f);
        const qint64 id = r.id(u"messageId"_qs);
        return r.ok() ? editor.remove(user, id) : Result<QJsonObject>(ApiError::badRequest(r.error()));
    });
    ReactionService &reactions = s.reactions;
    route(u"reaction.add"_qs,
        [&reactions](qint64 user, const QJsonObject &f) { return reactions.react(user, f, true); });
    route(u"reaction.remove"_qs,
        [&reactions](qint64 user, const QJsonObject &f) { return reactions.react(user, f, false); });
    PinService &pins = s.pins;
    for (const bool pin : { true, false }) {
        route(
            pin ? u"message.pin"_qs : u"message.unpin"_qs, [&pins, pin](qint64 user, const QJsonObject &f) {
                JsonReader r(f);
                const qint64 id = r.id(u"messageId"_qs);
                return r.ok() ? pins.pin(user, id, pin)
                              : Result<QJsonObject>(ApiError::badRequest(r.error()));
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
        raw->close(CloseCode::Unauthorized, u"unauthorized"_qs);
        QTimer::singleShot(6000, raw, &QObject::deleteLater);
        return;
    }
    auto *connection = new Connection(std::move(socket), userId, tokenHash, m_config.maxOutboundBytes, this);
    connect(connection, &Connection::frameReceived, this, &Gateway::onFrame);
    connect(connection, &Connection::closed, this, &Gateway::onClosed);
    m_hub.add(connection);

    const auto user = m_users.byId(userId);
    connection->send(frameText(u"ready"_qs,
        { { u"sessionId"_qs, connection->sessionId() },
            { u"user"_qs, user ? m_views.user(*user) : QJsonObject() },
            { u"heartbeatMs"_qs, m_config.heartbeatMs }, { u"channels"_qs, m_channels.listFor(userId) } }));
}

void Gateway::onClosed(Connection *connection)
{
    m_services.presence.forget(connection);
    m_hub.remove(connection);
    connection->deleteLater();
    const qint64 now = m_clock.elapsed();
    if (!m_trim.isActive())
        m_trimDeadline = now + 10000;
    m_trim.start(int(qBound(qint64(0), m_trimDeadline - now, qint64(2000))));
}

void Gateway::route(const QString &type, std::function<Result<QJsonObject>(qint64, const QJsonObject &)> call)
{
    m_handlers.insert(type, [this, call](Connection *c, const QJsonObject &frame, const QString &reqId) {
        const auto result = call(c->userId(), frame);
        if (result.ok())
            ack(c, reqId, result.value());
        else
            fail(c, reqId, result.error());
    });
}

void Gateway::sweepSilent()
{
    const qint64 cutoff = nowMs() - 2 * qint64(m_config.heartbeatMs);
    for (Connection *c : m_hub.allConnections())
        if (c->lastActivityMs() < cutoff && !c->isClosing())
            c->close(1001, u"heartbeat timeout"_qs); // going away
}

void Gateway::ack(Connection *connection, const QString &reqId, QJsonObject fields)
{
    if (reqId.isEmpty())
        return;
    fields.insert(u"reqId"_qs, reqId);
    connection->send(frameText(u"ack"_qs, std::move(fields)));
}

QByteArray Gateway::ackWithMessage(const QString &reqId, const QByteArray &messageJson)
{
    JsonWriter w;
    w.beginObject().key("type").value(u"ack"_qs).key("reqId").value(reqId);
    w.key("message").raw(messageJson).endObject();
    return w.take();
}

void Gateway::fail(Connection *connection, const QString &reqId, const ApiError &error)
{
    QJsonObject fields { { u"error"_qs, error.toJson() } };
    if (!reqId.isEmpty())
        fields.insert(u"reqId"_qs, reqId);
    connection->send(frameText(u"error"_qs, fields));
}

void Gateway::onFrame(Connection *connection, const QByteArray &text)
{
    QString parseError;
    const auto frame = JsonReader::parseObject(text, &parseError);
    if (!frame)
        return fail(connection, {}, ApiError::badRequest(parseError));
    const QJsonValue reqIdValue = frame->value(u"reqId");
    if (!reqIdValue.isUndefined() && !reqIdValue.isNull()
        && (!reqIdValue.isString() || reqIdValue.toString().size() > Limits::MaxReqIdChars
            || reqIdValue.toString().isEmpty()))
        return fail(connection, {},
            ApiError::badRequest(
                u"reqId must be a string of 1 to %1 characters"_qs.arg(Limits::MaxReqIdChars)));
    const QString reqId = reqIdValue.toString();
    const QJsonValue typeValue = frame->value(u"type");
    if (!typeValue.isString())
        return fail(connection, reqId, ApiError::badRequest(u"frame has no string 'type'"_qs));
    const auto handler = m_handlers.constFind(typeValue.toString());
    if (handler == m_handlers.constEnd())
        return fail(connection, reqId,
            ApiError::badRequest(u"unknown frame type '%1'"_qs.arg(typeValue.toString().left(64))));
    (*handler)(connection, *frame, reqId);
}

void Gateway::handleMessageSend(Connection *connection, const QJsonObject &frame, const QString &reqId)
{
    JsonReader r(frame);
    const qint64 channelId = r.id(u"channelId"_qs);
    if (!r.ok())
        return fail(connection, reqId, ApiError::badRequest(r.error()));
    QPointer<Connection> guard(connection);
    m_messages.send(connection->userId(), channelId, frame,
        [this, guard, reqId](const Result<MessageService::Sent> &result) {
            if (!guard || guard->isClosing())
                return;
            if (!result.ok())
                fail(guard, reqId, result.error());
            else if (!reqId.isEmpty())
                guard->send(ackWithMessage(reqId, result.value().message));
        });
}

void Gateway::handleSync(Connection *connection, const QJsonObject &frame, const QString &reqId)
{
    JsonReader r(frame);
    const QJsonObject channels = r.object(u"channels"_qs);
    if (r.ok() && channels.size() > Limits::MaxSyncChannels)
        r.fail(u"sync names more than %1 channels"_qs.arg(Limits::MaxSyncChannels));
    QList<std::pair<qint64, qint64>> wanted;
    for (auto it = channels.begin(); r.ok() && it != channels.end(); ++it) {
        const qint64 channelId = idFromString(it.key());
        const double seq = it.value().toDouble(-1);
        if (!channelId || !it.value().isDouble() || seq < 0 || seq != double(qint64(seq)))
            r.fail(u"sync.channels must map channel ids to non-negative integer seqs"_qs);
        else
            wanted.append({ channelId, qint64(seq) });
    }
    if (!r.ok())
        return fail(connection, reqId, ApiError::badRequest(r.error()));

    // A replay goes out in one piece; one larger than a quarter of the outbound limit could get a client on a
    // slow link closed with 4009 every time it tried to catch up. Past that the channel is answered `reset`
    // and the client pages through history instead.
    const qint64 budget = qMax<qint64>(16 * 1024, m_config.maxOutboundBytes / 4);
    qint64 spent = 0;
    QJsonObject result;
    for (const auto &[channelId, lastSeq] : wanted) {
        const auto access = m_channels.access(connection->userId(), channelId);
        if (!access.ok()) {
            // Not (or no longer) a member: nothing to replay; the client drops the channel.
            result.insert(idToString(channelId),
                QJsonObject { { u"lastSeq"_qs, lastSeq }, { u"reset"_qs, true },
                    { u"error"_qs, access.error().toJson() } });
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
        result.insert(
            idToString(channelId), QJsonObject { { u"lastSeq"_qs, current }, { u"reset"_qs, reset } });
    }
    ack(connection, reqId, { { u"channels"_qs, result } });
}

void Gateway::handleReadMark(Connection *connection, const QJsonObject &frame, const QString &reqId)
{
    JsonReader r(frame);
    const qint64 channelId = r.id(u"channelId"_qs);
    const qint64 messageId = r.id(u"messageId"_qs);
    if (!r.ok())
        return fail(connection, reqId, ApiError::badRequest(r.error()));
    const auto moved = m_messages.markRead(connection->userId(), channelId, messageId);
    if (!moved.ok())
        return fail(connection, reqId, moved.error());
    if (moved.value()) {
        m_hub.publishToChannel(channelId,
            frameText(u"read.updated"_qs,
                { { u"channelId"_qs, idToString(channelId) },
                    { u"userId"_qs, idToString(connection->userId()) },
                    { u"messageId"_qs, idToString(messageId) } }));
    }
    ack(connection, reqId, { { u"moved"_qs, moved.value() } });
}

void Gateway::handleTyping(
    Connection *connection, const QJsonObject &frame, const QString &reqId, bool typing)
{
    JsonReader r(frame);
    const qint64 channelId = r.id(u"channelId"_qs);
    if (!r.ok())
        return fail(connection, reqId, ApiError::badRequest(r.error()));
    const auto access = m_channels.access(connection->userId(), channelId);
    if (!access.ok())
        return fail(connection, reqId, access.error());
    m_services.typing.relay(channelId, connection->userId(), typing, nowMs());
    ack(connection, reqId);
}

void Gateway::handlePresenceSubscribe(Connection *connection, const QJsonObject &frame, const QString &reqId)
{
    JsonReader r(frame);
    const QList<qint64> ids = r.idList(u"userIds"_qs, Limits::MaxPresenceSubscriptions, true);
    if (!r.ok())
        return fail(connection, reqId, ApiError::badRequest(r.error()));
    m_services.presence.subscribe(connection, ids);
    ack(connection, reqId, { { u"count"_qs, connection->presenceSubscriptions().size() } });
}

} // namespace Natter::Server
