#include "server.h"
#include "adminfile.h"
#include "features/files/fileservice.h"
#include "features/files/localblobstore.h"
#include "cluster/clusterbus.h"
#include "features/previews/linkpreviewer.h"
#include "gateway/gateway.h"
#include "gateway/hub.h"
#include "gateway/presence.h"
#include "gateway/typingrelay.h"
#include "logging.h"
#include "services/accountpolicy.h"
#include "services/authservice.h"
#include "services/channelservice.h"
#include "services/channelsettings.h"
#include "services/eventlog.h"
#include "services/loginthrottle.h"
#include "services/messageeditor.h"
#include "services/messageservice.h"
#include "services/moderationservice.h"
#include "services/passwordhasher.h"
#include "services/pinservice.h"
#include "services/ratelimiter.h"
#include "services/reactionservice.h"
#include "store/nodelease.h"
#include "services/searchservice.h"
#include "services/viewassembler.h"
#include "services/views.h"
#include "services/wordfilter.h"
#include "store/channelstore.h"
#include "store/database.h"
#include "store/messagestore.h"
#include "store/moderationstore.h"
#include "store/pinstore.h"
#include "store/reactionstore.h"
#include "store/searchindexer.h"
#include "store/userstore.h"
#include "transport/http/guardedtcpserver.h"
#include "transport/http/httpjson.h"
#include "transport/http/moderationroutes.h"
#include "transport/http/opsroutes.h"
#include "transport/http/restapi.h"
#include "transport/ws/qtgatewaysocket.h"
#include "transport/ws/wshandshake.h"
#ifdef NATTER_LITE_WEBSOCKET
#include "transport/ws/litewebsocket.h"
#endif

#include <common/jsonreader.h>
#include <common/protocol/rest.h>
#include <common/protocollimits.h>
#include <common/snowflake.h>

#include <QElapsedTimer>
#include <QFile>
#include <QHttpServer>
#if QT_CONFIG(ssl)
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#endif
#include <QJsonDocument>
#include <QPointer>
#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QDir>
#include <QThreadPool>
#include <QTimer>
#include <QWebSocket>

