#include "report.h"
#include "scenarios.h"

#include <QJsonArray>
#include <QLoggingCategory>

#include <cstdio>

Q_DECLARE_LOGGING_CATEGORY(lcBench)

bool setUpGroupChannels(
    BenchSession &session, int channels, int members, int senders, QList<BenchSession::Connection> *out);

namespace {
QString pagePath(const QString &channelId, const QString &before, int limit)
{
    QString path = QStringLiteral("/api/v1/channels/") + channelId + QStringLiteral("/messages?limit=")
        + QString::number(limit);
    if (!before.isEmpty()) path += QStringLiteral("&before=") + before;
    return path;
}
}

// One channel seeded through the gateway (acknowledged sends), then read back page by page with `before` from
// the newest message to the oldest; then the newest, middle and oldest pages are fetched again and timed. A
// keyset page costs the same at any depth; an OFFSET page grows with it.
int runHistory(BenchSession &session)
{
    const BenchOptions &o = session.options();
    const int senders = 8;
    QList<BenchSession::Connection> connections;
    if (!setUpGroupChannels(session, 1, senders, senders, &connections)) return 1;
    const QString channelId = connections.first().channelId;
    const QByteArray reader = connections.first().token;
    const int workers = o.workers > 0 ? o.workers : 2;
    if (!session.startWorkers(workers)) return 1;
    session.connect(connections);

    std::fprintf(stderr, "history: seeding %d messages through the gateway\n", o.historyMessages);
    QList<QJsonObject> perWorker;
    for (int w = 0; w < workers; ++w)
        perWorker.append({ { QStringLiteral("active"), senders },
            { QStringLiteral("maxSends"), double(o.historyMessages / workers) } });
    const BenchSession::Totals seeded
        = session.runStep({ { QStringLiteral("cmd"), QStringLiteral("durable") },
                              { QStringLiteral("step"), 1 }, { QStringLiteral("window"), 16 },
                              { QStringLiteral("seconds"), 3600 }, { QStringLiteral("drainMs"), 10000 } },
            perWorker, QStringLiteral("step"), 3700 * 1000);
    std::fprintf(stderr, "history: %.0f messages acknowledged in %.1f s\n", seeded.received,
        seeded.elapsedMs / 1000.0);
    session.closeAll();

    // Walk from the newest page to the oldest, remembering each page's cursor.
    QStringList cursors { QString() };
    LatencyHistogram walk;
    QString before;
    for (;;) {
        qint64 ns = 0;
        const RestClient::Response page
            = session.rest().get(pagePath(channelId, before, o.pageSize), reader, &ns);
        const QJsonArray messages = page.body.value(QStringLiteral("messages")).toArray();
        if (page.status != 200 || messages.isEmpty()) break;
        walk.record(ns);
        before = messages.first().toObject().value(QStringLiteral("id")).toString();
        if (!page.body.value(QStringLiteral("hasMore")).toBool()) break;
        cursors.append(before);
    }
    std::fprintf(stderr, "history: walked %lld pages\n", qint64(cursors.size()));

    Report report(QStringLiteral("history"), o.toJson());
    report.setColumns({ QStringLiteral("page"), QStringLiteral("depth"), QStringLiteral("p50ms"),
        QStringLiteral("p99ms"), QStringLiteral("maxMs") });
    const QList<std::pair<QString, qsizetype>> positions { { QStringLiteral("newest"), 0 },
        { QStringLiteral("middle"), cursors.size() / 2 }, { QStringLiteral("oldest"), cursors.size() - 1 } };
    double newestP50 = 0, oldestP50 = 0;
    for (const auto &[name, index] : positions) {
        LatencyHistogram latency;
        for (int i = 0; i < o.pageRepeats; ++i) {
            qint64 ns = 0;
            session.rest().get(pagePath(channelId, cursors.at(index), o.pageSize), reader, &ns);
            latency.record(ns);
        }
        if (name == QLatin1String("newest")) newestP50 = latency.quantileMs(0.5);
        if (name == QLatin1String("oldest")) oldestP50 = latency.quantileMs(0.5);
        report.addRow(
            { { QStringLiteral("page"), name }, { QStringLiteral("depth"), double(index * o.pageSize) },
                { QStringLiteral("p50ms"), latency.quantileMs(0.5) },
                { QStringLiteral("p99ms"), latency.quantileMs(0.99) },
                { QStringLiteral("maxMs"), latency.maxMs() } });
    }
    report.setSummary(
        { { QStringLiteral("server"), o.label }, { QStringLiteral("messages"), seeded.received },
            { QStringLiteral("seedPerS"), qRound(seeded.received / (seeded.elapsedMs / 1000.0)) },
            { QStringLiteral("pagesWalked"), int(cursors.size()) },
            { QStringLiteral("walkP50ms"), walk.quantileMs(0.5) },
            { QStringLiteral("walkP99ms"), walk.quantileMs(0.99) },
            { QStringLiteral("oldestOverNewest"), newestP50 > 0 ? oldestP50 / newestP50 : 0 } });
    report.print();
    return 0;
}
