#pragma once

#include <common/protocollimits.h>

#include <common/protocol/events.h>
#include <common/protocol/frame.h>

#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

namespace Natter::Client {

class TlsTrust;

// The client end of /api/v1/ws. Keeps one connection alive for as long as it is started: heartbeats every
// heartbeatMs, treats a connection that answers nothing for two heartbeats as dead, and reconnects with
// exponential backoff and jitter (1 s doubling to 30 s, back to 1 s after a successful `ready`). It does not
// interpret events; the session does.
class GatewayClient : public QObject
{
    Q_OBJECT
public:
    enum class State { Disconnected, Connecting, Connected };
    Q_ENUM(State)

    explicit GatewayClient(QObject *parent = nullptr);
    ~GatewayClient() override;

    void setUrl(const QUrl &url) { m_url = url; }
    void setToken(const QString &token) { m_token = token; }
    // Decides wss handshakes that do not verify (a pinned self-signed certificate); not owned.
    void setTlsTrust(TlsTrust *trust) { m_trust = trust; }
    // Overrides the reconnect delays (the protocol's are Limits::ReconnectInitialBackoffMs and …MaxBackoffMs).
    void setBackoff(int initialMs, int maxMs);

    void start();
    void stop();
    State state() const { return m_state; }
    bool isConnected() const { return m_state == State::Connected; }

    // Sends FRAME (a request of common/protocol/requests.h) with a fresh reqId; the answer comes through
    // replyReceived. Returns the reqId, or an empty string when not connected (nothing is sent then).
    template<class F> QString call(const F &frame)
    {
        if (m_state != State::Connected) return {};
        const QString reqId = nextReqId();
        return sendText(Wire::encodeFrame(frame, reqId)) ? reqId : QString();
    }
    // Sends FRAME without a reqId (no answer expected); false when not connected.
    template<class F> bool send(const F &frame) { return sendText(Wire::encodeFrame(frame)); }

    // The delay before reconnect attempt number `attempt` (0-based), with jitter in [base/2, base].
    static int backoffDelay(int attempt, int initialMs, int maxMs, double random01);

signals:
    void stateChanged(GatewayClient::State state);
    void ready(const Natter::Wire::Ready &ready);
    // Any other frame the server sent on its own; its envelope has been read, its fields not yet.
    void eventReceived(Natter::Wire::FrameType type, const QJsonObject &frame);
    // An `ack` or `error` frame answering a call().
    void replyReceived(const QString &reqId, Natter::Wire::FrameType type, const QJsonObject &frame);
    // The server refused the token (close 4001/4002 or HTTP 401): no reconnect is attempted.
    void authRejected(int closeCode);
    // A connection attempt ended before `ready`: the server is down, or it refused the upgrade (a bad token
    // is answered 401 before the upgrade, which a WebSocket cannot tell apart from other failures).
    void attemptFailed();

private:
    QString nextReqId();
    bool sendText(const QByteArray &json);
    void connectNow();
    void onTextMessage(const QString &text);
    void onDisconnected();
    void onHeartbeat();
    void scheduleReconnect();
    void setState(State state);

    QWebSocket *m_socket = nullptr;
    QUrl m_url;
    QString m_token;
    TlsTrust *m_trust = nullptr;
    State m_state = State::Disconnected;
    bool m_running = false;
    bool m_awaitingPong = false;
    bool m_gotReady = false;
    int m_attempt = 0;
    int m_initialBackoffMs = Limits::ReconnectInitialBackoffMs;
    int m_maxBackoffMs = Limits::ReconnectMaxBackoffMs;
    quint64 m_nextReqId = 1;
    QTimer m_heartbeat;
    QTimer m_reconnect;
};

} // namespace Natter::Client
