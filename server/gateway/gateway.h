#pragma once

#include <apierror.h>
#include <result.h>

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

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
    };

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

private:
    using Handler = std::function<void(Connection *, const QJsonObject &, const QString &reqId)>;

    void onFrame(Connection *connection, const QByteArray &text);
    void onClosed(Connection *connection);
    void sweepSilent();
    void ack(Connection *connection, const QString &reqId, QJsonObject fields = {});
    static QByteArray ackWithMessage(const QString &reqId, const QByteArray &messageJson);
    void fail(Connection *connection, const QString &reqId, const ApiError &error);

    void handleMessageSend(Connection *connection, const QJsonObject &frame, const QString &reqId);
    void handleSync(Connection *connection, const QJsonObject &frame, const QString &reqId);
    void handleReadMark(Connection *connection, const QJsonObject &frame, const QString &reqId);
    void handleTyping(Connection *connection, const QJsonObject &frame, const QString &reqId, bool typing);
    void handlePresenceSubscribe(Connection *connection, const QJsonObject &frame, const QString &reqId);
    // Registers TYPE for a call that answers with a Result: ack with its fields, or error.
    void route(const QString &type,
        std::function<Result<QJsonObject>(qint64 userId, const QJsonObject &frame)> call);

    Config m_config;
    Services m_services;
    AuthService &m_auth;
    ChannelService &m_channels;
    EventLog &m_events;
    MessageService &m_messages;
    UserStore &m_users;
    Hub &m_hub;
    Views &m_views;
    QHash<QString, Handler> m_handlers;
    QTimer m_sweep;
    QTimer m_trim;
    QElapsedTimer m_clock;
    qint64 m_trimDeadline = 0;
};

} // namespace Natter::Server
