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
