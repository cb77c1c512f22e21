#pragma once

#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>
#include <optional>

// Runs the real natter-server binary on 127.0.0.1, port 0, with a temporary data directory, the way a user
// would start it. Tests that restart the server keep the data directory across stop()/start().
// With NATTER_TEST_POSTGRES=postgresql://USER@HOST:PORT/DB in the environment (scripts/test sets it for its
// PostgreSQL pass) every TestServer stores in a fresh PostgreSQL database of its own, created at the first
// start(), kept across restarts and dropped with the TestServer.
class TestServer
{
public:
    explicit TestServer(QStringList extraArgs = {});
    ~TestServer();

    // Starts the process and waits for "listening on ADDR:PORT"; false (with a QWARN) when it does not come.
    bool start();
    // Ends the process the way an operator's SIGTERM would. kill() is the unclean variant.
    void stop();
    void kill();
    bool isRunning() const;
    // Sends SIGTERM and returns at once (the caller keeps its event loop running: a draining server waits for
    // its clients' close handshakes); waitForExit() then waits, processing events, and tells whether the
    // process exited with status 0.
    void terminate();
    bool waitForExit(int timeoutMs = 20000);
    // How the last stop() ended: true when the process exited normally with status 0.
    bool stoppedCleanly() const { return m_stoppedCleanly; }

    quint16 port() const { return m_port; }
    QUrl httpUrl(const QString &path = {}) const;
    QUrl wsUrl(const QString &query = {}) const;
    QString dataDir() const { return m_dataDir.path(); }
    // True when the server said it serves TLS ("listening on ADDR:PORT (tls)"): the URLs are https/wss.
    bool isTls() const { return m_tls; }
    QByteArray output() const { return m_output; }
    // What the process wrote to stderr (its log) since the last call.
    QByteArray takeLog();
    qint64 pid() const;
    // The server process's resident memory (VmRSS) in KiB, or 0 when it cannot be read.
    qint64 rssKb() const;

    // The server's own binary: NATTER_SERVER_BIN from the environment, else the one this build made.
    static QString binary();

    // Whether this run's servers store in PostgreSQL (NATTER_TEST_POSTGRES); a test of SQLite's own files
    // skips then.
    static bool usesPostgres();
    // The postgresql:// URL of this server's database (empty on SQLite).
    QString databaseUrl() const { return m_databaseUrl; }
    // Stops or starts the PostgreSQL server itself (NATTER_TEST_POSTGRES_CTL, from scripts/postgres), for the
    // fault tests; false when that is not available or fails.
    static bool postgresCtl(const QString &action);
    // Runs SQL on this server's PostgreSQL database with psql; its output, or nullopt on failure.
    std::optional<QByteArray> psql(const QString &sql) const;

private:
    bool createDatabase();
    void dropDatabase();

    QTemporaryDir m_dataDir;
    QString m_databaseUrl;
    QString m_databaseName;
    QStringList m_extraArgs;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_output;
    quint16 m_port = 0;
    bool m_tls = false;
    quint16 m_lastPort = 0;
    bool m_stoppedCleanly = false;
};
