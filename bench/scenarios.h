#pragma once

#include "benchoptions.h"
#include "latencyhistogram.h"
#include "restclient.h"
#include "serverprobe.h"
#include "workerpool.h"

#include <QJsonObject>
#include <QList>

// What every scenario needs: the REST helper, the server's /proc probe and the worker processes.
class BenchSession
{
public:
    struct Connection
    {
        QByteArray token;
        QString channelId;
        bool sender = false;
        QString userId;
    };
    struct Totals
    {
        int ok = 0;
        int failed = 0;
        int open = 0;
        double elapsedMs = 0;
        QJsonObject codes;
        double sent = 0, received = 0, inWindow = 0, errors = 0, rateLimited = 0, lost = 0;
        LatencyHistogram latency;
    };

    explicit BenchSession(const BenchOptions &options);

    const BenchOptions &options() const { return m_options; }
    RestClient &rest() { return m_rest; }
    ServerProbe &probe() { return m_probe; }
    WorkerPool &pool() { return m_pool; }

    bool startWorkers(int count);
    // Connection i goes to worker i % workers; blocks until every worker has opened (or failed) its share.
    Totals connect(const QList<Connection> &connections, int timeoutMs = 300000);
    Totals closeAll();
    // Same command to all workers, with the per-worker fields in `perWorker` merged in.
    Totals runStep(
        const QJsonObject &command, const QList<QJsonObject> &perWorker, const QString &event, int timeoutMs);

    // CPU milliseconds used so far by all worker processes: the load generator shares the machine with the
    // server.
    qint64 workersCpuMs() const;

    static Totals sum(const QList<QJsonObject> &answers);
    static void sleepMs(int ms);
    static QString mb(qint64 kb) { return QString::number(kb / 1024.0, 'f', 1); }

private:
    BenchOptions m_options;
    RestClient m_rest;
    ServerProbe m_probe;
    WorkerPool m_pool;
    QStringList m_sourceAddresses;
};

int runIdle(BenchSession &session);
int runFanout(BenchSession &session);
int runDurable(BenchSession &session);
int runHistory(BenchSession &session);
int runReconnectStorm(BenchSession &session);
// No server: the app's model and delegate alone (built only when the app's targets exist).
int runAppModel(const BenchOptions &options);
int runAppRich(const BenchOptions &options);
// The whole app, window shown, against an in-process fake server (bench/fakechatserver.h).
int runAppWindow(const BenchOptions &options);
int runAppImages(const BenchOptions &options);
// Which scenarios need a QApplication: the ones above.
bool isAppScenario(const QString &name);
