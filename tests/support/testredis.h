#pragma once

#include <QByteArrayList>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

// Redis for the cluster suites: the one scripts/test started (NATTER_TEST_REDIS=redis://HOST:PORT), or a
// private redis-server that the test starts itself and can restart on the same port (fault tests).
class TestRedis
{
public:
    ~TestRedis();

    // NATTER_TEST_REDIS, or empty when the suite was not given one.
    static QString sharedUrl();
    // Starts redis-server (from PATH) on a free loopback port, no persistence; false when it cannot.
    bool start();
    void stop();
    bool isRunning() const;
    QString url() const;

    // Sends ARGS to the Redis at URL and returns the reply's first line (e.g. ":1", "+OK", "$5"), or empty.
    static QByteArray command(const QString &url, const QByteArrayList &args);

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
};
