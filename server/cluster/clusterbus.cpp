#include "cluster/clusterbus.h"
#include "logging.h"
#include "services/loginthrottle.h"
#include "services/ratelimiter.h"
#include "store/channelstore.h"
#include "store/userstore.h"

#include <common/isotime.h>

#include <QRandomGenerator>

#include <hiredis/hiredis.h>

namespace Natter::Server {

namespace {
    const QByteArray Channel = QByteArrayLiteral("natter:cluster");

    // The shared token bucket of one user: RATE tokens a second up to BURST, on Redis's clock so that the
    // instances' clocks do not matter. Returns 0 when a token was free, else the milliseconds until one is.
    const QByteArray RateScript = QByteArrayLiteral(R"lua(
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local b = redis.call('HMGET', KEYS[1], 't', 'u')
local tokens = tonumber(b[1]) or burst
local updated = tonumber(b[2]) or now
tokens = math.min(burst, tokens + (now - updated) * rate / 1000)
local wait = 0
if tokens >= 1 then tokens = tokens - 1 else wait = math.ceil((1 - tokens) * 1000 / rate) end
redis.call('HSET', KEYS[1], 't', tostring(tokens), 'u', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst * 1000 / rate) + 1000)
return wait
)lua");

    QByteArray num(qint64 value)
    {
        return QByteArray::number(value);
    }
} // namespace

// Messages: KIND ' ' ORIGIN [' ' FIELD]* '\n' BODY, where KIND is
//   E channel seq except membership(0|1)  body: the frame    a committed channel event
//   T channel except                      body: the frame    an ephemeral channel frame
//   U user                                body: the frame    to one user's connections
//   K code tokenhash(hex)                 body: the reason   close the connections of a revoked token
//   C user                                                   the user's row changed: drop caches
//   M                                                        channel mutes changed: read them again
//   P user online(0|1)                                       presence on ORIGIN
//   S                                     body: user ids     ORIGIN's whole presence list
//   Q                                                        ORIGIN (re)connected: send S, catch up
//   H                                                        ORIGIN's heartbeat
//   X                                                        ORIGIN is shutting down
ClusterBus::ClusterBus(Settings settings, Parts parts, QObject *parent)
    : QObject(parent)
    , m_parts(std::move(parts))
    , m_settings(std::move(settings))
    , m_instance(QByteArray::number(QRandomGenerator::system()->generate64(), 36))
    , m_pub(m_settings.host, m_settings.port, u"publisher"_qs)
    , m_sub(m_settings.host, m_settings.port, u"subscriber"_qs)
    , m_sequencer(m_parts.hub, m_parts.events, m_parts.channels, m_parts.durableSeq)
    , m_remote(3 * qint64(m_settings.heartbeatMs))
{
    m_sub.setSubscription(Channel);
    connect(&m_sub, &RedisLink::message, this, &ClusterBus::onMessage);
    connect(&m_sub, &RedisLink::subscribed, this, &ClusterBus::onSubscribed);
    connect(&m_pub, &RedisLink::connected, this, [this] {
        // Whoever missed what this instance published while it was cut off catches up when it hears this.
        publish('Q', {});
        announceState();
    });
    connect(&m_remote, &RemotePresence::changed, &m_parts.hub, &Hub::remoteOnlineChanged);
    connect(&m_parts.hub, &Hub::localUserOnline, this,
        [this](qint64 userId) { publish('P', num(userId) + " 1"); });
    connect(&m_parts.hub, &Hub::localUserOffline, this,
        [this](qint64 userId) { publish('P', num(userId) + " 0"); });
    m_heartbeat.setInterval(m_settings.heartbeatMs);
    connect(&m_heartbeat, &QTimer::timeout, this, &ClusterBus::heartbeat);
    if (m_parts.limiter.enabled())
        m_parts.limiter.setShared([this](qint64 userId) { sharedRateTaken(userId); });
    if (m_parts.throttle) {
        m_parts.throttle->setShared([this](const QString &account, const QByteArray &address, bool success) {
            publish('L', (success ? "1 " : "0 ") + account.toUtf8().toHex() + ' ' + address.toHex());
        });
        m_parts.throttle->setSharedRegistration(
            [this](const QByteArray &address) { publish('R', address.toHex()); });
    }
}

ClusterBus::~ClusterBus()
{
    publish('X', {});
    m_parts.limiter.setShared({});
    if (m_parts.throttle) {
        m_parts.throttle->setShared({});
        m_parts.throttle->setSharedRegistration({});
    }
    if (m_parts.hub.relay() == this)
        m_parts.hub.setRelay(nullptr);
}

void ClusterBus::start()
{
    qCInfo(lcCluster).noquote() << "instance" << m_instance << "joins the cluster through Redis at"
                                << m_settings.host + u':' + QString::number(m_settings.port);
    m_parts.hub.setRelay(this);
    m_pub.start();
    m_sub.start();
    m_heartbeat.start();
}

void ClusterBus::publish(char kind, const QByteArray &fields, const QByteArray &body)
{
    if (!m_pub.isConnected())
        return; // a wake-up only: the others fill from the store when they hear from this instance again
    QByteArray payload;
    payload.reserve(2 + m_instance.size() + fields.size() + 2 + body.size());
    payload += kind;
    payload += ' ';
    payload += m_instance;
    if (!fields.isEmpty()) {
        payload += ' ';
        payload += fields;
    }
    payload += '\n';
    payload += body;
    m_pub.command({ QByteArrayLiteral("PUBLISH"), Channel, payload });
}

