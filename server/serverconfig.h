#pragma once

#include "services/passwordhasher.h"

#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace Natter::Server {

// natter-server's settings, from its command line.
struct ServerConfig
{
    QHostAddress listen = QHostAddress::LocalHost;
    quint16 port = 8787;
    QString dataDir = QStringLiteral("./data");
    int nodeId = 0;
    bool nodeIdSet = false; // --node-id given: on PostgreSQL that id or none; otherwise any free one
    // Where uploaded files live (a LocalBlobStore): DATA/uploads unless --uploads-dir names a directory,
    // which several instances may share. Always set by fromArguments().
    QString uploadsDir;
    // "sqlite" (natter.db in dataDir) or a postgresql:// URL.
    QString database = QStringLiteral("sqlite");
    bool usesPostgres() const { return database != u"sqlite"; }
    QString logLevel = QStringLiteral("info");
    PasswordHasher::Cost passwordCost = PasswordHasher::Cost::Interactive;
    double sendRate = 5.0;
    double sendBurst = 10.0;
    int heartbeatMs = 30000;
    qint64 maxOutboundBytes = 4 * 1024 * 1024;
    qint64 maxUploadBytes = 25 * 1024 * 1024;
    int unattachedUploadTtlSeconds = 24 * 3600; // an upload no message uses is deleted after this
    int hashThreads = 2;
    bool allowPrivatePreviews = false; // link previews may fetch loopback/private addresses (tests only)
    int typingMaxMembers = 100;
    QString durability = QStringLiteral("full");
    // --tls-cert/--tls-key: PEM files; with both, the port serves https and wss only.
    QString tlsCert;
    QString tlsKey;
    // GET /metrics answers loopback clients; others only with `Authorization: Bearer <metricsToken>`.
    QString metricsToken;
    // Moderation (issue 16): who may register (open | invite | closed), and the word filter's file.
    QString registration = QStringLiteral("open");
    QString wordFilterFile;
    // Abuse limits (issue 15, docs/security.md). Login back-off: BASE doubling up to MAX after the free
    // failures per (account, address), per address and per account; 0 base turns it off.
    qint64 loginBackoffBaseMs = 1000;
    qint64 loginBackoffMaxMs = 15 * 60 * 1000;
    int loginFreePair = 5;
    int loginFreeAddress = 20;
    int loginFreeAccount = 50;
    int registerLimit = 10; // registrations per address per registerWindowSeconds; 0: unlimited
    int registerWindowSeconds = 3600;
    int maxConnectionsPerUser = 16; // open gateway connections per user; 0: unlimited
    int maxUnauthenticatedPerAddress = 32; // HTTP connections without a valid token yet; 0: unlimited
    QList<QByteArray> allowedOrigins; // browser origins accepted (normalised); none by default
    QList<QHostAddress> trustedProxies; // whose X-Forwarded-For names the client
    int maxPendingHashes = 32; // Argon2id jobs running or queued; more logins are refused; 0: unbounded
    // SIGTERM: how long in-flight commits and closing WebSockets may take before the process exits anyway.
    int drainTimeoutMs = 10000;
    // PostgreSQL search: how many of the newest messages the first query reads (SearchService). Not in --help:
    // the tests make it small to reach the second query with a few messages.
    int searchWindow = 20000;
    // How gateway WebSockets are served: Qt's QWebSocket (as QHttpServer upgrades them) or LiteWebSocket,
    // which holds a fifth of the memory per connection (docs/benchmarks.md) where it exists (POSIX systems).
    enum class WsTransport { Qt, Lite };
#ifdef NATTER_LITE_WEBSOCKET
    WsTransport wsTransport = WsTransport::Lite;
#else
    WsTransport wsTransport = WsTransport::Qt;
#endif

    // --redis redis://HOST:PORT: several instances on one database fan out through this Redis (cluster/).
    // Empty: a single instance, nothing published.
    QString redis;
    // HOST and PORT of a redis:// URL, nothing when it is not one.
    static std::optional<std::pair<QString, quint16>> redisAddress(const QString &url);

    // Parses ARGS (argv including the program name), with the settings of --config FILE (INI: `key = value`,
    // keys named like the long options) under them: the command line wins. On --help, --version and
    // --check-config prints and sets *exitCode to 0; on a bad option, an unknown key or a bad value prints the
    // reason and sets *exitCode to 2; otherwise returns the config.
    static std::optional<ServerConfig> fromArguments(const QStringList &args, int *exitCode);
};

} // namespace Natter::Server
