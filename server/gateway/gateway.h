#pragma once

#include <common/protocol/error.h>
#include <common/protocol/frame.h>
#include <common/protocol/requests.h>
#include <common/result.h>

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <unordered_map>

namespace Natter::Server {

class GatewaySocket;
class Connection;
class AuthService;
class ChannelService;
class EventLog;
class MessageService;
class UserStore;
class Hub;
class Views;
class MessageEditor;
class ReactionService;
class PinService;
class Presence;
class TypingRelay;

// The WebSocket gateway: authenticates upgraded sockets, sends `ready`, routes every client frame through one
// table of handlers, answers each reqId exactly once, and closes connections that fall silent.
class Gateway : public QObject
{
    Q_OBJECT
public:
    struct Config
    {
        int heartbeatMs;
        qint64 maxOutboundBytes;
        int maxConnectionsPerUser = 0; // 0: no cap; the upgrade is refused 429 first, this catches races
    };
    // True when USERID may open another connection (the handshake asks before it upgrades).
    bool mayConnect(qint64 userId) const;

    // The services frames are routed to.
    struct Services
    {
        AuthService &auth;
        ChannelService &channels;
        EventLog &events;
        MessageService &messages;
        MessageEditor &editor;
        ReactionService &reactions;
        PinService &pins;
        UserStore &users;
        Hub &hub;
        Views &views;
        Presence &presence;
        TypingRelay &typing;
    };

    Gateway(Config config, Services services, QObject *parent = nullptr);
    ~Gateway() override;

    // Takes an upgraded socket whose request carried TOKEN: a valid one gets `ready`, others are closed with
    // 4001.
    void accept(std::unique_ptr<GatewaySocket> socket, const QByteArray &token);
    // Closes every open connection with CODE (a drain at shutdown uses 1001, going away).
    void closeAll(int code, const QString &reason);

private:
    using Handler = std::function<void(Connection *, const QJsonObject &frame, const Wire::Envelope &envelope)>;

    void onFrame(Connection *connection, const QByteArray &text);
    void onClosed(Connection *connection);
    void sweepSilent();
    void fail(Connection *connection, const QString &reqId, const Wire::Error &error);

    // Registers TYPE's handler: the frame is decoded as REQUEST (a decoding error is answered bad_request with
    // the decoder's reason) and HANDLE gets the typed request.
    template<class Request, class Handle> void on(Wire::FrameType type, Handle handle);
    // on() for a call that answers with a Result: ack with its fields, or error.
    template<class Request, class Call> void route(Wire::FrameType type, Call call);

    void handleMessageSend(Connection *connection, const Wire::SendMessage &request, const QString &reqId);
    void handleSync(Connection *connection, const Wire::Sync &request, const QString &reqId);
    void handleReadMark(Connection *connection, const Wire::ReadMark &request, const QString &reqId);
    void handleTyping(Connection *connection, const Wire::TypingRequest &request, const QString &reqId);
    void handlePresenceSubscribe(
        Connection *connection, const Wire::PresenceSubscribe &request, const QString &reqId);

    Config m_config;
    Services m_services;
    AuthService &m_auth;
    ChannelService &m_channels;
    EventLog &m_events;
    MessageService &m_messages;
    UserStore &m_users;
    Hub &m_hub;
    Views &m_views;
    std::unordered_map<Wire::FrameType, Handler> m_handlers;
    QTimer m_sweep;
    QTimer m_trim;
    QElapsedTimer m_clock;
    qint64 m_trimDeadline = 0;
};

} // namespace Natter::Server