qsizetype ClusterBus::channelEvent(
    qint64 channelId, qint64 seq, const QByteArray &frame, qint64 exceptUser, bool membership)
{
    const qsizetype handed = m_sequencer.deliver(channelId, seq, frame, exceptUser);
    publish('E', num(channelId) + ' ' + num(seq) + ' ' + num(exceptUser) + (membership ? " 1" : " 0"), frame);
    return handed;
}

void ClusterBus::channelFrame(qint64 channelId, const QByteArray &frame, qint64 exceptUser)
{
    publish('T', num(channelId) + ' ' + num(exceptUser), frame);
}

void ClusterBus::userFrame(qint64 userId, const QByteArray &frame)
{
    publish('U', num(userId), frame);
}

void ClusterBus::tokenClosed(const QByteArray &tokenHash, int code, const QString &reason)
{
    publish('K', num(code) + ' ' + tokenHash.toHex(), reason.toUtf8());
}

void ClusterBus::userChanged(qint64 userId)
{
    publish('C', num(userId));
}

void ClusterBus::onSubscribed()
{
    // Whatever was published while this instance was not subscribed is in the store.
    m_sequencer.catchUp();
    publish('Q', {});
    announceState();
}

void ClusterBus::announceState()
{
    QByteArray ids;
    for (qint64 userId : m_parts.hub.localUserIds()) {
        if (!ids.isEmpty())
            ids += ',';
        ids += num(userId);
    }
    publish('S', {}, ids);
}

void ClusterBus::heartbeat()
{
    publish('H', {});
    m_remote.expire(nowMs());
}

void ClusterBus::onMessage(const QByteArray &payload)
{
    const qsizetype headerEnd = payload.indexOf('\n');
    if (headerEnd < 3)
        return;
    const QList<QByteArray> fields = payload.first(headerEnd).split(' ');
    const QByteArray body = payload.mid(headerEnd + 1);
    if (fields.size() < 2 || fields.at(0).size() != 1)
        return;
    const QByteArray &origin = fields.at(1);
    if (origin == m_instance)
        return; // delivered here when it was published
    const char kind = fields.at(0).at(0);
    const auto field = [&fields](int i) { return fields.value(i).toLongLong(); };
    const qint64 now = nowMs();
    if (!m_remote.knows(origin) && kind != 'S' && kind != 'X') {
        // An instance this one has no presence list of (it started, or it was expired): ask for it.
        m_remote.heard(origin, now);
        publish('Q', {});
    }
    switch (kind) {
    case 'E':
        if (fields.size() < 6)
            return;
        if (field(5))
            m_parts.channels.forgetMembers(field(2));
        m_sequencer.deliver(field(2), field(3), body, field(4));
        break;
    case 'T':
        m_parts.hub.deliverToChannel(field(2), body, field(3));
        break;
    case 'U':
        m_parts.hub.deliverToUser(field(2), body);
        break;
    case 'K': {
        const QByteArray tokenHash = QByteArray::fromHex(fields.value(3));
        Q_EMIT m_parts.hub.tokenRevokedElsewhere(tokenHash);
        m_parts.hub.closeLocalToken(tokenHash, int(field(2)), QString::fromUtf8(body));
        break;
    }
    case 'C':
        m_parts.users.forget(field(2));
        break;
    case 'M':
        Q_EMIT m_parts.hub.mutesChangedElsewhere();
        break;
    case 'P':
        m_remote.setOnline(origin, field(2), field(3) != 0, now);
        break;
    case 'S': {
        QList<qint64> ids;
        for (const QByteArray &id : body.split(','))
            if (const qint64 userId = id.toLongLong())
                ids.append(userId);
        m_remote.replace(origin, ids, now);
        break;
    }
    case 'Q':
        m_remote.heard(origin, now);
        announceState();
        m_sequencer.catchUp();
        break;
    case 'H':
        m_remote.heard(origin, now);
        break;
    case 'X':
        m_remote.drop(origin);
        break;
    case 'L':
        if (m_parts.throttle && fields.size() >= 5)
            m_parts.throttle->heardElsewhere(QString::fromUtf8(QByteArray::fromHex(fields.at(3))),
                QByteArray::fromHex(fields.at(4)), field(2) != 0, LoginThrottle::clockMs());
        break;
    case 'R':
        if (m_parts.throttle && fields.size() >= 3)
            m_parts.throttle->registeredElsewhere(QByteArray::fromHex(fields.at(2)), LoginThrottle::clockMs());
        break;
    default:
        break;
    }
}

void ClusterBus::sharedRateTaken(qint64 userId)
{
    // The local bucket has already let this one through; the shared one decides the next ones. So a user
    // spreading sends over N instances gets at most N - 1 more than the limit per round trip to Redis.
    const double rate = m_parts.limiter.rate();
    m_pub.command({ QByteArrayLiteral("EVAL"), RateScript, QByteArrayLiteral("1"),
                      QByteArrayLiteral("natter:rate:") + num(userId), QByteArray::number(rate),
                      QByteArray::number(m_parts.limiter.burst()) },
        [this, userId](const redisReply *reply) {
            if (reply && reply->type == REDIS_REPLY_INTEGER && reply->integer > 0)
                m_parts.limiter.holdUntil(userId, nowMs() + reply->integer);
        });
}

} // namespace Natter::Server
