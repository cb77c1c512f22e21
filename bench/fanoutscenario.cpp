#include "report.h"
#include "scenarios.h"

#include <QElapsedTimer>
#include <QLoggingCategory>

#include <cstdio>

Q_DECLARE_LOGGING_CATEGORY(lcBench)

namespace {
// Channels of members, one connection per member; the first senders of each channel post in turn.
bool setUpChannels(
    BenchSession &session, int channels, int members, int senders, QList<BenchSession::Connection> *out)
{
    const BenchOptions &o = session.options();
    std::fprintf(stderr, "%s: registering %d users\n", qPrintable(o.scenario), channels * members);
    const QList<RestClient::User> users
        = session.rest().registerUsers(o.prefix, channels * members, o.registerParallel);
    if (users.size() != channels * members) {
        qCCritical(lcBench) << "only" << users.size() << "users registered";
        return false;
    }
    for (int c = 0; c < channels; ++c) {
        const QList<RestClient::User> group = users.mid(c * members, members);
        const QString id = session.rest().createChannel(
            group.first(), o.prefix + QStringLiteral("ch%1").arg(c), group, o.registerParallel);
        if (id.isEmpty()) return false;
        for (int m = 0; m < members; ++m)
            out->append({ group.at(m).token, id, m < senders, group.at(m).id });
    }
    return true;
}
}

bool setUpGroupChannels(
    BenchSession &session, int channels, int members, int senders, QList<BenchSession::Connection> *out)
{
    return setUpChannels(session, channels, members, senders, out);
}

// C channels of M members; senders post at a fixed total rate in steps; every member's connection stamps each
// message.new with the time since its sender wrote it. Stops after the step whose p99 passes --max-p99-ms.
int runFanout(BenchSession &session)
{
    const BenchOptions &o = session.options();
    QList<BenchSession::Connection> connections;
    if (!setUpChannels(session, o.channels, o.members, o.sendersPerChannel, &connections)) return 1;
    const int workers = o.workers > 0 ? o.workers : 2;
    if (!session.startWorkers(workers)) return 1;
    const BenchSession::Totals opened = session.connect(connections);
    std::fprintf(stderr, "fanout: %d connections open, %d failed\n", opened.open, opened.failed);
    if (opened.open < connections.size()) {
        qCCritical(lcBench) << "not every member connected" << opened.codes;
        return 1;
    }
    // Senders per worker: connection i lives on worker i % workers.
    QList<int> sendersOn(workers, 0);
    int totalSenders = 0;
    for (qsizetype i = 0; i < connections.size(); ++i) {
        if (connections.at(i).sender) {
            ++sendersOn[i % workers];
            ++totalSenders;
        }
    }

    Report report(QStringLiteral("fanout"), o.toJson());
    report.setColumns({ QStringLiteral("rate"), QStringLiteral("sent"), QStringLiteral("deliveriesPerS"),
        QStringLiteral("expectedPerS"), QStringLiteral("delivered%"), QStringLiteral("p50ms"),
        QStringLiteral("p99ms"), QStringLiteral("p999ms"), QStringLiteral("maxMs"),
        QStringLiteral("serverCpu%"), QStringLiteral("benchCpu%"), QStringLiteral("rssMB"),
        QStringLiteral("errors") });
    double best = 0;
    double bestRate = 0;
    int step = 0;
    int overLimit = 0;
    for (double rate : o.rates) {
        ++step;
        QList<QJsonObject> perWorker;
        for (int w = 0; w < workers; ++w)
            perWorker.append({ { QStringLiteral("rate"), rate * sendersOn.at(w) / totalSenders } });
        const qint64 cpuBefore = session.probe().cpuMs();
        const qint64 benchCpuBefore = session.workersCpuMs();
        const BenchSession::Totals totals = session.runStep(
            { { QStringLiteral("cmd"), QStringLiteral("fanout") }, { QStringLiteral("step"), step },
                { QStringLiteral("seconds"), o.stepSeconds }, { QStringLiteral("drainMs"), o.drainMs } },
            perWorker, QStringLiteral("step"), int(o.stepSeconds * 1000) + o.drainMs + 60000);
        const double cpu = session.probe().isValid()
            ? 100.0 * double(session.probe().cpuMs() - cpuBefore) / (o.stepSeconds * 1000.0)
            : 0.0;
        const double benchCpu
            = 100.0 * double(session.workersCpuMs() - benchCpuBefore) / (o.stepSeconds * 1000.0);
        const double expected = totals.sent * o.members;
        const double perSecond = totals.inWindow / o.stepSeconds;
        const double p99 = totals.latency.quantileMs(0.99);
        report.addRow({ { QStringLiteral("rate"), rate }, { QStringLiteral("sent"), totals.sent },
            { QStringLiteral("deliveriesPerS"), qRound(perSecond) },
            { QStringLiteral("expectedPerS"), qRound(expected / o.stepSeconds) },
            { QStringLiteral("delivered%"), expected > 0 ? 100.0 * totals.received / expected : 0 },
            { QStringLiteral("p50ms"), totals.latency.quantileMs(0.5) }, { QStringLiteral("p99ms"), p99 },
            { QStringLiteral("p999ms"), totals.latency.quantileMs(0.999) },
            { QStringLiteral("maxMs"), totals.latency.maxMs() },
            { QStringLiteral("serverCpu%"), qRound(cpu) }, { QStringLiteral("benchCpu%"), qRound(benchCpu) },
            { QStringLiteral("rssMB"), session.probe().rssKb() / 1024.0 },
            { QStringLiteral("errors"), totals.errors }, { QStringLiteral("dropped"), totals.lost },
            { QStringLiteral("codes"), totals.codes } });
        const bool complete = totals.received >= 0.99 * expected;
        if (p99 <= o.maxP99Ms && complete && perSecond > best) {
            best = perSecond;
            bestRate = rate;
        }
        // One step over the limit can be a hiccup on a shared machine (GC, another process): the run ends
        // after two in a row, or at once when deliveries go missing.
        overLimit = p99 > o.maxP99Ms ? overLimit + 1 : 0;
        if (overLimit >= 2 || !complete || totals.lost > 0) break;
    }
    report.setSummary({ { QStringLiteral("server"), o.label },
        { QStringLiteral("bestDeliveriesPerSUnderP99"), qRound(best) },
        { QStringLiteral("atRate"), bestRate }, { QStringLiteral("p99LimitMs"), o.maxP99Ms },
        { QStringLiteral("connections"), opened.open }, { QStringLiteral("workers"), workers } });
    session.closeAll();
    report.print();
    return 0;
}