namespace Natter::Server {

namespace {
// Answers a refused upgrade and closes; the client gets a moment to read the answer.
void refuseUpgrade(QTcpSocket *socket, const QByteArray &response)
{
    socket->setReadBufferSize(4096);
    socket->write(response);
    socket->disconnectFromHost();
    QTimer::singleShot(5000, socket, [socket] { socket->abort(); });
}
// The refusal of a gateway upgrade by a user who has --max-connections-per-user open already.
Wire::Error tooManyConnections()
{
    Wire::Error e = Wire::Error::rateLimited(Server::RetryAfterConnectionCapMs);
    e.message = u"too many open connections for this account"_qs;
    return e;
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
        , viewData(users, reactions, hub)
        , views(viewData)
        , events(channelStore, messageStore, views, hub)
        , hasher(c.passwordCost, &hashPool, c.maxPendingHashes)
        , throttle({ c.loginBackoffBaseMs, c.loginBackoffMaxMs, c.loginFreePair, c.loginFreeAddress,
              c.loginFreeAccount, c.registerLimit, c.registerWindowSeconds })
        , limiter(c.sendRate, c.sendBurst)
        , auth(users, hasher, ids, hub)
        , channels(db, channelStore, users, events, hub, views, ids)
        , messages(db, channels, channelStore, messageStore, users, events, views, ids, limiter)
        , pins(db)
        , editor(db, channels, channelStore, messageStore, messages, reactions, pins, events, views, limiter)
        , reactionService(db, channels, messageStore, reactions, events, limiter)
        , pinService(db, channels, messageStore, pins, events, views)
        , settings(db, channels, channelStore, events, views)
        , presence(hub, users)
        , typing(hub, channelStore, c.typingMaxMembers)
        , search(db, channels, messageStore, views, c.searchWindow)
        , gateway({ c.heartbeatMs, c.maxOutboundBytes, c.maxConnectionsPerUser },
              { auth, channels, events, messages, editor, reactionService, pinService, users, hub, views,
                  presence, typing })
        , rest({ auth, channels, messages, editor, pinService, settings, search, users, views })
        , blobs(c.uploadsDir)
        , files(db, channelStore, auth, ids, blobs, c.maxUploadBytes)
        , previews(messages, { c.allowPrivatePreviews })
        , ops(db, hub)
        , moderationStore(db)
        , accountPolicy(moderationStore,
              AccountPolicy::registrationFromName(c.registration).value_or(AccountPolicy::Registration::Open))
        , moderation({ db, moderationStore, users, channelStore, messageStore, channels, editor, auth, hub,
              views, ids })
        , moderationRoutes(auth, moderation)
    {
    }

    QThreadPool hashPool;
    SnowflakeGenerator ids;
    Database db;
    NodeLease lease { db };
    UserStore users;
    ChannelStore channelStore;
    MessageStore messageStore;
    ReactionStore reactions;
    Hub hub;
    ViewAssembler viewData;
    Views views;
    EventLog events;
    PasswordHasher hasher;
    LoginThrottle throttle;
    RateLimiter limiter;
    AuthService auth;
    ChannelService channels;
    MessageService messages;
    PinStore pins;
    MessageEditor editor;
    ReactionService reactionService;
    PinService pinService;
    ChannelSettings settings;
    Presence presence;
    TypingRelay typing;
    SearchService search;
    Gateway gateway;
    RestApi rest;
    LocalBlobStore blobs;
    FileService files;
    SearchIndexer indexer;
    LinkPreviewer previews;
    OpsRoutes ops;
    ModerationStore moderationStore;
    AccountPolicy accountPolicy;
    WordFilter wordFilter;
    ModerationService moderation;
    ModerationRoutes moderationRoutes;
    QHttpServer http;
    GuardedTcpServer *tcp = nullptr;
    // Last, so that it is destroyed first: it is the Hub's relay and uses the stores.
    std::unique_ptr<ClusterBus> cluster;
};

Server::Server(ServerConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
{
    JsonReader::setRefuseNul(true); // docs/protocol.md: no client string may hold U+0000
}

Server::~Server()
{
    if (m_adminFileWritten)
        AdminFile::remove(m_config.dataDir);
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
    if (m_config.usesPostgres()) {
        // The data directory still holds admin.token and, by default, the uploads: made as on SQLite.
        if (!QDir().mkpath(m_config.dataDir)) {
            *error = u"cannot create the data directory "_qs + m_config.dataDir;
            return false;
        }
        // Several instances may share the database: each leases its own Snowflake node id there.
        if (!d->db.openPostgres(m_config.database, error)
            || !d->lease.acquire(m_config.nodeIdSet ? m_config.nodeId : -1, error))
            return false;
        d->ids.setNodeId(d->lease.nodeId());
        connect(&d->lease, &NodeLease::lost, this, [] { QCoreApplication::exit(3); });
    } else if (!d->db.open(m_config.dataDir, error, m_config.durability == u"full")) {
        return false;
    }
    // Ids must keep growing across restarts whatever the clock did since: the search index's cursor and
    // sync's walk of messages_channel rely on store order being id order.
    {
        QSqlQuery newest(d->db.connection());
        if (!newest.exec(u"SELECT max(m) FROM (SELECT max(id) AS m FROM messages UNION ALL SELECT max(id)"
                         " FROM channels UNION ALL SELECT max(id) FROM users UNION ALL SELECT max(id)"
                         " FROM uploads) AS newest"_qs)
            || !newest.next()) {
            *error = u"cannot read the newest id: %1"_qs.arg(newest.lastError().text());
            return false;
        }
        d->ids.continueAfter(newest.value(0).toLongLong());
    }
    // SQLite's search index lives in search.db, written by its own thread; PostgreSQL's is a column of
    // messages, written with each message.
    if (!d->db.isPostgres()) {
        if (!d->indexer.start(m_config.dataDir, error)
            || !d->db.attach(SearchIndexer::path(m_config.dataDir), u"search"_qs, error))
            return false;
        d->editor.setSearchIndexer(&d->indexer);
        connect(&d->messages, &MessageService::storedUpTo, this,
            [this](qint64 messageId) { d->indexer.indexUpTo(messageId); });
    }
    if (const auto redis = ServerConfig::redisAddress(m_config.redis)) {
        MessageService &messages = d->messages;
        d->cluster = std::make_unique<ClusterBus>(ClusterBus::Settings { redis->first, redis->second },
            ClusterBus::Parts { d->hub, d->events, d->channelStore, d->users, d->limiter,
                [&messages](qint64 channelId, qint64 current) {
                    return messages.lastDurableSeq(channelId, current);
                },
                &d->throttle });
        d->cluster->start();
    }

    d->files.setUnattachedTtl(qint64(m_config.unattachedUploadTtlSeconds) * 1000);
    // Only instances on one PostgreSQL database can share an uploads directory; each stages its uploads under
    // its node id, which no other running instance holds (the lease), so that none removes another's.
    const QString instance = d->db.isPostgres() ? u"node-"_qs + QString::number(d->ids.nodeId()) : QString();
    if (!d->files.open(instance, error))
        return false;
    d->messages.setAttachments(&d->files);
    d->viewData.setAttachments(&d->files);
    d->editor.setAttachments(&d->files);
    connect(&d->messages, &MessageService::messageStored, &d->previews, &LinkPreviewer::onMessageStored);

    // Moderation (issue 16): the rules in ChannelService::authorize(), registration policy, word filter.
    d->channels.setModeration(&d->moderationStore);
    d->views.setModeration(&d->moderationStore);
    d->auth.setPolicy(&d->accountPolicy);
    d->auth.setThrottle(&d->throttle);
    if (!m_config.wordFilterFile.isEmpty()) {
        if (!d->wordFilter.load(m_config.wordFilterFile, error))
            return false;
        d->messages.setWordFilter(&d->wordFilter);
        d->editor.setWordFilter(&d->wordFilter);
    }
    const QByteArray adminToken = AdminFile::newToken();
    d->moderationRoutes.setLocalToken(adminToken);
    d->moderationRoutes.install(d->http);
    d->rest.install(d->http);
    d->ops.setMetricsToken(m_config.metricsToken.toUtf8());
    d->ops.install(d->http);
    d->files.installRoutes(d->http);
    // The upgrade happens only when a route for the path exists and writes nothing (Qt 6.4). A bad token is
    // answered 401 here, before the upgrade.
    d->http.route(Wire::Rest::Route::Gateway, [this](const QHttpServerRequest &req, QHttpServerResponder &&responder) {
        QByteArray token = HttpJson::bearerToken(req);
        if (token.isEmpty())
            token = req.query().queryItemValue(QString(Wire::Rest::Query::Token), QUrl::FullyDecoded).toLatin1();
        const qint64 userId = d->auth.authenticate(token);
        if (!userId) {
            HttpJson::error(Wire::Error::unauthorized()).write(std::move(responder));
            return;
        }
        if (!d->gateway.mayConnect(userId)) {
            HttpJson::error(tooManyConnections()).write(std::move(responder));
            return;
        }
        // Only an upgrade may go unanswered here (QHttpServer then hands the socket to QWebSocketServer);
        // HttpGuard has checked the handshake of every request that asks for one. Anything else is answered
        // at once, or the connection would hang and a request pipelined behind it be taken for this one.
        bool upgrade = false;
        for (const auto &[name, value] : req.headers())
            if (name.compare("upgrade", Qt::CaseInsensitive) == 0 && value.toLower().contains("websocket"))
                upgrade = true;
        if (!upgrade) {
            QHttpServerResponse answer
                = HttpJson::error(Wire::Error::badRequest(u"/api/v1/ws only accepts WebSocket upgrades"_qs));
            answer.addHeader("Sec-WebSocket-Version", "13");
            answer.write(std::move(responder));
        }
    });
    d->http.setMissingHandler([](const QHttpServerRequest &, QHttpServerResponder &&responder) {
        HttpJson::error(Wire::Error::notFound(u"no such route"_qs)).write(std::move(responder));
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
    d->tcp->admission().setConfig(
        { m_config.maxUnauthenticatedPerAddress, m_config.allowedOrigins, m_config.trustedProxies });
    d->tcp->admission().setAuthenticator(
        [this](const QByteArray &token) { return d->auth.authenticate(token) != 0; });
    d->rest.setAdmission(&d->tcp->admission());
    d->moderationRoutes.setAdmission(&d->tcp->admission());
    d->tcp->setUploadHandler(
        [this](QTcpSocket *socket, const QByteArray &header) { d->files.receive(socket, header); });
    if (!m_config.tlsCert.isEmpty()) {
        if (!setUpTls(error)) {
            delete d->tcp;
            d->tcp = nullptr;
            return false;
        }
        // LiteWebSocket writes to the socket descriptor itself, which under TLS would be ciphertext it cannot
        // produce: the gateway is served by QWebSocket over the TLS socket instead.
        if (m_config.wsTransport == ServerConfig::WsTransport::Lite) {
            qCWarning(lcServer) << "--ws-transport lite needs plain TCP; with TLS the gateway uses the qt transport";
            m_config.wsTransport = ServerConfig::WsTransport::Qt;
        }
    }
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
    // `natter-server admin` finds the running server through this file (0600) and goes through it.
    if (!AdminFile::write(m_config.dataDir, m_config.listen, port(), isTls(), adminToken, error))
        return false;
    m_adminFileWritten = true;
    return true;
}

bool Server::setUpTls(QString *error)
{
#if QT_CONFIG(ssl)
    if (!QSslSocket::supportsSsl()) {
        *error = u"TLS was asked for, but Qt finds no TLS backend (OpenSSL 3) on this system"_qs;
        return false;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(m_config.tlsCert, QSsl::Pem);
    if (chain.isEmpty()) {
        *error = u"%1: no PEM certificate in it"_qs.arg(m_config.tlsCert);
        return false;
    }
    QFile keyFile(m_config.tlsKey);
    if (!keyFile.open(QIODevice::ReadOnly)) {
        *error = u"cannot read %1: %2"_qs.arg(m_config.tlsKey, keyFile.errorString());
        return false;
    }
    const QByteArray keyPem = keyFile.readAll();
    QSslKey key;
    for (const QSsl::KeyAlgorithm algorithm : { QSsl::Ec, QSsl::Rsa, QSsl::Dsa }) {
        key = QSslKey(keyPem, algorithm, QSsl::Pem);
        if (!key.isNull())
            break;
    }
    if (key.isNull()) {
        *error = u"%1: not an unencrypted PEM private key (RSA or EC)"_qs.arg(m_config.tlsKey);
        return false;
    }
    if (chain.first().isNull() || chain.first().expiryDate() < QDateTime::currentDateTimeUtc())
        qCWarning(lcServer) << m_config.tlsCert << "has expired on" << chain.first().expiryDate();
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(chain);
    tls.setPrivateKey(key);
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone); // clients authenticate with tokens, not certificates
    d->tcp->setTls(tls);
    return true;
#else
    *error = u"this natter-server was built without TLS support"_qs;
    return false;
#endif
}

bool Server::isTls() const
{
    return d && d->tcp && d->tcp->isTls();
}

void Server::drain()
{
    if (!d || !d->tcp) {
        Q_EMIT drained();
        return;
    }
    qCInfo(lcServer) << "draining: no new connections; finishing commits, then closing WebSockets with 1001";
    d->tcp->close(); // stop accepting
    // PostgreSQL commits a batch in round trips: a client that keeps writing can outrun it, and the queue would
    // never empty before the drain timeout. SQLite keeps storing what arrives while it drains, as it always did.
    if (d->db.isPostgres())
        d->messages.refuseNewSends();
    auto *timer = new QTimer(this);
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    auto closed = std::make_shared<bool>(false);
    const int limit = m_config.drainTimeoutMs;
    timer->setInterval(5);
    connect(timer, &QTimer::timeout, this, [this, timer, clock, closed, limit] {
        const bool overdue = clock->elapsed() >= limit;
        // Every send already read is committed and answered before its connection is closed.
        if (!*closed && (d->messages.isIdle() || overdue)) {
            *closed = true;
            d->gateway.closeAll(1001, u"server shutting down"_qs);
        }
        if (*closed && ((d->messages.isIdle() && d->hub.connectionCount() == 0) || overdue)) {
            timer->stop();
            timer->deleteLater();
            if (overdue)
                qCWarning(lcServer) << "drain timed out after" << limit << "ms with" << d->hub.connectionCount()
                                    << "connections open";
            else
                qCInfo(lcServer) << "drained in" << clock->elapsed() << "ms";
            Q_EMIT drained();
        }
    });
    timer->start();
}

void Server::upgradeLite(QTcpSocket *socket, const QByteArray &head)
{
#ifdef NATTER_LITE_WEBSOCKET
    const WsHandshake handshake = WsHandshake::parse(head);
    if (!handshake.valid)
        return refuseUpgrade(socket, handshake.refusal());
    // Authenticated before the upgrade, so that a bad token gets an HTTP answer rather than a 4001 close.
    const qint64 userId = d->auth.authenticate(handshake.token);
    if (!userId)
        return refuseUpgrade(socket,
            WsHandshake::errorResponse(401, "Unauthorized", "unauthorized", "missing or invalid token"));
    if (!d->gateway.mayConnect(userId))
        return refuseUpgrade(socket, HttpJson::rawError(tooManyConnections()));
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

} // namespace Natter::Server
