// natter-server's configuration file: every option as `key = value`, the command line wins, --check-config
// prints the effective settings, and an unknown key or a bad value is refused (exit 2) with the file named.
// Also: the server started from a config file answers GET /api/v1/health.
#include "testserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QtTest>

namespace {
struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runServer(const QStringList &args)
{
    QProcess p;
    p.start(TestServer::binary(), args);
    if (!p.waitForFinished(15000)) {
        p.kill();
        p.waitForFinished();
    }
    return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
        QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError()) };
}

// The `key = value` lines of --check-config as a map.
QHash<QString, QString> settings(const QString &out)
{
    QHash<QString, QString> map;
    for (const QString &line : out.split(u'\n', Qt::SkipEmptyParts)) {
        const qsizetype eq = line.indexOf(QLatin1String(" = "));
        if (eq > 0)
            map.insert(line.left(eq), line.mid(eq + 3));
    }
    return map;
}
} // namespace

class TestConfig : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString writeConfig(const QString &name, const QByteArray &text)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(text);
        return path;
    }

private slots:
    void defaultsWithoutAFile()
    {
        const Run r = runServer({ QStringLiteral("--check-config") });
        QCOMPARE(r.exitCode, 0);
        const auto s = settings(r.out);
        QCOMPARE(s.value(QStringLiteral("port")), QStringLiteral("8787"));
        QCOMPARE(s.value(QStringLiteral("listen")), QStringLiteral("127.0.0.1"));
        QCOMPARE(s.value(QStringLiteral("durability")), QStringLiteral("full"));
        QCOMPARE(s.value(QStringLiteral("allow-private-previews")), QStringLiteral("false"));
        QVERIFY(s.size() >= 15);
        // The abuse limits' defaults (docs/operations.md).
        QCOMPARE(s.value(QStringLiteral("login-backoff")), QStringLiteral("1000:900000"));
        QCOMPARE(s.value(QStringLiteral("login-free-failures")), QStringLiteral("5:20:50"));
        QCOMPARE(s.value(QStringLiteral("register-limit")), QStringLiteral("10:3600"));
        QCOMPARE(s.value(QStringLiteral("max-connections-per-user")), QStringLiteral("16"));
        QCOMPARE(s.value(QStringLiteral("max-unauthenticated-per-address")), QStringLiteral("32"));
        QCOMPARE(s.value(QStringLiteral("max-pending-hashes")), QStringLiteral("32"));
        QCOMPARE(s.value(QStringLiteral("hash-threads")), QStringLiteral("2"));
        QCOMPARE(s.value(QStringLiteral("allowed-origins")), QString());
        QCOMPARE(s.value(QStringLiteral("trusted-proxies")), QString());
        // The uploads live in the data directory unless uploads-dir says otherwise.
        QCOMPARE(s.value(QStringLiteral("uploads-dir")), QStringLiteral("./data/uploads"));
    }

    // uploads-dir (issue 14: a directory several instances share) from the file or the command line; the data
    // directory's default follows --data-dir.
    void uploadsDir()
    {
        const QString shared = m_dir.filePath(QStringLiteral("shared-uploads"));
        QVERIFY(QDir().mkpath(shared));
        const QString file
            = writeConfig(QStringLiteral("uploads.conf"), "uploads-dir = " + shared.toUtf8() + "\n");
        Run r = runServer({ QStringLiteral("--config"), file, QStringLiteral("--check-config") });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(settings(r.out).value(QStringLiteral("uploads-dir")), shared);
        r = runServer({ QStringLiteral("--data-dir"), QStringLiteral("/srv/natter"),
            QStringLiteral("--check-config") });
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(settings(r.out).value(QStringLiteral("uploads-dir")), QStringLiteral("/srv/natter/uploads"));
        // Not created when missing: a shared mount that is not there must not turn into a local directory.
        const QString missing = m_dir.filePath(QStringLiteral("not-mounted"));
        r = runServer({ QStringLiteral("--uploads-dir"), missing, QStringLiteral("--check-config") });
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(
            r.err.contains(QStringLiteral("--uploads-dir: not a directory: ") + missing), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(missing));
    }

    void abuseLimitsFromAFile()
    {
        const QString file = writeConfig(QStringLiteral("abuse.conf"),
            "login-backoff = 500:5000\nlogin-free-failures = 3:10:30\nregister-limit = 0\n"
            "max-connections-per-user = 4\nallowed-origins = https://chat.example.com, "
            "https://web.example:8443\n"
            "trusted-proxies = 10.0.0.1\n");
        const Run r = runServer({ QStringLiteral("--config"), file, QStringLiteral("--check-config") });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto s = settings(r.out);
        QCOMPARE(s.value(QStringLiteral("login-backoff")), QStringLiteral("500:5000"));
        QCOMPARE(s.value(QStringLiteral("login-free-failures")), QStringLiteral("3:10:30"));
        QCOMPARE(s.value(QStringLiteral("register-limit")), QStringLiteral("0"));
        QCOMPARE(s.value(QStringLiteral("max-connections-per-user")), QStringLiteral("4"));
        QVERIFY(
            s.value(QStringLiteral("allowed-origins")).contains(QStringLiteral("https://web.example:8443")));
        QCOMPARE(s.value(QStringLiteral("trusted-proxies")), QStringLiteral("10.0.0.1"));
    }

    void fileValuesApplyAndTheCommandLineWins()
    {
        const QString file = writeConfig(QStringLiteral("a.conf"),
            "# a comment\n; another\nport = 9100\nlisten = 0.0.0.0\nlog-level = warning\n"
            "allow-private-previews = true\nrate-limit = 3:6\n");
        Run r = runServer({ QStringLiteral("--config"), file, QStringLiteral("--check-config") });
        QCOMPARE(r.exitCode, 0);
        auto s = settings(r.out);
        QCOMPARE(s.value(QStringLiteral("port")), QStringLiteral("9100"));
        QCOMPARE(s.value(QStringLiteral("listen")), QStringLiteral("0.0.0.0"));
        QCOMPARE(s.value(QStringLiteral("log-level")), QStringLiteral("warning"));
        QCOMPARE(s.value(QStringLiteral("allow-private-previews")), QStringLiteral("true"));
        QCOMPARE(s.value(QStringLiteral("rate-limit")), QStringLiteral("3:6"));

        r = runServer({ QStringLiteral("--port"), QStringLiteral("9200"), QStringLiteral("--config"), file,
            QStringLiteral("--log-level=debug"), QStringLiteral("--check-config") });
        QCOMPARE(r.exitCode, 0);
        s = settings(r.out);
        QCOMPARE(s.value(QStringLiteral("port")), QStringLiteral("9200"));
        QCOMPARE(s.value(QStringLiteral("log-level")), QStringLiteral("debug"));
        QCOMPARE(s.value(QStringLiteral("listen")), QStringLiteral("0.0.0.0"));
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("unknown key") << QByteArray("prot = 8787\n") << QStringLiteral("unknown key 'prot'");
        QTest::newRow("not a setting") << QByteArray("help = true\n") << QStringLiteral("unknown key 'help'");
        QTest::newRow("a section") << QByteArray("[server]\nport = 1\n")
                                   << QStringLiteral("unknown key 'server/port'");
        QTest::newRow("bad port") << QByteArray("port = 70000\n")
                                  << QStringLiteral(": port must be 0 to 65535");
        QTest::newRow("bad address") << QByteArray("listen = example\n")
                                     << QStringLiteral(": listen: not an IP address: example");
        QTest::newRow("bad database") << QByteArray("database = mysql://x@y/z\n")
                                      << QStringLiteral(": database must be sqlite or postgresql://");
        QTest::newRow("bad durability") << QByteArray("durability = sometimes\n")
                                        << QStringLiteral(": durability must be full or process");
        QTest::newRow("bad flag") << QByteArray("allow-private-previews = maybe\n")
                                  << QStringLiteral(": allow-private-previews must be true or false");
        // The abuse limits (issue 15).
        QTest::newRow("login-backoff word") << QByteArray("login-backoff = fast\n")
                                            << QStringLiteral(": login-backoff must be BASE_MS:MAX_MS");
        QTest::newRow("login-backoff max below base") << QByteArray(
            "login-backoff = 5000:1000\n") << QStringLiteral(": login-backoff must be BASE_MS:MAX_MS");
        QTest::newRow("login-free-failures zero")
            << QByteArray("login-free-failures = 5:0:5\n")
            << QStringLiteral(": login-free-failures must be PAIR:ADDRESS:ACCOUNT");
        QTest::newRow("login-free-failures two")
            << QByteArray("login-free-failures = 5:5\n")
            << QStringLiteral(": login-free-failures must be PAIR:ADDRESS:ACCOUNT");
        QTest::newRow("register-limit no window")
            << QByteArray("register-limit = 10\n") << QStringLiteral(": register-limit must be N:SECONDS");
        QTest::newRow("negative per-user cap")
            << QByteArray("max-connections-per-user = -1\n")
            << QStringLiteral(": max-connections-per-user must be a non-negative integer");
        QTest::newRow("unauthenticated cap word")
            << QByteArray("max-unauthenticated-per-address = lots\n")
            << QStringLiteral(": max-unauthenticated-per-address must be a non-negative integer");
        QTest::newRow("pending hashes word")
            << QByteArray("max-pending-hashes = many\n")
            << QStringLiteral(": max-pending-hashes must be a non-negative integer");
        QTest::newRow("no hash threads")
            << QByteArray("hash-threads = 0\n") << QStringLiteral(": hash-threads must be 1 to 64");
        QTest::newRow("origin without scheme")
            << QByteArray("allowed-origins = chat.example.com\n")
            << QStringLiteral(": allowed-origins: not an origin (scheme://host[:port]): chat.example.com");
        QTest::newRow("origin with a path") << QByteArray("allowed-origins = https://chat.example.com/app\n")
                                            << QStringLiteral(": allowed-origins: not an origin");
        QTest::newRow("uploads-dir missing")
            << QByteArray("uploads-dir = /nonexistent/natter-uploads\n")
            << QStringLiteral(": uploads-dir: not a directory: /nonexistent");
        QTest::newRow("proxy by name") << QByteArray("trusted-proxies = proxy.local\n")
                                       << QStringLiteral(": trusted-proxies: not an IP address: proxy.local");
    }

    void refusals()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, error);
        const QString file = writeConfig(QStringLiteral("bad.conf"), text);
        for (const QStringList &extra : { QStringList { QStringLiteral("--check-config") }, QStringList() }) {
            // Nothing on the command line that the file sets: it would win over the bad value.
            const Run r
                = runServer(QStringList { QStringLiteral("--config"), file, QStringLiteral("--data-dir"),
                                m_dir.filePath(QStringLiteral("never")) }
                    + extra);
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains(error), qPrintable(r.err));
            QVERIFY2(r.err.contains(file), qPrintable(u"the error must name the file: "_qs + r.err));
            QVERIFY(r.out.isEmpty());
        }
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("never"))));
    }

    void missingFile()
    {
        const Run r = runServer({ QStringLiteral("--config"), m_dir.filePath(QStringLiteral("nope.conf")),
            QStringLiteral("--check-config") });
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("cannot read the config file")), qPrintable(r.err));
    }

    // A server started from a file listens where the file says (port 0 from the file: a free one) and stores
    // its data where the file says; GET /api/v1/health then answers 200 with the store's state.
    void serverRunsFromAFileAndIsHealthy()
    {
        QTemporaryDir data;
        const QString file = writeConfig(QStringLiteral("run.conf"),
            "listen = 127.0.0.1\nport = 0\npassword-cost = fast\ndata-dir = " + data.path().toUtf8() + "\n");
        QProcess server;
        server.setProcessChannelMode(QProcess::MergedChannels);
        server.start(TestServer::binary(), { QStringLiteral("--config"), file });
        QVERIFY(server.waitForStarted());
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += server.readAll()).contains("listening on"), 15000);
        const QByteArray line = out.mid(out.indexOf("listening on")).split('\n').value(0).trimmed();
        const quint16 port = line.mid(line.lastIndexOf(':') + 1).toUShort();
        QVERIFY(port > 0);
        QVERIFY(QFileInfo::exists(data.filePath(QStringLiteral("natter.db"))));

        QNetworkAccessManager nam;
        QNetworkReply *reply
            = nam.get(QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/health").arg(port))));
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        const QJsonObject health = QJsonDocument::fromJson(reply->readAll()).object();
        QCOMPARE(health.value(u"status").toString(), QStringLiteral("ok"));
        QCOMPARE(health.value(u"store").toObject().value(u"engine").toString(), QStringLiteral("sqlite"));
        QCOMPARE(health.value(u"store").toObject().value(u"ok").toBool(), true);
        QCOMPARE(health.value(u"version").toString(), QStringLiteral(NATTER_VERSION));
        reply->deleteLater();
        server.terminate();
        QVERIFY(server.waitForFinished(10000));
        QCOMPARE(server.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestConfig)
#include "tst_config.moc"
