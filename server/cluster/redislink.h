#pragma once

#include <QByteArrayList>
#include <QObject>
#include <QTimer>

#include <functional>

struct redisAsyncContext;
struct redisReply;
class RedisQtAdapter;

namespace Natter::Server {

// One asynchronous connection to Redis: hiredis on Qt's event loop through hiredis's own Qt adapter. It
// reconnects with back-off (0.1 s doubling up to 5 s) for as long as it lives; while it is down, command()
// refuses at once instead of queueing, because everything sent through it is a wake-up that the receivers
// can do without (they fill from the database).
class RedisLink : public QObject
{
    Q_OBJECT
public:
    // Gets the reply, or nullptr when the connection went away before it came.
    using Callback = std::function<void(const redisReply *reply)>;

    RedisLink(QString host, quint16 port, QString name, QObject *parent = nullptr);
    ~RedisLink() override;

    // Subscribe mode: on every (re)connect the link subscribes to CHANNEL and emits subscribed(); each
    // message on it is emitted as message(). Call before start().
    void setSubscription(const QByteArray &channel) { m_subscription = channel; }
    void start();
    bool isConnected() const { return m_connected; }
    // Sends ARGS; false when not connected.
    bool command(const QByteArrayList &args, Callback callback = {});

Q_SIGNALS:
    void connected();
    void subscribed();
    void disconnected();
    void message(const QByteArray &payload);

private:
    static void onConnect(const redisAsyncContext *context, int status);
    static void onDisconnect(const redisAsyncContext *context, int status);
    static void onReply(redisAsyncContext *context, void *reply, void *privdata);
    static void onSubscriptionReply(redisAsyncContext *context, void *reply, void *privdata);
    void connectNow();
    void lost(const char *why);

    QString m_host;
    quint16 m_port;
    QString m_name;
    QByteArray m_subscription;
    redisAsyncContext *m_context = nullptr;
    // The adapter lives as long as the link and is handed each new context. Its destructor writes into the
    // context it was last given, which hiredis has freed by then: it is parked on m_parked first.
    RedisQtAdapter *m_adapter = nullptr;
    redisAsyncContext *m_parked = nullptr;
    QTimer m_retry;
    int m_backoffMs = 100;
    bool m_connected = false;
    bool m_closing = false;
    bool m_wasConnected = false;
};

} // namespace Natter::Server
