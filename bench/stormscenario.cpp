#include "report.h"
#include "scenarios.h"

#include <QLoggingCategory>

#include <cstdio>

Q_DECLARE_LOGGING_CATEGORY(lcBench)

bool setUpGroupChannels(
    BenchSession &session, int channels, int members, int senders, QList<BenchSession::Connection> *out);

// Every client drops at once and reconnects with sync, claiming to have missed the last --rewind events of
// its channel, as after a server restart; reports how long until each (and the last) has its sync ack.
int runReconnectStorm(BenchSession &session)
{
    const BenchOptions &o = session.options();
    const int channels = qMin(o.stormChannels, o.stormClients);
    const int members = qMax(1, o.stormClients / channels);
    QList<BenchSession::Connection> connections;
    if (!setUpGroupChannels(session, channels, members, 1, &connections)) return 1;
    const int workers = o.workers > 0 ? o.workers : qMax(2, (int(connections.size()) + 3999) / 4000);
    if (!session.startWorkers(workers)) return 1;
    const BenchSession::Totals opened = session.connect(connections);
    std::fprintf(stderr, "reconnect-storm: %d connections open, %d failed\n", opened.open, opened.failed);

    // History to replay: each channel's sender posts --rewind messages.
    QList<QJsonObject> perWorker;
    QList<int> sendersOn(workers, 0);
    for (qsizetype i = 0; i < connections.size(); ++i) {
        if (connections.at(i).sender) ++sendersOn[i % workers];
    }
    const double seconds = 4;
    for (int w = 0; w < workers; ++w)
        perWorker.append({ { QStringLiteral("rate"), sendersOn.at(w) * o.rewind / seconds } });
    session.runStep({ { QStringLiteral("cmd"), QStringLiteral("fanout") }, { QStringLiteral("step"), 1 },
                        { QStringLiteral("seconds"), seconds }, { QStringLiteral("drainMs"), 5000 } },
        perWorker, QStringLiteral("step"), 120000);
    BenchSession::sleepMs(2000);
    const qint64 rssBefore = session.probe().rssKb();

    const BenchSession::Totals storm = session.runStep(
        { { QStringLiteral("cmd"), QStringLiteral("storm") }, { QStringLiteral("step"), 2 },
            { QStringLiteral("rewind"), o.rewind }, { QStringLiteral("timeoutMs"), 120000 } },
        {}, QStringLiteral("storm"), 180000);
    BenchSession::sleepMs(3000);
    const qint64 rssAfter = session.probe().rssKb();

    Report report(QStringLiteral("reconnect-storm"), o.toJson());
    report.setColumns({ QStringLiteral("clients"), QStringLiteral("caughtUp"), QStringLiteral("failed"),
        QStringLiteral("p50ms"), QStringLiteral("p99ms"), QStringLiteral("allMs"),
        QStringLiteral("rssBeforeMB"), QStringLiteral("rssAfterMB") });
    report.addRow({ { QStringLiteral("clients"), int(connections.size()) },
        { QStringLiteral("caughtUp"), storm.received }, { QStringLiteral("failed"), storm.failed },
        { QStringLiteral("p50ms"), storm.latency.quantileMs(0.5) },
        { QStringLiteral("p99ms"), storm.latency.quantileMs(0.99) },
        { QStringLiteral("allMs"), storm.latency.maxMs() },
        { QStringLiteral("rssBeforeMB"), rssBefore / 1024.0 },
        { QStringLiteral("rssAfterMB"), rssAfter / 1024.0 }, { QStringLiteral("errors"), storm.errors },
        { QStringLiteral("codes"), storm.codes } });
    report.setSummary({ { QStringLiteral("server"), o.label }, { QStringLiteral("workers"), workers } });
    session.closeAll();
    report.print();
    return 0;
}
