#include "report.h"
#include "scenarios.h"

#include <QLoggingCategory>

#include <cstdio>

Q_DECLARE_LOGGING_CATEGORY(lcBench)

// N authenticated gateway connections held open; the server's resident memory per connection at each N,
// measured against the baseline taken after users exist and before any socket opens; then everything closes
// and the remainder above baseline says what was not given back.
int runIdle(BenchSession &session)
{
    const BenchOptions &o = session.options();
    const int maxCount = *std::max_element(o.counts.begin(), o.counts.end());
    const int userCount = qMin(o.users, maxCount);

    Report report(QStringLiteral("idle"), o.toJson());
    report.setColumns({ QStringLiteral("connections"), QStringLiteral("failed"), QStringLiteral("connectS"),
        QStringLiteral("connectPerS"), QStringLiteral("rssMB"), QStringLiteral("deltaMB"),
        QStringLiteral("bytesPerConn") });

    const qint64 rssStart = session.probe().rssKb();
    std::fprintf(stderr, "idle: registering %d users\n", userCount);
    const QList<RestClient::User> users
        = session.rest().registerUsers(o.prefix, userCount, o.registerParallel);
    if (users.isEmpty()) {
        qCCritical(lcBench) << "no user could register";
        return 1;
    }
    const int workers = o.workers > 0 ? o.workers : qMax(2, (maxCount + 3999) / 4000);
    if (!session.startWorkers(workers)) return 1;
    BenchSession::sleepMs(o.settleMs);
    const qint64 baseline = session.probe().rssKb();
    std::fprintf(stderr, "idle: server rss %lld kB at start, %lld kB baseline after registration\n",
        qint64(rssStart), qint64(baseline));

    int opened = 0;
    QList<int> counts = o.counts;
    std::sort(counts.begin(), counts.end());
    for (int target : counts) {
        QList<BenchSession::Connection> batch;
        for (int i = opened; i < target; ++i)
            batch.append({ users.at(i % users.size()).token, {}, false });
        std::fprintf(stderr, "idle: opening %lld connections (to %d)\n", qint64(batch.size()), target);
        const BenchSession::Totals totals = session.connect(batch);
        opened = target;
        BenchSession::sleepMs(o.settleMs);
        const qint64 rss = session.probe().rssKb();
        const double perConn = totals.open > 0 ? double(rss - baseline) * 1024.0 / totals.open : 0;
        const double seconds = totals.elapsedMs / 1000.0;
        report.addRow({ { QStringLiteral("connections"), totals.open },
            { QStringLiteral("failed"), totals.failed }, { QStringLiteral("connectS"), seconds },
            { QStringLiteral("connectPerS"), seconds > 0 ? double(batch.size()) / seconds : 0 },
            { QStringLiteral("rssMB"), rss / 1024.0 },
            { QStringLiteral("deltaMB"), (rss - baseline) / 1024.0 },
            { QStringLiteral("bytesPerConn"), qRound(perConn) }, { QStringLiteral("codes"), totals.codes } });
        if (totals.open < target / 2) {
            qCWarning(lcBench) << "fewer than half the connections opened; stopping";
            break;
        }
    }
    const qint64 peak = session.probe().hwmKb();
    session.closeAll();
    BenchSession::sleepMs(qMax(5000, o.settleMs));
    const qint64 after = session.probe().rssKb();
    report.setSummary({ { QStringLiteral("server"), o.label },
        { QStringLiteral("serverPid"), double(session.probe().pid()) },
        { QStringLiteral("rssStartMB"), rssStart / 1024.0 },
        { QStringLiteral("baselineMB"), baseline / 1024.0 }, { QStringLiteral("peakMB"), peak / 1024.0 },
        { QStringLiteral("afterCloseMB"), after / 1024.0 },
        { QStringLiteral("notReturnedMB"), (after - baseline) / 1024.0 },
        { QStringLiteral("users"), int(users.size()) }, { QStringLiteral("workers"), workers } });
    report.print();
    return 0;
}
