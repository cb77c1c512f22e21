#include "server.h"
#include "authservice.h"
#include "channelservice.h"
#include "channelstore.h"
#include "database.h"
#include "eventlog.h"
#include "fileservice.h"
#include "gateway.h"
#include "guardedtcpserver.h"
#include "httpjson.h"
#include "hub.h"
#include "linkpreviewer.h"
#include "logging.h"
#include "messageeditor.h"
#include "messageservice.h"
#include "messagestore.h"
#include "passwordhasher.h"
#include "pinstore.h"
#include "presence.h"
#include "qtgatewaysocket.h"
#include "ratelimiter.h"
#include "reactionstore.h"
#include "restapi.h"
#include "searchindexer.h"
#include "searchservice.h"
#include "typingrelay.h"
#include "userstore.h"
#include "views.h"
#include "wshandshake.h"
#ifdef NATTER_LITE_WEBSOCKET
#include "litewebsocket.h"
#endif

#include <protocollimits.h>
#include <snowflake.h>

#include <QHttpServer>
#include <QJsonDocument>
#include <QPointer>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QThreadPool>
#include <QTimer>
#include <QWebSocket>

namespace {
// Answers a refused upgrade and closes; the client gets a moment to read the answer.
void refuseUpgrade(QTcpSocket *socket, const QByteArray &response)
{
    socket->setReadBufferSize(4096);
    socket->write(response);
    socket->disconnectFromHost();
    QTimer::singleShot(5000, socket, [socket] { socket->abort(); });
}
} // namespace

// Declared in the order they depend on each other, so that they are destroyed in reverse.
struct Server::Parts
{
    explicit Parts(const ServerConfig &c)
        : ids(c.nodeId)
        , users(db)
        , channelStore(db)
        , messageStore(db)
        , reactions(db)
        , hub(channelStore)
        , views(users, reactions, hub)
        , events(channelStore, messageStore, views, hub)
        , hasher(c.passwordCost, &hashPool)
        , limiter(c.sendRate, c.sendBurst)
        , auth(users, hasher, ids, hub)
        , channels(db, channelStore, users, events, hub, views, ids)
        , messages(db, channels, channelStore, messageStore, users, events, views, ids, limiter)
        , pins(db)
        , editor(db, channels, channelStore, messageStore, messages, reactions, pins, events, views, limiter)
        , presence(hub, users)
        , typing(hub, channelStore, c.typingMaxMembers)
        , search(db, channels, messageStore, views)
        , gateway({ c.heartbeatMs, c.maxOutboundBytes },
              { auth, channels, events, messages, editor, users, hub, views, presence, typing })
        , rest({ auth, channels, messages, editor, search, users, views })
        , files(db, channelStore, auth, ids, c.maxUploadBytes)
        , previews(messages, { c.allowPrivatePreviews })
    {
    }

    QThreadPool hashPool;
    SnowflakeGenerator ids;
    Database db;
    UserStore users;
    ChannelStore channelStore;
    MessageStore messageStore;
    ReactionStore reactions;
    Hub hub;
    Views views;
    EventLog events;
    PasswordHasher hasher;
    RateLimiter limiter;
    AuthService auth;
    ChannelService channels;
    MessageService messages;
    PinStore pins;
    MessageEditor editor;
    Presence presence;
    TypingRelay typing;
    SearchService search;
    Gateway gateway;
    RestApi rest;
    FileService files;
    SearchIndexer indexer;
    LinkPreviewer previews;
    QHttpServer http;
    GuardedTcpServer *tcp = nullptr;
};

