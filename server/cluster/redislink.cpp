#include "cluster/redislink.h"
#include "logging.h"

#include <hiredis/adapters/qt.h>
#include <hiredis/async.h>
#include <hiredis/hiredis.h>

#include <cstdlib>
#include <vector>

namespace Natter::Server {

RedisLink::RedisLink(QString host, quint16 port, QString name, QObject *parent)
    : QObject(parent)
    , m_host(std::move(host))
    , m_port(port)
    , m_name(std::move(name))
    , m_adapter(new RedisQtAdapter(this))
    , m_parked(static_cast<redisAsyncContext *>(std::calloc(1, sizeof(redisAsyncContext))))
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &RedisLink::connectNow);
}

RedisLink::~RedisLink()
{
    m_closing = true;
    m_retry.stop();
    if (m_context) {
        // Write out what is queued (a shutting-down instance's goodbye), bounded: the socket is non-blocking.
        int done = 0;
        for (int i = 0; m_connected && !done && i < 100; ++i)
            if (redisBufferWrite(&m_context->c, &done) != REDIS_OK)
                break;
        redisAsyncContext *context = m_context;
        m_context = nullptr;
        redisAsyncFree(context); // runs the pending callbacks with no reply, then the adapter's cleanup
    }
    m_adapter->setContext(m_parked);
    delete m_adapter;
    std::free(m_parked);
}

void RedisLink::start()
{
    connectNow();
}

void RedisLink::connectNow()
{
    if (m_closing || m_context)
        return;
    redisAsyncContext *context = redisAsyncConnect(m_host.toUtf8().constData(), m_port);
    if (!context) {
        lost("out of memory");
        return;
    }
    if (context->err) {
        const QByteArray why = context->errstr;
        redisAsyncFree(context);
        lost(why.constData());
        return;
    }
    context->data = this;
    m_context = context;
    m_adapter->setContext(context);
    redisAsyncSetConnectCallback(context, &RedisLink::onConnect);
    redisAsyncSetDisconnectCallback(context, &RedisLink::onDisconnect);
    // hiredis learns that the connection is up when it can first write: give it something to write.
    if (!m_subscription.isEmpty()) {
        const char *argv[] = { "SUBSCRIBE", m_subscription.constData() };
        const size_t lengths[] = { 9, size_t(m_subscription.size()) };
        redisAsyncCommandArgv(context, &RedisLink::onSubscriptionReply, this, 2, argv, lengths);
    } else {
        const char *argv[] = { "PING" };
        const size_t lengths[] = { 4 };
        redisAsyncCommandArgv(context, &RedisLink::onReply, nullptr, 1, argv, lengths);
    }
}

void RedisLink::lost(const char *why)
{
    const bool was = m_connected;
    m_connected = false;
    if (m_closing)
        return;
    if (was || !m_wasConnected || m_backoffMs >= 5000)
        qCWarning(lcCluster).noquote() << m_name << "Redis at" << m_host + u':' + QString::number(m_port)
                                       << "unreachable:" << why << "- retrying in" << m_backoffMs << "ms";
    m_retry.start(m_backoffMs);
    m_backoffMs = qMin(5000, m_backoffMs * 2);
    if (was)
        Q_EMIT disconnected();
}

void RedisLink::onConnect(const redisAsyncContext *context, int status)
{
    auto *self = static_cast<RedisLink *>(context->data);
    if (!self || self->m_closing)
        return;
    if (status != REDIS_OK) {
        // hiredis frees the context after this returns.
        self->m_context = nullptr;
        self->lost(context->errstr);
        return;
    }
    self->m_connected = true;
    self->m_wasConnected = true;
    self->m_backoffMs = 100;
    qCInfo(lcCluster).noquote() << self->m_name << "connected to Redis at"
                                << self->m_host + u':' + QString::number(self->m_port);
    Q_EMIT self->connected();
}

void RedisLink::onDisconnect(const redisAsyncContext *context, int status)
{
    auto *self = static_cast<RedisLink *>(context->data);
    if (!self)
        return;
    self->m_context = nullptr; // freed by hiredis after this returns
    if (!self->m_closing)
        self->lost(status == REDIS_OK ? "closed" : context->errstr);
}

bool RedisLink::command(const QByteArrayList &args, Callback callback)
{
    if (!m_connected || !m_context)
        return false;
    std::vector<const char *> argv;
    std::vector<size_t> lengths;
    argv.reserve(args.size());
    lengths.reserve(args.size());
    for (const QByteArray &arg : args) {
        argv.push_back(arg.constData());
        lengths.push_back(size_t(arg.size()));
    }
    auto *held = callback ? new Callback(std::move(callback)) : nullptr;
    if (redisAsyncCommandArgv(m_context, &RedisLink::onReply, held, int(argv.size()), argv.data(), lengths.data())
        != REDIS_OK) {
        delete held;
        return false;
    }
    return true;
}

void RedisLink::onReply(redisAsyncContext *, void *reply, void *privdata)
{
    auto *callback = static_cast<Callback *>(privdata);
    if (!callback)
        return;
    (*callback)(static_cast<const redisReply *>(reply));
    delete callback;
}

void RedisLink::onSubscriptionReply(redisAsyncContext *context, void *reply, void *privdata)
{
    auto *self = static_cast<RedisLink *>(privdata);
    const auto *r = static_cast<const redisReply *>(reply);
    if (!self || self->m_closing || !r || context->data != self)
        return;
    if (r->type != REDIS_REPLY_ARRAY || r->elements < 3 || r->element[0]->type != REDIS_REPLY_STRING)
        return;
    const QByteArrayView kind(r->element[0]->str, qsizetype(r->element[0]->len));
    if (kind == "message" && r->element[2]->type == REDIS_REPLY_STRING)
        Q_EMIT self->message(QByteArray(r->element[2]->str, qsizetype(r->element[2]->len)));
    else if (kind == "subscribe")
        Q_EMIT self->subscribed();
}

} // namespace Natter::Server
