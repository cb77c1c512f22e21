// Operating natter-server: TLS on the one port, /metrics, request and session logs, the SIGTERM drain, and
// backup/restore, each against the real binary.
#include "testclient.h"
#include "testserver.h"

#include <QDir>
#include <QHostAddress>
#include <QJsonArray>
#include <QNetworkInterface>
#include <QProcess>
#include <QScopeGuard>
#include <QRegularExpression>
#include <QSet>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTest>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>

namespace {
// Runs `natter-server ARGS` to the end (events keep flowing meanwhile); returns its exit code, output in *OUT.
int runCommand(const QStringList &args, QByteArray *out = nullptr, int timeoutMs = 60000)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(TestServer::binary(), args);
    if (!p.waitForStarted(10000))
        return -1;
    const bool done = QTest::qWaitFor([&p] { return p.state() == QProcess::NotRunning; }, timeoutMs);
    if (out)
        *out = p.readAll();
    if (!done) {
        p.kill();
        p.waitForFinished();
        return -2;
    }
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -3;
}

// One value of /metrics, e.g. "natter_messages_stored_total" or `natter_rejected_total{reason="forbidden"}`.
double metric(const QByteArray &text, const QByteArray &name)
{
    for (const QByteArray &line : text.split('\n'))
        if (line.startsWith(name + ' '))
            return line.mid(name.size() + 1).toDouble();
    return -1;
}

QJsonObject sendFrame(int i, const QString &channel, const QString &prefix)
{
    return { { u"type"_qs, u"message.send"_qs }, { u"channelId"_qs, channel }, { u"reqId"_qs, u"r%1"_qs.arg(i) },
        { u"clientMsgId"_qs, prefix + QString::number(i) }, { u"text"_qs, u"%1 %2"_qs.arg(prefix).arg(i) } };
}

// Every message id in CHANNEL, paging back through the history.
QSet<QString> storedIds(RestClient &rest, const QString &channel, const QString &token, bool *ok)
{
    QSet<QString> stored;
    QString before;
    *ok = true;
    for (;;) {
        const auto page = rest.get(u"/api/v1/channels/"_qs + channel + u"/messages?limit=100"_qs
                + (before.isEmpty() ? QString() : u"&before="_qs + before),
            token);
        if (page.status != 200) {
            *ok = false;
            return stored;
        }
        const auto messages = page.json.value(u"messages").toArray();
        for (const auto &m : messages)
            stored.insert(m.toObject().value(u"id").toString());
        if (!page.json.value(u"hasMore").toBool() || messages.isEmpty())
            return stored;
        before = messages.first().toObject().value(u"id").toString();
    }
}

qsizetype countAcks(GatewayClient &g)
{
    return std::count_if(g.frames().cbegin(), g.frames().cend(),
        [](const QJsonObject &f) { return f.value(u"type"_qs).toString() == u"ack"; });
}

QSet<QString> ackedIds(GatewayClient &g)
{
    QSet<QString> ids;
    for (const auto &a : g.takeAll(u"ack"_qs))
        ids.insert(a.value(u"message").toObject().value(u"id").toString());
    return ids;
}
} // namespace