Server::Server(ServerConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
{
}

Server::~Server()
{
    if (d)
        d->hashPool.waitForDone();
}

bool Server::start(QString *error)
{
    if (!PasswordHasher::initialise()) {
        *error = u"libsodium could not be initialised"_qs;
        return false;
    }
    d = std::make_unique<Parts>(m_config);
    d->hashPool.setMaxThreadCount(m_config.hashThreads);
    if (!d->db.open(m_config.dataDir, error, m_config.durability == u"full"))
        return false;
    // Ids must keep growing across restarts whatever the clock did since: the search index's cursor and
    // sync's walk of messages_channel rely on store order being id order.
    {
        QSqlQuery newest(d->db.connection());
        if (!newest.exec(u"SELECT max(m) FROM (SELECT max(id) AS m FROM messages UNION ALL SELECT max(id)"
                         " FROM channels UNION ALL SELECT max(id) FROM users UNION ALL SELECT max(id)"
                         " FROM uploads)"_qs)
            || !newest.next()) {
            *error = u"cannot read the newest id: %1"_qs.arg(newest.lastError().text());
            return false;
        }
        d->ids.continueAfter(newest.value(0).toLongLong());
    }
    if (!d->indexer.start(m_config.dataDir, error)
        || !d->db.attach(SearchIndexer::path(m_config.dataDir), u"search"_qs, error))
        return false;
    d->editor.setSearchIndexer(&d->indexer);
    connect(&d->messages, &MessageService::storedUpTo, this,
        [this](qint64 messageId) { d->indexer.indexUpTo(messageId); });

    d->files.setUnattachedTtl(qint64(m_config.unattachedUploadTtlSeconds) * 1000);
    if (!d->files.open(m_config.dataDir, error))
        return false;
    d->messages.setAttachments(&d->files);
    d->views.setAttachments(&d->files);
    d->editor.setAttachments(&d->files);
    connect(&d->messages, &MessageService::messageStored, &d->previews, &LinkPreviewer::onMessageStored);

    d->rest.install(d->http);
    d->files.installRoutes(d->http);
    // The upgrade happens only when a route for the path exists and writes nothing (Qt 6.4). A bad token is
    // answered 401 here, before the upgrade.
    d->http.route("/api/v1/ws", [this](const QHttpServerRequest &req, QHttpServerResponder &&responder) {
        QByteArray token = HttpJson::bearerToken(req);
        if (token.isEmpty())
            token = req.query().queryItemValue(u"token"_qs, QUrl::FullyDecoded).toLatin1();
        if (!d->auth.authenticate(token)) {
            responder.write(QJsonDocument(QJsonObject { { u"error"_qs, ApiError::unauthorized().toJson() } }),
                QHttpServerResponder::StatusCode::Unauthorized);
        }
    });
    connect(&d->http, &QAbstractHttpServer::newWebSocketConnection, this, [this] {
        while (auto socket = d->http.nextPendingWebSocketConnection()) {
            auto adapted = std::make_unique<QtGatewaySocket>(std::move(socket));
            const QByteArray token = adapted->token();
            d->gateway.accept(std::move(adapted), token);
        }
    });
    if (m_config.passwordCost == PasswordHasher::Cost::Fast)
        qCWarning(lcServer)
            << "--password-cost fast: password hashes are weak; use it for tests and load tools only";

    d->tcp = new GuardedTcpServer(
        { Limits::MaxHttpHeaderBytes, Limits::MaxJsonBodyBytes, m_config.maxUploadBytes });
    d->tcp->setUploadHandler(
        [this](QTcpSocket *socket, const QByteArray &header) { d->files.receive(socket, header); });
#ifdef NATTER_LITE_WEBSOCKET
    if (m_config.wsTransport == ServerConfig::WsTransport::Lite)
        d->tcp->setUpgradeHandler(
            [this](QTcpSocket *socket, const QByteArray &head) { upgradeLite(socket, head); });
#endif
    // Qt's default backlog of 50 refuses connections outright when a crowd reconnects at once.
    d->tcp->setListenBacklogSize(1024);
    if (!d->tcp->listen(m_config.listen, m_config.port)) {
        *error = u"cannot listen on %1:%2: %3"_qs.arg(m_config.listen.toString())
                     .arg(m_config.port)
                     .arg(d->tcp->errorString());
        delete d->tcp;
        d->tcp = nullptr;
        return false;
    }
    d->http.bind(d->tcp);
    return true;
}

void Server::upgradeLite(QTcpSocket *socket, const QByteArray &head)
{
#ifdef NATTER_LITE_WEBSOCKET
    const WsHandshake handshake = WsHandshake::parse(head);
    if (!handshake.valid)
        return refuseUpgrade(
            socket, WsHandshake::errorResponse(400, "Bad Request", "bad_request", handshake.problem));
    // Authenticated before the upgrade, so that a bad token gets an HTTP answer rather than a 4001 close.
    if (!d->auth.authenticate(handshake.token))
        return refuseUpgrade(socket,
            WsHandshake::errorResponse(401, "Unauthorized", "unauthorized", "missing or invalid token"));
    // Called inside the socket's readyRead: it is replaced once that signal has returned.
    QMetaObject::invokeMethod(
        this,
        [this, guard = QPointer<QTcpSocket>(socket), handshake] {
            if (!guard)
                return;
            if (auto lite = LiteWebSocket::takeOver(guard, handshake.switchingProtocols()))
                d->gateway.accept(std::move(lite), handshake.token);
        },
        Qt::QueuedConnection);
#else
    Q_UNUSED(head);
    refuseUpgrade(socket, {});
#endif
}

quint16 Server::port() const
{
    return d && d->tcp ? d->tcp->serverPort() : 0;
}

qsizetype Server::connectionCount() const
{
    return d ? d->hub.connectionCount() : 0;
}
