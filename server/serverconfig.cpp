#include "serverconfig.h"
#include "features/files/localblobstore.h"
#include "transport/http/connectionadmission.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QSettings>
#include <QUrl>

#include <algorithm>
#include <limits>

#include <cstdio>

namespace Natter::Server {

namespace {
    int fail(const QString &message)
    {
        std::fprintf(stderr, "natter-server: %s\n", qPrintable(message));
        return 2;
    }
} // namespace

namespace {
    // Every option of natter-server, added to P. The config file's keys are their long names.
    QList<QCommandLineOption> addOptions(QCommandLineParser &p)
    {
        p.setApplicationDescription(QStringLiteral("Natter chat server: REST and WebSocket on one port."));
        p.addHelpOption();
        p.addVersionOption();
        const QCommandLineOption listen(u"listen"_qs,
            u"Address to listen on (default 127.0.0.1; 0.0.0.0 for all)."_qs, u"ADDR"_qs, u"127.0.0.1"_qs);
        const QCommandLineOption port(
            u"port"_qs, u"TCP port (default 8787; 0 picks a free one)."_qs, u"N"_qs, u"8787"_qs);
        const QCommandLineOption dataDir(u"data-dir"_qs,
            u"Directory for the database and files (default ./data)."_qs, u"DIR"_qs, u"./data"_qs);
        const QCommandLineOption uploadsDir(u"uploads-dir"_qs,
            u"Directory of uploaded files (default DATA-DIR/uploads); instances on one PostgreSQL"
            " database may share one (NFS or similar). It must exist."_qs,
            u"DIR"_qs);
        const QCommandLineOption nodeId(u"node-id"_qs,
            u"Snowflake node id, 0-1023, unique per server instance (default 0; on PostgreSQL a free one,"
            " leased in the database)."_qs,
            u"K"_qs, u"0"_qs);
        const QCommandLineOption database(u"database"_qs,
            u"Store: sqlite (default, in --data-dir) or postgresql://USER[:PASSWORD]@HOST:PORT/DATABASE."_qs,
            u"URL"_qs, u"sqlite"_qs);
        const QCommandLineOption logLevel(
            u"log-level"_qs, u"debug, info, warning or error (default info)."_qs, u"L"_qs, u"info"_qs);
        const QCommandLineOption rate(u"rate-limit"_qs,
            u"Per-user send limit RATE:BURST per second (default 5:10); 0 turns it off."_qs, u"RATE:BURST"_qs,
            u"5:10"_qs);
        const QCommandLineOption cost(u"password-cost"_qs,
            u"Argon2id cost: interactive (default) or fast (tests and load tools only)."_qs, u"COST"_qs,
            u"interactive"_qs);
        const QCommandLineOption heartbeat(
            u"heartbeat-ms"_qs, u"Gateway heartbeat interval (default 30000)."_qs, u"MS"_qs, u"30000"_qs);
        const QCommandLineOption outbound(u"max-outbound-bytes"_qs,
            u"Unsent bytes after which a slow connection is closed with 4009."_qs, u"BYTES"_qs,
            QString::number(4 * 1024 * 1024));
        const QCommandLineOption upload(u"max-upload-bytes"_qs,
            u"Largest upload accepted (default 25 MiB)."_qs, u"BYTES"_qs, QString::number(25 * 1024 * 1024));
        const QCommandLineOption uploadTtl(u"unattached-upload-ttl"_qs,
            u"Seconds after which an upload that no message uses is deleted (default 86400)."_qs,
            u"SECONDS"_qs, u"86400"_qs);
        const QCommandLineOption typing(u"typing-max-members"_qs,
            u"Channels with more members get no typing indicators (default 100)."_qs, u"N"_qs, u"100"_qs);
        const QCommandLineOption privatePreviews(u"allow-private-previews"_qs,
            u"Let link previews fetch loopback, private and link-local addresses (tests only)."_qs);
        const QCommandLineOption durability(u"durability"_qs,
            u"full (default): an ack survives power loss (fsync per commit); process: it"
            " survives a crash of the server process only (SQLite synchronous=NORMAL)."_qs,
            u"MODE"_qs, u"full"_qs);
        const QCommandLineOption tlsCert(u"tls-cert"_qs,
            u"Serve https and wss with this PEM certificate (chain); needs --tls-key. `natter-server "
            u"make-cert DIR`"
            " makes a self-signed one."_qs,
            u"FILE"_qs);
        const QCommandLineOption tlsKey(
            u"tls-key"_qs, u"The PEM private key (RSA or EC, unencrypted) of --tls-cert."_qs, u"FILE"_qs);
        const QCommandLineOption metricsToken(u"metrics-token"_qs,
            u"GET /metrics answers loopback clients; others must send Authorization: Bearer TOKEN."_qs,
            u"TOKEN"_qs);
        const QCommandLineOption drainTimeout(u"drain-timeout-ms"_qs,
            u"On SIGTERM, how long to wait for in-flight commits and closing connections (default 10000)."_qs,
            u"MS"_qs, u"10000"_qs);
        QCommandLineOption searchWindow(u"search-window"_qs, u"PostgreSQL search's first window."_qs, u"N"_qs,
            u"20000"_qs);
        searchWindow.setFlags(QCommandLineOption::HiddenFromHelp);
        const QCommandLineOption registration(u"registration"_qs,
            u"Who may create an account: open (default), invite (an invite code from an administrator; the "
            u"first"
            " account needs none) or closed (only `natter-server admin create-user`)."_qs,
            u"open|invite|closed"_qs, u"open"_qs);
        const QCommandLineOption wordFilter(u"word-filter"_qs,
            u"Refuse (or, for lines `mask:TERM`, mask) messages with the words and phrases listed in FILE."_qs,
            u"FILE"_qs);
        // Abuse limits (issue 15).
        const QCommandLineOption loginBackoff(u"login-backoff"_qs,
            u"Failed logins past the free ones wait BASE ms, doubling up to MAX (default 1000:900000); 0 "
            u"turns "
            u"login throttling off."_qs,
            u"BASE:MAX"_qs, u"1000:900000"_qs);
        const QCommandLineOption loginFree(u"login-free-failures"_qs,
            u"Failed logins before the back-off starts, per account and address, per address, and per "
            u"account "
            u"from addresses it never signed in from (default 5:20:50)."_qs,
            u"PAIR:ADDRESS:ACCOUNT"_qs, u"5:20:50"_qs);
        const QCommandLineOption registerLimit(u"register-limit"_qs,
            u"Registrations per client address: N per SECONDS (default 10:3600); 0 turns it off."_qs,
            u"N:SECONDS"_qs, u"10:3600"_qs);
        const QCommandLineOption perUser(u"max-connections-per-user"_qs,
            u"Open gateway connections per user (default 16); 0: no cap."_qs, u"N"_qs, u"16"_qs);
        const QCommandLineOption unauthenticated(u"max-unauthenticated-per-address"_qs,
            u"Open connections per client address that have not shown a valid token yet (default 32); 0: no cap."_qs,
            u"N"_qs, u"32"_qs);
        const QCommandLineOption origins(u"allowed-origins"_qs,
            u"Web origins (scheme://host[:port], comma-separated) whose browser pages may use the server; "
            u"requests with any other Origin header are refused 403 (default: none; requests without Origin "
            u"are "
            u"not affected)."_qs,
            u"LIST"_qs);
        const QCommandLineOption proxies(u"trusted-proxies"_qs,
            u"Addresses of reverse proxies (comma-separated) whose X-Forwarded-For names the client for the "
            u"per-address limits; they are exempt from the unauthenticated-connection cap."_qs,
            u"LIST"_qs);
        const QCommandLineOption pendingHashes(u"max-pending-hashes"_qs,
            u"Password hashes running or queued beyond which logins and registrations are refused at once "
            u"with "
            u"429 (default 32); 0: unbounded."_qs,
            u"N"_qs, u"32"_qs);
        const QCommandLineOption hashThreads(
            u"hash-threads"_qs, u"Threads computing password hashes (default 2)."_qs, u"N"_qs, u"2"_qs);
        p.addOptions({ listen, port, dataDir, uploadsDir, database, nodeId, logLevel, rate, cost, heartbeat,
            outbound, upload, uploadTtl, typing, durability, tlsCert, tlsKey, metricsToken, drainTimeout, searchWindow,
            registration, wordFilter, loginBackoff, loginFree, registerLimit, perUser, unauthenticated,
            origins, proxies, pendingHashes, hashThreads });
        p.addOption(privatePreviews);
        const QCommandLineOption redis(u"redis"_qs,
            u"Run as one of several instances on one database: fan out through Redis at redis://HOST:PORT"
            " (docs/operations.md)."_qs,
            u"URL"_qs);
        p.addOption(redis);
#ifdef NATTER_LITE_WEBSOCKET
        const QString defaultTransport = u"lite"_qs;
#else
        const QString defaultTransport = u"qt"_qs;
#endif
        const QCommandLineOption wsTransport(u"ws-transport"_qs,
            u"Gateway WebSocket implementation: lite (Natter's own) or qt (QWebSocket); default "_qs
                + defaultTransport + u"."_qs,
            u"qt|lite"_qs, defaultTransport);
        p.addOption(wsTransport);
        const QList<QCommandLineOption> settings { listen, port, dataDir, uploadsDir, database, nodeId,
            logLevel, rate, cost, heartbeat, outbound, upload, uploadTtl, typing, durability, privatePreviews,
            wsTransport, tlsCert, tlsKey, metricsToken, drainTimeout, registration, wordFilter, redis,
            loginBackoff, loginFree, registerLimit, perUser, unauthenticated, origins, proxies, pendingHashes,
            hashThreads };
        p.addOption(QCommandLineOption(u"config"_qs,
            u"Read settings from FILE (key = value, keys named like these options); the command line wins."_qs,
            u"FILE"_qs));
        p.addOption(QCommandLineOption(u"check-config"_qs,
            u"Print the effective settings and exit (2 for an unknown key or a bad value)."_qs));
        return settings;
    }

