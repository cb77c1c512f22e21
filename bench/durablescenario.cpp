#include "report.h"
#include "scenarios.h"

#include <QElapsedTimer>
#include <QLoggingCategory>

#include <cstdio>

Q_DECLARE_LOGGING_CATEGORY(lcBench)

bool setUpGroupChannels(
    BenchSession &session, int channels, int members, int senders, QList<BenchSession::Connection> *out);

// Closed loop: each step keeps a fixed number of message.send frames in flight (spread over the senders, each
// in a channel of its own so fan-out stays out of the figure) and counts acks, which the server sends only
// after the message is durably stored.
int runDurable(BenchSession &session)
{
    const BenchOptions &o = session.options();
    QList<BenchSession::Connection> connections;
    if (!setUpGroupChannels(session, o.durableSenders, 1, 1, &connections)) return 1;
    const int workers = o.workers > 0 ? o.workers : 2;
    if (!session.startWorkers(workers)) return 1;
    const BenchSession::Totals opened = session.connect(connections);
    if (opened.open < connections.size()) {
        qCCritical(lcBench) << "not every sender connected" << opened.codes;
        return 1;
    }

    Report report(QStringLiteral("durable"), o.toJson());
    report.setColumns({ QStringLiteral("inFlight"), QStringLiteral("acks"), QStringLiteral("acksPerS"),
        QStringLiteral("p50ms"), QStringLiteral("p90ms"), QStringLiteral("p99ms"), QStringLiteral("p999ms"),
        QStringLiteral("maxMs"), QStringLiteral("serverCpu%"), QStringLiteral("benchCpu%"), QStringLiteral("errors") });
    double best = 0, bestP99 = 0;
    int step = 0;
    for (int inFlight : o.inFlight) {
        ++step;
        const int active = qMin(inFlight, int(connections.size()));
        const int window = (inFlight + active - 1) / active;
        QList<QJsonObject> perWorker;
        for (int w = 0; w < workers; ++w) {
            int mine = 0;
            for (int i = w; i < active; i += workers)
                ++mine;
            perWorker.append({ { QStringLiteral("active"), mine } });
        }
        const qint64 cpuBefore = session.probe().cpuMs();
        const qint64 benchCpuBefore = session.workersCpuMs();
        const BenchSession::Totals totals = session.runStep(
            { { QStringLiteral("cmd"), QStringLiteral("durable") }, { QStringLiteral("step"), step },
                { QStringLiteral("window"), window }, { QStringLiteral("seconds"), o.stepSeconds },
                { QStringLiteral("drainMs"), o.drainMs } },
            perWorker, QStringLiteral("step"), int(o.stepSeconds * 1000) + o.drainMs + 60000);
        const double cpu = session.probe().isValid()
            ? 100.0 * double(session.probe().cpuMs() - cpuBefore) / (o.stepSeconds * 1000.0)
            : 0.0;
        const double benchCpu
            = 100.0 * double(session.workersCpuMs() - benchCpuBefore) / (o.stepSeconds * 1000.0);
        const double perSecond = totals.inWindow / o.stepSeconds;
        report.addRow({ { QStringLiteral("inFlight"), active * window },
            { QStringLiteral("acks"), totals.received }, { QStringLiteral("acksPerS"), qRound(perSecond) },
            { QStringLiteral("p50ms"), totals.latency.quantileMs(0.5) },
            { QStringLiteral("p90ms"), totals.latency.quantileMs(0.9) },
            { QStringLiteral("p99ms"), totals.latency.quantileMs(0.99) },
            { QStringLiteral("p999ms"), totals.latency.quantileMs(0.999) },
            { QStringLiteral("maxMs"), totals.latency.maxMs() },
            { QStringLiteral("serverCpu%"), qRound(cpu) }, { QStringLiteral("benchCpu%"), qRound(benchCpu) },
            { QStringLiteral("errors"), totals.errors },
            { QStringLiteral("rateLimited"), totals.rateLimited },
            { QStringLiteral("dropped"), totals.lost } });
        if (perSecond > best) {
            best = perSecond;
            bestP99 = totals.latency.quantileMs(0.99);
        }
        if (totals.lost > 0) break;
    }
    report.setSummary(
        { { QStringLiteral("server"), o.label }, { QStringLiteral("bestAcksPerS"), qRound(best) },
            { QStringLiteral("p99AtBestMs"), bestP99 }, { QStringLiteral("workers"), workers } });
    session.closeAll();
    report.print();
    return 0;
}
