#include "scenarios.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QTimer>

Q_LOGGING_CATEGORY(lcBench, "natter.bench")

BenchSession::BenchSession(const BenchOptions &options)
    : m_options(options)
    , m_rest(options.target)
    , m_probe(options.serverPid > 0 ? options.serverPid : ServerProbe::pidListeningOn(options.port))
{
    for (int i = 0; i < options.sources; ++i)
        m_sourceAddresses << QStringLiteral("127.0.0.%1").arg(2 + i);
    if (!m_probe.isValid())
        qCWarning(lcBench) << "server pid unknown: memory and CPU columns stay empty (pass --server-pid)";
}

bool BenchSession::startWorkers(int count)
{
    return m_pool.start(qMax(1, count));
}

qint64 BenchSession::workersCpuMs() const
{
    qint64 total = 0;
    for (qint64 pid : m_pool.pids())
        total += qMax<qint64>(0, ServerProbe(pid).cpuMs());
    return total;
}

void BenchSession::sleepMs(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

BenchSession::Totals BenchSession::sum(const QList<QJsonObject> &answers)
{
    Totals totals;
    for (const QJsonObject &answer : answers) {
        totals.ok += answer.value(QStringLiteral("ok")).toInt();
        totals.failed += answer.value(QStringLiteral("failed")).toInt();
        totals.open += answer.value(QStringLiteral("open")).toInt();
        totals.elapsedMs = qMax(totals.elapsedMs, answer.value(QStringLiteral("elapsedMs")).toDouble());
        totals.sent += answer.value(QStringLiteral("sent")).toDouble();
        totals.received += answer.value(QStringLiteral("received")).toDouble();
        totals.inWindow += answer.value(QStringLiteral("inWindow")).toDouble();
        totals.errors += answer.value(QStringLiteral("errors")).toDouble();
        totals.rateLimited += answer.value(QStringLiteral("rateLimited")).toDouble();
        totals.lost += answer.value(QStringLiteral("lost")).toDouble();
        const QJsonObject codes = answer.value(QStringLiteral("codes")).toObject();
        for (auto it = codes.begin(); it != codes.end(); ++it)
            totals.codes.insert(it.key(), totals.codes.value(it.key()).toInt() + it.value().toInt());
        totals.latency.merge(LatencyHistogram::fromJson(answer.value(QStringLiteral("hist")).toArray()));
    }
    return totals;
}

BenchSession::Totals BenchSession::connect(const QList<Connection> &connections, int timeoutMs)
{
    const int workers = m_pool.count();
    QList<QJsonArray> shares(workers);
    for (qsizetype i = 0; i < connections.size(); ++i) {
        const Connection &connection = connections.at(i);
        QJsonObject spec { { QStringLiteral("t"), QString::fromLatin1(connection.token) } };
        if (!connection.channelId.isEmpty()) spec.insert(QStringLiteral("c"), connection.channelId);
        if (connection.sender) spec.insert(QStringLiteral("s"), true);
        shares[i % workers].append(spec);
    }
    QList<QJsonObject> commands;
    for (int w = 0; w < workers; ++w) {
        commands.append({ { QStringLiteral("cmd"), QStringLiteral("connect") },
            { QStringLiteral("server"), m_options.host.toString() },
            { QStringLiteral("port"), m_options.ports.isEmpty() ? m_options.port : m_options.ports.at(w % m_options.ports.size()) },
            { QStringLiteral("parallel"), m_options.parallel }, { QStringLiteral("run"), m_options.prefix },
            { QStringLiteral("sources"), QJsonArray::fromStringList(m_sourceAddresses) },
            { QStringLiteral("conns"), shares.at(w) } });
    }
    return sum(m_pool.broadcast(commands, QStringLiteral("connected"), timeoutMs));
}

BenchSession::Totals BenchSession::closeAll()
{
    return sum(m_pool.broadcastAll(
        { { QStringLiteral("cmd"), QStringLiteral("close") } }, QStringLiteral("closed"), 60000));
}

BenchSession::Totals BenchSession::runStep(
    const QJsonObject &command, const QList<QJsonObject> &perWorker, const QString &event, int timeoutMs)
{
    QList<QJsonObject> commands;
    for (int w = 0; w < m_pool.count(); ++w) {
        QJsonObject merged = command;
        const QJsonObject extra = perWorker.value(w);
        for (auto it = extra.begin(); it != extra.end(); ++it)
            merged.insert(it.key(), it.value());
        commands.append(merged);
    }
    return sum(m_pool.broadcast(commands, event, timeoutMs));
}