    // The settings in FILE as extra arguments placed before ARGS, so that the command line wins; an unknown
    // key or an unreadable file is an error. FROMFILE gets the keys that came from the file.
    std::optional<QStringList> withConfigFile(const QString &file, const QStringList &args,
        QCommandLineParser &p, const QList<QCommandLineOption> &settingOptions, QStringList *fromFile,
        QString *error)
    {
        if (!QFileInfo(file).isReadable()) {
            *error = u"cannot read the config file "_qs + file;
            return std::nullopt;
        }
        QSettings settings(file, QSettings::IniFormat);
        if (settings.status() != QSettings::NoError) {
            *error = file + u": not a valid config file (key = value lines)"_qs;
            return std::nullopt;
        }
        QStringList merged { args.value(0) };
        for (const QString &key : settings.allKeys()) {
            const auto option = std::find_if(settingOptions.cbegin(), settingOptions.cend(),
                [&key](const QCommandLineOption &o) { return o.names().contains(key); });
            if (option == settingOptions.cend()) {
                *error = file + u": unknown key '"_qs + key + u"'"_qs;
                return std::nullopt;
            }
            if (p.isSet(key))
                continue;
            const QVariant value = settings.value(key);
            const QString text = value.typeId() == QMetaType::QStringList ? value.toStringList().join(u',')
                                                                          : value.toString().trimmed();
            fromFile->append(key);
            if (option->valueName().isEmpty()) {
                if (text != u"true" && text != u"false") {
                    *error = file + u": "_qs + key + u" must be true or false"_qs;
                    return std::nullopt;
                }
                if (text == u"true")
                    merged.append(u"--"_qs + key);
            } else {
                merged.append(u"--"_qs + key + u'=' + text);
            }
        }
        merged.append(args.mid(1));
        return merged;
    }
} // namespace

std::optional<std::pair<QString, quint16>> ServerConfig::redisAddress(const QString &url)
{
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid() || parsed.scheme() != u"redis" || parsed.host().isEmpty()
        || !(parsed.path().isEmpty() || parsed.path() == u"/") || parsed.hasQuery() || !parsed.userInfo().isEmpty())
        return std::nullopt;
    const int port = parsed.port(6379);
    if (port < 1 || port > 65535)
        return std::nullopt;
    return std::make_pair(parsed.host(), quint16(port));
}