class TestOps : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // make-cert (openssl) makes a certificate for 127.0.0.1; the server then speaks https and wss on its one
    // port, and plain HTTP there gets nothing.
    void tlsServesHttpsAndWss()
    {
        QTemporaryDir certs;
        QByteArray out;
        QCOMPARE(runCommand({ u"make-cert"_qs, certs.path(), u"--host"_qs, u"127.0.0.1"_qs }, &out), 0);
        QVERIFY2(out.contains("SHA-256 fingerprint"), out.constData());
        // A second run does not overwrite it.
        QCOMPARE(runCommand({ u"make-cert"_qs, certs.path() }), 1);
        const QString cert = certs.filePath(u"cert.pem"_qs), key = certs.filePath(u"key.pem"_qs);
        const auto ca = QSslCertificate::fromPath(cert);
        QCOMPARE(ca.size(), 1);
        // The clients trust exactly this certificate (as a user who accepted it would).
        const QSslConfiguration original = QSslConfiguration::defaultConfiguration();
        QSslConfiguration trusting = original;
        trusting.addCaCertificates(ca);
        QSslConfiguration::setDefaultConfiguration(trusting);
        auto restore = qScopeGuard([&] { QSslConfiguration::setDefaultConfiguration(original); });

        // The lite transport cannot encrypt: asked for, it is refused with a warning and qt serves the gateway.
        TestServer server({ u"--tls-cert"_qs, cert, u"--tls-key"_qs, key, u"--ws-transport"_qs, u"lite"_qs });
        QVERIFY(server.start());
        QVERIFY(server.isTls());
        QCOMPARE(server.httpUrl().scheme(), u"https"_qs);
        RestClient rest(server);
        const auto health = rest.get(u"/api/v1/health"_qs);
        QCOMPARE(health.status, 200);
        QCOMPARE(health.json.value(u"status"_qs).toString(), u"ok"_qs);
        const auto ana = rest.registerUser(u"ana"_qs);
        QVERIFY(!ana.token.isEmpty());
        const QString ch = rest.createChannel(ana, u"secure"_qs, u"private"_qs);
        GatewayClient g;
        QVERIFY(g.open(server, ana.token));
        QCOMPARE(g.socket().requestUrl().scheme(), u"wss"_qs);
        QVERIFY(!g.ready().value(u"sessionId"_qs).toString().isEmpty());
        const auto ack = g.call(sendFrame(1, ch, u"tls-"_qs));
        QCOMPARE(ack.value(u"type"_qs).toString(), u"ack"_qs);
        QVERIFY(server.takeLog().contains("lite needs plain TCP"));

        // Plain HTTP to the TLS port is not answered.
        QNetworkAccessManager nam;
        QUrl plain = server.httpUrl(u"/api/v1/health"_qs);
        plain.setScheme(u"http"_qs);
        QNetworkReply *reply = nam.get(QNetworkRequest(plain));
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 15000);
        QVERIFY(reply->error() != QNetworkReply::NoError);
        delete reply;
    }

    void tlsRefusesBadFiles()
    {
        QTemporaryDir dir;
        QFile junk(dir.filePath(u"junk.pem"_qs));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("not a certificate\n");
        junk.close();
        QByteArray out;
        QCOMPARE(runCommand({ u"--port"_qs, u"0"_qs, u"--data-dir"_qs, dir.filePath(u"d"_qs), u"--tls-cert"_qs,
                     junk.fileName(), u"--tls-key"_qs, junk.fileName() },
                     &out),
            1);
        QVERIFY2(out.contains("no PEM certificate"), out.constData());
        QCOMPARE(runCommand({ u"--tls-cert"_qs, junk.fileName(), u"--check-config"_qs }, &out), 2);
        QVERIFY2(out.contains("go together"), out.constData());
        // The metrics token is a secret: --check-config does not print it.
        QCOMPARE(runCommand({ u"--metrics-token"_qs, u"hush-hush"_qs, u"--check-config"_qs }, &out), 0);
        QVERIFY2(out.contains("metrics-token = (set)") && !out.contains("hush-hush"), out.constData());
    }

    // The counters move as messages flow; one log line per request and per gateway session.
    void metricsMoveAndRequestsAreLogged()
    {
        TestServer server({ u"--rate-limit"_qs, u"0"_qs });
        QVERIFY(server.start());
        RestClient rest(server);
        const auto first = rest.get(u"/metrics"_qs);
        QCOMPARE(first.status, 200);
        QVERIFY(first.header("Content-Type").startsWith("text/plain; version=0.0.4"));
        QCOMPARE(metric(first.body, "natter_connections_open"), 0.0);
        QCOMPARE(metric(first.body, "natter_messages_stored_total"), 0.0);

        const auto [ana, ben, ch] = rest.registerPair(u"metered"_qs);
        GatewayClient a, b;
        QVERIFY(a.open(server, ana.token));
        QVERIFY(b.open(server, ben.token));
        const int n = 50;
        for (int i = 0; i < n; ++i)
            a.sendFrame(sendFrame(i, ch, u"m-"_qs));
        qsizetype acks = 0;
        QTRY_VERIFY_WITH_TIMEOUT((acks += a.takeAll(u"ack"_qs).size()) >= n, 20000);
        QCOMPARE(acks, qsizetype(n));
        QTRY_VERIFY_WITH_TIMEOUT(b.frames().size() >= n, 10000);
        // A refusal of each kind the test can cause.
        QCOMPARE(rest.get(u"/api/v1/channels"_qs, u"bogus"_qs).status, 401);
        {
            QTcpSocket raw;
            raw.connectToHost(QHostAddress::LocalHost, server.port());
            QVERIFY(raw.waitForConnected(5000));
            raw.write("POST /api/v1/channels HTTP/1.1\r\nHost: x\r\nContent-Length: 2097152\r\n\r\n");
            QTRY_VERIFY_WITH_TIMEOUT(raw.bytesAvailable() > 0, 5000);
            QVERIFY(raw.readAll().startsWith("HTTP/1.1 413"));
        }

        const auto after = rest.get(u"/metrics"_qs);
        QCOMPARE(after.status, 200);
        QCOMPARE(metric(after.body, "natter_connections_open"), 2.0);
        QCOMPARE(metric(after.body, "natter_users_online"), 2.0);
        QCOMPARE(metric(after.body, "natter_messages_stored_total"), double(n));
        // ana's own connection and ben's each get every message.new.
        QCOMPARE(metric(after.body, "natter_messages_delivered_total"), double(2 * n));
        QCOMPARE(metric(after.body, "natter_send_ack_seconds_count"), double(n));
        QCOMPARE(metric(after.body, "natter_send_ack_seconds_bucket{le=\"+Inf\"}"), double(n));
        if (!TestServer::usesPostgres()) // SQLite's WAL syncer; PostgreSQL syncs its own WAL
            QVERIFY(metric(after.body, "natter_fsync_seconds_count") >= 1);
        QVERIFY(metric(after.body, "natter_outbound_queued_bytes") >= 0);
        QCOMPARE(metric(after.body, "natter_rejected_total{reason=\"unauthorized\"}"), 1.0);
        QCOMPARE(metric(after.body, "natter_rejected_total{reason=\"body_too_large\"}"), 1.0);
        QVERIFY(metric(after.body, "natter_http_requests_total") >= 6);

        a.socket().close();
        QVERIFY(a.waitClosed());
        QTRY_COMPARE_WITH_TIMEOUT(metric(rest.get(u"/metrics"_qs).body, "natter_connections_open"), 1.0, 5000);

        // Logs: method, path without the query, status, duration, request id; sessions open and close.
        QCOMPARE(rest.get(u"/api/v1/search?q=secret-word"_qs, ana.token).status, 200);
        QByteArray log;
        QTRY_VERIFY_WITH_TIMEOUT((log += server.takeLog()).contains("GET /api/v1/search status=200"), 5000);
        QVERIFY(!log.contains("secret-word"));
        static const QRegularExpression line(
            QStringLiteral(R"(natter.http: request id=[0-9a-f]{16} POST /api/v1/auth/register status=201 ms=\d+\.\d\d)"));
        QVERIFY2(line.match(QString::fromUtf8(log)).hasMatch(), log.left(3000).constData());
        QVERIFY(log.contains("status=401"));
        QVERIFY(log.contains("status=413"));
        QVERIFY(log.contains("GET /api/v1/ws status=101"));
        const QString session = a.ready().value(u"sessionId"_qs).toString();
        QVERIFY2(log.contains(("session open session=" + session + " user=" + ana.id).toUtf8()), log.constData());
        QVERIFY(log.contains(("session close session=" + session + " user=" + ana.id + " code=0").toUtf8()));
    }

    // Loopback clients only, unless a token is given; with one, others must send it.
    void metricsNeedTheTokenFromElsewhere()
    {
        QHostAddress lan;
        for (const QHostAddress &address : QNetworkInterface::allAddresses())
            if (address.protocol() == QAbstractSocket::IPv4Protocol && !address.isLoopback()
                && !address.isLinkLocal())
                lan = address;
        if (lan.isNull())
            QSKIP("this machine has no non-loopback IPv4 address to reach the server from");
        for (const bool withToken : { false, true }) {
            QStringList args { u"--listen"_qs, u"0.0.0.0"_qs };
            if (withToken)
                args += { u"--metrics-token"_qs, u"s3cret-metrics"_qs };
            TestServer server(args);
            QVERIFY(server.start());
            QNetworkAccessManager nam;
            QUrl url = server.httpUrl(u"/metrics"_qs);
            url.setHost(lan.toString());
            const auto get = [&nam, &url](const QByteArray &bearer) {
                QNetworkRequest req(url);
                if (!bearer.isEmpty())
                    req.setRawHeader("Authorization", "Bearer " + bearer);
                QNetworkReply *reply = nam.get(req);
                QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000);
                const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                delete reply;
                return status;
            };
            if (!withToken) {
                QCOMPARE(get({}), 403);
                QCOMPARE(get("anything"), 403);
            } else {
                QCOMPARE(get({}), 401);
                QCOMPARE(get("wrong-token"), 401);
                QCOMPARE(get("s3cret-metrics"), 200);
            }
            // Loopback needs no token either way.
            QCOMPARE(RestClient(server).get(u"/metrics"_qs).status, 200);
            QVERIFY(!server.takeLog().contains("s3cret"));
        }
    }

    // SIGTERM under write load: clients see 1001, the process exits 0, and everything acked is there after a
    // restart. Both WebSocket transports.
    void sigtermDrainsUnderLoad_data()
    {
        QTest::addColumn<QString>("transport");
        QTest::newRow("lite") << u"lite"_qs;
        QTest::newRow("qt") << u"qt"_qs;
    }
    void sigtermDrainsUnderLoad()
    {
        QFETCH(QString, transport);
        TestServer server({ u"--rate-limit"_qs, u"0"_qs, u"--ws-transport"_qs, transport });
        QVERIFY(server.start());
        RestClient rest(server);
        const auto [ana, ben, ch] = rest.registerPair(u"drain"_qs);
        GatewayClient writer, reader;
        QVERIFY(writer.open(server, ana.token));
        QVERIFY(reader.open(server, ben.token));
        // Keep writing while the server shuts down: a steady stream, then SIGTERM in the middle of it.
        int sent = 0;
        QTimer pump;
        QObject::connect(&pump, &QTimer::timeout, [&] {
            for (int i = 0; i < 20 && writer.isOpen(); ++i)
                writer.sendFrame(sendFrame(sent++, ch, u"drain-"_qs));
        });
        pump.start(1);
        QTRY_VERIFY_WITH_TIMEOUT(countAcks(writer) >= 300, 20000);
        server.terminate();
        const int sentAtTerm = sent;
        QVERIFY(writer.waitClosed(15000));
        QVERIFY(reader.waitClosed(15000));
        pump.stop();
        QCOMPARE(writer.closeCode(), 1001);
        QCOMPARE(reader.closeCode(), 1001);
        QVERIFY2(server.waitForExit(), "natter-server did not exit 0 after SIGTERM");
        const QSet<QString> acked = ackedIds(writer);
        QVERIFY(acked.size() >= 300);
        QVERIFY(sent > sentAtTerm); // the writer kept writing while the server drained

        QVERIFY(server.start());
        RestClient restarted(server);
        bool ok = false;
        const QSet<QString> stored = storedIds(restarted, ch, ana.token, &ok);
        QVERIFY(ok);
        for (const QString &id : acked)
            QVERIFY2(stored.contains(id), qPrintable(u"acknowledged message %1 was lost"_qs.arg(id)));
    }

    // A backup taken while messages are written, restored into a new directory (and, on PostgreSQL, a new
    // database), holds every message acked before it began (and an upload); restore refuses a directory or a
    // database that holds anything.
    void backupUnderLoadRestores()
    {
        TestServer server({ u"--rate-limit"_qs, u"0"_qs });
        QVERIFY(server.start());
        RestClient rest(server);
        const auto ana = rest.registerUser(u"ana"_qs);
        const QString ch = rest.createChannel(ana, u"kept"_qs, u"private"_qs);
        const auto upload = rest.request("POST", u"/api/v1/uploads"_qs, QByteArray(5000, 'u'), ana.token,
            { { "Content-Type", "application/octet-stream" }, { "X-Filename", "notes.txt" } });
        QCOMPARE(upload.status, 201);
        GatewayClient writer;
        QVERIFY(writer.open(server, ana.token));
        int sent = 0;
        QTimer pump;
        QObject::connect(&pump, &QTimer::timeout, [&] {
            for (int i = 0; i < 10; ++i)
                writer.sendFrame(sendFrame(sent++, ch, u"bk-"_qs));
        });
        pump.start(2);
        QTRY_VERIFY_WITH_TIMEOUT(writer.frames().size() >= 500, 20000);

        // On PostgreSQL: --database for both, and a new, empty database to restore into.
        const bool postgres = TestServer::usesPostgres();
        QStringList from, into;
        QString restoredDb;
        auto dropRestored = qScopeGuard([&] {
            if (!restoredDb.isEmpty())
                server.psql(u"DROP DATABASE IF EXISTS "_qs + restoredDb + u" WITH (FORCE)"_qs);
        });
        if (postgres) {
            from = { u"--database"_qs, server.databaseUrl() };
            restoredDb = u"natter_restored_"_qs + QUuid::createUuid().toString(QUuid::Id128).left(16);
            QVERIFY(server.psql(u"CREATE DATABASE "_qs + restoredDb));
            QUrl url(server.databaseUrl());
            url.setPath(u'/' + restoredDb);
            into = { u"--database"_qs, url.toString() };
        }

        QTemporaryDir work;
        const QString backupDir = work.filePath(u"backup"_qs);
        const QSet<QString> ackedBefore = ackedIds(writer);
        QByteArray out;
        QCOMPARE(runCommand(QStringList { u"backup"_qs, backupDir, u"--data-dir"_qs, server.dataDir() } + from, &out),
            0);
        QVERIFY2(out.contains(", 1 upload files"), out.constData());
        QVERIFY2(QDir(backupDir).exists(postgres ? u"natter.pgdump"_qs : u"natter.db"_qs), out.constData());
        const int sentDuring = sent;
        QTRY_VERIFY_WITH_TIMEOUT(writer.frames().size() >= 200, 20000); // the server kept writing meanwhile
        pump.stop();
        QVERIFY(sentDuring > ackedBefore.size());
        // Not over an existing backup.
        QCOMPARE(runCommand(QStringList { u"backup"_qs, backupDir, u"--data-dir"_qs, server.dataDir() } + from, &out),
            1);

        const QString restored = work.filePath(u"restored"_qs);
        if (postgres) { // the backup says which engine it is for
            QCOMPARE(runCommand({ u"restore"_qs, backupDir, u"--data-dir"_qs, restored }, &out), 1);
            QVERIFY2(out.contains("--database"), out.constData());
        }
        QCOMPARE(runCommand(QStringList { u"restore"_qs, backupDir, u"--data-dir"_qs, restored } + into, &out), 0);
        QVERIFY2(out.contains(", 1 upload files"), out.constData());
        QVERIFY(QDir(restored).exists(u"uploads"_qs));
        if (!postgres) {
            QVERIFY2(QDir(restored).exists(u"natter.db"_qs), out.constData());
            QVERIFY(!QDir(restored).exists(u"search.db"_qs));
        }
        // Into a directory (or a database) that holds anything: refused, and nothing changes there.
        const QString again = postgres ? work.filePath(u"again"_qs) : restored;
        QCOMPARE(runCommand(QStringList { u"restore"_qs, backupDir, u"--data-dir"_qs, again } + into, &out), 1);
        QVERIFY2(out.contains("not empty"), out.constData());

        TestServer second(QStringList { u"--data-dir"_qs, restored } + into);
        QVERIFY(second.start());
        RestClient fromBackup(second);
        bool ok = false;
        const QSet<QString> stored = storedIds(fromBackup, ch, ana.token, &ok);
        QVERIFY(ok);
        for (const QString &id : ackedBefore)
            QVERIFY2(stored.contains(id), qPrintable(u"message %1, acked before the backup, is missing"_qs.arg(id)));
        // The upload's file came along: it can be attached and downloaded.
        const QString uploadId = upload.json.value(u"id"_qs).toString();
        const auto attached = fromBackup.post(u"/api/v1/channels/"_qs + ch + u"/messages"_qs,
            { { u"clientMsgId"_qs, u"after-restore"_qs }, { u"text"_qs, u"file"_qs },
                { u"attachmentIds"_qs, QJsonArray { uploadId } } },
            ana.token);
        QCOMPARE(attached.status, 201);
        const QString url = attached.json.value(u"attachments"_qs).toArray().at(0).toObject().value(u"url"_qs).toString();
        QVERIFY(!url.isEmpty());
        const auto download = fromBackup.get(url, ana.token);
        QCOMPARE(download.status, 200);
        QCOMPARE(download.body.size(), 5000);
    }

    // With --uploads-dir the files are not in the data directory: backup reads them from there (given or
    // from the config file), restore can put them into another one, and a server started there serves them.
    // Only the files a row names are copied: a stray file in the uploads directory stays behind.
    void backupAndRestoreWithUploadsDir()
    {
        QTemporaryDir work;
        const QString uploads = work.filePath(u"uploads-live"_qs);
        QVERIFY(QDir().mkpath(uploads));
        TestServer server({ u"--uploads-dir"_qs, uploads });
        QVERIFY(server.start());
        RestClient rest(server);
        const auto ana = rest.registerUser(u"ana"_qs);
        const auto upload = rest.request("POST", u"/api/v1/uploads"_qs, QByteArray(3000, 'f'), ana.token,
            { { "Content-Type", "application/octet-stream" }, { "X-Filename", "kept.bin" } });
        QCOMPARE(upload.status, 201);
        const QString id = upload.json.value(u"id"_qs).toString();
        QFile stray(QDir(uploads).filePath(u"123"_qs));
        QVERIFY(stray.open(QIODevice::WriteOnly));
        stray.close();

        const QString config = work.filePath(u"server.conf"_qs);
        QFile file(config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("data-dir = " + server.dataDir().toUtf8() + "\nuploads-dir = " + uploads.toUtf8() + "\n");
        // On PostgreSQL the database comes from the config file too; the restore goes into a new one.
        QStringList into;
        QString restoredDb;
        auto dropRestored = qScopeGuard([&] {
            if (!restoredDb.isEmpty())
                server.psql(u"DROP DATABASE IF EXISTS "_qs + restoredDb + u" WITH (FORCE)"_qs);
        });
        if (TestServer::usesPostgres()) {
            file.write("database = " + server.databaseUrl().toUtf8() + "\n");
            restoredDb = u"natter_restored_"_qs + QUuid::createUuid().toString(QUuid::Id128).left(16);
            QVERIFY(server.psql(u"CREATE DATABASE "_qs + restoredDb));
            QUrl url(server.databaseUrl());
            url.setPath(u'/' + restoredDb);
            into = { u"--database"_qs, url.toString() };
        }
        file.close();
        const QString backupDir = work.filePath(u"backup"_qs);
        QByteArray out;
        QCOMPARE(runCommand({ u"backup"_qs, backupDir, u"--config"_qs, config }, &out), 0);
        QVERIFY2(out.contains(", 1 upload files"), out.constData());
        QVERIFY(QFile::exists(QDir(backupDir).filePath(u"uploads/"_qs + id)));
        QVERIFY(!QFile::exists(QDir(backupDir).filePath(u"uploads/123"_qs)));

        const QString restored = work.filePath(u"restored"_qs), restoredUploads = work.filePath(u"files"_qs);
        QCOMPARE(runCommand(QStringList { u"restore"_qs, backupDir, u"--data-dir"_qs, restored, u"--uploads-dir"_qs,
                                restoredUploads } + into,
                     &out),
            0);
        QVERIFY2(QFile::exists(QDir(restoredUploads).filePath(id)), out.constData());
        QVERIFY(!QFileInfo::exists(QDir(restored).filePath(u"uploads"_qs)));
        // Into a non-empty uploads directory: refused.
        QCOMPARE(runCommand(QStringList { u"restore"_qs, backupDir, u"--data-dir"_qs, work.filePath(u"again"_qs),
                                u"--uploads-dir"_qs, restoredUploads } + into,
                     &out),
            1);
        QVERIFY2(out.contains("not empty"), out.constData());

        server.stop();
        TestServer second(QStringList { u"--data-dir"_qs, restored, u"--uploads-dir"_qs, restoredUploads } + into);
        QVERIFY2(second.start(), second.takeLog().constData());
        const auto download = RestClient(second).get(upload.json.value(u"url"_qs).toString(), ana.token);
        QCOMPARE(download.status, 200);
        QCOMPARE(download.body, QByteArray(3000, 'f'));
    }
};

QTEST_MAIN(TestOps)
#include "tst_ops.moc"