namespace {
    // A list of N non-negative integers separated by ':' (e.g. "1000:900000"), or nothing.
    std::optional<QList<qint64>> numbers(const QString &text, qsizetype n)
    {
        const QStringList parts = text.split(u':');
        if (parts.size() != n)
            return std::nullopt;
        QList<qint64> out;
        for (const QString &part : parts) {
            bool ok = false;
            const qint64 value = part.trimmed().toLongLong(&ok);
            if (!ok || value < 0 || value > std::numeric_limits<int>::max())
                return std::nullopt;
            out.append(value);
        }
        return out;
    }

    template<class Fail>
    bool parseAbuseLimits(const QCommandLineParser &p, ServerConfig &c, const Fail &fail, int *exitCode)
    {
        const auto refuse = [&](const QString &message) {
            *exitCode = fail(message);
            return false;
        };
        const QString backoff = p.value(u"login-backoff"_qs);
        if (backoff.trimmed() == u"0") {
            c.loginBackoffBaseMs = 0;
        } else {
            const auto v = numbers(backoff, 2);
            if (!v || v->at(0) < 1 || v->at(1) < v->at(0))
                return refuse(
                    u"--login-backoff must be BASE_MS:MAX_MS with 1 <= BASE <= MAX (e.g. 1000:900000), or 0"_qs);
            c.loginBackoffBaseMs = v->at(0);
            c.loginBackoffMaxMs = v->at(1);
        }
        const auto free = numbers(p.value(u"login-free-failures"_qs), 3);
        if (!free || free->at(0) < 1 || free->at(1) < 1 || free->at(2) < 1)
            return refuse(
                u"--login-free-failures must be PAIR:ADDRESS:ACCOUNT, each at least 1 (e.g. 5:20:50)"_qs);
        c.loginFreePair = int(free->at(0));
        c.loginFreeAddress = int(free->at(1));
        c.loginFreeAccount = int(free->at(2));
        const QString reg = p.value(u"register-limit"_qs);
        if (reg.trimmed() == u"0") {
            c.registerLimit = 0;
        } else {
            const auto v = numbers(reg, 2);
            if (!v || v->at(0) < 1 || v->at(1) < 1)
                return refuse(u"--register-limit must be N:SECONDS, both at least 1 (e.g. 10:3600), or 0"_qs);
            c.registerLimit = int(v->at(0));
            c.registerWindowSeconds = int(v->at(1));
        }
        const auto count = [&](const QString &name, int *out) {
            bool ok = false;
            *out = p.value(name).trimmed().toInt(&ok);
            return ok && *out >= 0;
        };
        if (!count(u"max-connections-per-user"_qs, &c.maxConnectionsPerUser))
            return refuse(u"--max-connections-per-user must be a non-negative integer"_qs);
        if (!count(u"max-unauthenticated-per-address"_qs, &c.maxUnauthenticatedPerAddress))
            return refuse(u"--max-unauthenticated-per-address must be a non-negative integer"_qs);
        if (!count(u"max-pending-hashes"_qs, &c.maxPendingHashes))
            return refuse(u"--max-pending-hashes must be a non-negative integer"_qs);
        if (!count(u"hash-threads"_qs, &c.hashThreads) || c.hashThreads < 1 || c.hashThreads > 64)
            return refuse(u"--hash-threads must be 1 to 64"_qs);
        for (const QString &item : p.value(u"allowed-origins"_qs).split(u',', Qt::SkipEmptyParts)) {
            const QByteArray origin = ConnectionAdmission::normaliseOrigin(item.trimmed().toLatin1());
            if (origin.isEmpty())
                return refuse(
                    u"--allowed-origins: not an origin (scheme://host[:port]): "_qs + item.trimmed());
            c.allowedOrigins.append(origin);
        }
        for (const QString &item : p.value(u"trusted-proxies"_qs).split(u',', Qt::SkipEmptyParts)) {
            QHostAddress address;
            if (!address.setAddress(item.trimmed()))
                return refuse(u"--trusted-proxies: not an IP address: "_qs + item.trimmed());
            c.trustedProxies.append(address);
        }
        return true;
    }
} // namespace

std::optional<ServerConfig> ServerConfig::fromArguments(const QStringList &commandLine, int *exitCode)
{
    QStringList args = commandLine;
    QStringList fromFile;
    QString configFile;
    {
        QCommandLineParser first;
        const QList<QCommandLineOption> settingOptions = addOptions(first);
        if (!first.parse(args)) {
            *exitCode = fail(first.errorText());
            return std::nullopt;
        }
        configFile = first.value(u"config"_qs);
        if (!configFile.isEmpty()) {
            QString error;
            const auto merged = withConfigFile(configFile, args, first, settingOptions, &fromFile, &error);
            if (!merged) {
                *exitCode = fail(error);
                return std::nullopt;
            }
            args = *merged;
        }
    }
    QCommandLineParser p;
    const QList<QCommandLineOption> settingOptions = addOptions(p);
    // A bad value from the file names the file, so that an admin knows where to look.
    const auto fail = [&](const QString &message) {
        for (const QString &key : std::as_const(fromFile))
            if (message.startsWith(u"--"_qs + key + u' ') || message.startsWith(u"--"_qs + key + u':'))
                return Natter::Server::fail(configFile + u": "_qs + message.mid(2));
        return Natter::Server::fail(message);
    };
    if (!p.parse(args)) {
        *exitCode = fail(p.errorText());
        return std::nullopt;
    }
    if (p.isSet(u"help"_qs)) {
        std::fputs(qPrintable(p.helpText()), stdout);
        *exitCode = 0;
        return std::nullopt;
    }
    if (p.isSet(u"version"_qs)) {
        std::printf("natter-server %s\n", NATTER_VERSION);
        *exitCode = 0;
        return std::nullopt;
    }

    ServerConfig c;
    if (!c.listen.setAddress(p.value(u"listen"_qs))) {
        *exitCode = fail(u"--listen: not an IP address: "_qs + p.value(u"listen"_qs));
        return std::nullopt;
    }
    bool ok = false;
    const uint portValue = p.value(u"port"_qs).toUInt(&ok);
    if (!ok || portValue > 65535) {
        *exitCode = fail(u"--port must be 0 to 65535"_qs);
        return std::nullopt;
    }
    c.port = quint16(portValue);
    c.dataDir = p.value(u"data-dir"_qs);
    // A directory named here is not created: a shared mount that is missing must stop the server, not leave
    // each instance writing to its own disk.
    c.uploadsDir = p.value(u"uploads-dir"_qs);
    if (p.isSet(u"uploads-dir"_qs) && !QFileInfo(c.uploadsDir).isDir()) {
        *exitCode = fail(u"--uploads-dir: not a directory: "_qs + c.uploadsDir);
        return std::nullopt;
    }
    if (c.uploadsDir.isEmpty())
        c.uploadsDir = LocalBlobStore::defaultDir(c.dataDir);
    c.database = p.value(u"database"_qs);
    if (c.database != u"sqlite") {
        const QUrl url(c.database, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != u"postgresql" && url.scheme() != u"postgres")
            || (url.host().isEmpty() && !url.query().contains(u"host="_qs)) || url.path().size() < 2) {
            *exitCode = fail(u"--database must be sqlite or postgresql://USER@HOST:PORT/DATABASE"_qs);
            return std::nullopt;
        }
    }
    c.nodeIdSet = p.isSet(u"node-id"_qs);
    c.nodeId = p.value(u"node-id"_qs).toInt(&ok);
    if (!ok || c.nodeId < 0 || c.nodeId > 1023) {
        *exitCode = fail(u"--node-id must be 0 to 1023"_qs);
        return std::nullopt;
    }
    c.logLevel = p.value(u"log-level"_qs);
    if (!QStringList { u"debug"_qs, u"info"_qs, u"warning"_qs, u"error"_qs }.contains(c.logLevel)) {
        *exitCode = fail(u"--log-level must be debug, info, warning or error"_qs);
        return std::nullopt;
    }
    const QString rateText = p.value(u"rate-limit"_qs);
    if (rateText == u"0") {
        c.sendRate = 0;
    } else {
        const auto parts = rateText.split(u':');
        bool ok2 = false;
        c.sendRate = parts.value(0).toDouble(&ok);
        c.sendBurst = parts.value(1).toDouble(&ok2);
        if (parts.size() != 2 || !ok || !ok2 || c.sendRate <= 0 || c.sendBurst < 1) {
            *exitCode = fail(u"--rate-limit must be RATE:BURST (e.g. 5:10) or 0"_qs);
            return std::nullopt;
        }
    }
    if (p.value(u"password-cost"_qs) == u"fast")
        c.passwordCost = PasswordHasher::Cost::Fast;
    else if (p.value(u"password-cost"_qs) != u"interactive") {
        *exitCode = fail(u"--password-cost must be interactive or fast"_qs);
        return std::nullopt;
    }
    c.heartbeatMs = p.value(u"heartbeat-ms"_qs).toInt(&ok);
    if (!ok || c.heartbeatMs < 100) {
        *exitCode = fail(u"--heartbeat-ms must be at least 100"_qs);
        return std::nullopt;
    }
    c.maxOutboundBytes = p.value(u"max-outbound-bytes"_qs).toLongLong(&ok);
    if (!ok || c.maxOutboundBytes < 65536) {
        *exitCode = fail(u"--max-outbound-bytes must be at least 65536"_qs);
        return std::nullopt;
    }
    c.maxUploadBytes = p.value(u"max-upload-bytes"_qs).toLongLong(&ok);
    if (!ok || c.maxUploadBytes < 1) {
        *exitCode = fail(u"--max-upload-bytes must be positive"_qs);
        return std::nullopt;
    }
    c.unattachedUploadTtlSeconds = p.value(u"unattached-upload-ttl"_qs).toInt(&ok);
    if (!ok || c.unattachedUploadTtlSeconds < 1) {
        *exitCode = fail(u"--unattached-upload-ttl must be a positive number of seconds"_qs);
        return std::nullopt;
    }
    c.durability = p.value(u"durability"_qs);
    if (c.durability != u"full" && c.durability != u"process") {
        *exitCode = fail(u"--durability must be full or process"_qs);
        return std::nullopt;
    }
    c.typingMaxMembers = p.value(u"typing-max-members"_qs).toInt(&ok);
    if (!ok || c.typingMaxMembers < 0) {
        *exitCode = fail(u"--typing-max-members must be a non-negative integer"_qs);
        return std::nullopt;
    }
    c.allowPrivatePreviews = p.isSet(u"allow-private-previews"_qs);
    c.tlsCert = p.value(u"tls-cert"_qs);
    c.tlsKey = p.value(u"tls-key"_qs);
    if (c.tlsCert.isEmpty() != c.tlsKey.isEmpty()) {
        *exitCode = fail(u"--tls-cert and --tls-key go together"_qs);
        return std::nullopt;
    }
    for (const QString &file : { c.tlsCert, c.tlsKey }) {
        if (!file.isEmpty() && !QFileInfo(file).isReadable()) {
            *exitCode = fail(u"cannot read "_qs + file);
            return std::nullopt;
        }
    }
    c.metricsToken = p.value(u"metrics-token"_qs);
    c.registration = p.value(u"registration"_qs);
    if (c.registration != u"open" && c.registration != u"invite" && c.registration != u"closed") {
        *exitCode = fail(u"--registration must be open, invite or closed"_qs);
        return std::nullopt;
    }
    c.wordFilterFile = p.value(u"word-filter"_qs);
    if (!c.wordFilterFile.isEmpty() && !QFileInfo(c.wordFilterFile).isReadable()) {
        *exitCode = fail(u"cannot read "_qs + c.wordFilterFile);
        return std::nullopt;
    }
    c.drainTimeoutMs = p.value(u"drain-timeout-ms"_qs).toInt(&ok);
    if (!ok || c.drainTimeoutMs < 0) {
        *exitCode = fail(u"--drain-timeout-ms must be a non-negative number"_qs);
        return std::nullopt;
    }
    c.searchWindow = p.value(u"search-window"_qs).toInt(&ok);
    if (!ok || c.searchWindow < 1) {
        *exitCode = fail(u"--search-window must be a positive number"_qs);
        return std::nullopt;
    }
    if (!parseAbuseLimits(p, c, fail, exitCode))
        return std::nullopt;
    if (p.value(u"ws-transport"_qs) == u"lite") {
#ifdef NATTER_LITE_WEBSOCKET
        c.wsTransport = WsTransport::Lite;
#else
        std::fprintf(
            stderr, "natter-server: --ws-transport lite is not available on this platform; using qt\n");
#endif
    } else if (p.value(u"ws-transport"_qs) == u"qt") {
        c.wsTransport = WsTransport::Qt;
    } else {
        *exitCode = fail(u"--ws-transport must be qt or lite"_qs);
        return std::nullopt;
    }
    c.redis = p.value(u"redis"_qs);
    if (!c.redis.isEmpty() && !redisAddress(c.redis)) {
        *exitCode = fail(u"--redis must be redis://HOST:PORT (the port defaults to 6379)"_qs);
        return std::nullopt;
    }
    if (p.isSet(u"check-config"_qs)) {
        // The settings as the server would run with them, one `key = value` line each: the form of the file.
        for (const QCommandLineOption &option : settingOptions) {
            const QString name = option.names().constFirst();
            QString value
                = option.valueName().isEmpty() ? (p.isSet(name) ? u"true"_qs : u"false"_qs) : p.value(name);
            if (name == u"uploads-dir")
                value = c.uploadsDir;
            if (name == u"metrics-token" && !value.isEmpty())
                value = u"(set)"_qs; // a secret: not printed
            if (name == u"database") {
                QUrl url(value);
                if (!url.password().isEmpty()) {
                    url.setPassword(u"(set)"_qs);
                    value = url.toString();
                }
            }
            std::printf("%s = %s\n", qPrintable(name), qPrintable(value));
        }
        *exitCode = 0;
        return std::nullopt;
    }
    return c;
}

} // namespace Natter::Server
