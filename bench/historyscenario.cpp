#include "report.h"
#include "scenarios.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QLoggingCategory>

#include <cstdio>
#include <tuple>

#include "historyseeder.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QProcess>
#include <QUrlQuery>

#include <common/protocol/protocol.h>

Q_DECLARE_LOGGING_CATEGORY(lcBench)

bool setUpGroupChannels(
    BenchSession &session, int channels, int members, int senders, QList<BenchSession::Connection> *out);

namespace {
QString pagePath(const QString &channelId, const QString &before, int limit)
{
    using namespace Natter::Wire;
    QUrlQuery query;
    query.addQueryItem(QString(Rest::Query::Limit), QString::number(limit));
    if (!before.isEmpty()) query.addQueryItem(QString(Rest::Query::Before), before);
    return Rest::channelMessagesPath(Id::fromString(channelId)) + u'?' + query.toString();
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

    const bool direct = !o.seedDataDir.isEmpty();
    // Seeding straight into storage still sends a few live messages first, so the newest page is real
    // traffic.
    const int throughGateway = direct ? 1000 : o.historyMessages;
    std::fprintf(stderr, "history: seeding %d messages through the gateway\n", throughGateway);
    QList<QJsonObject> perWorker;
    for (int w = 0; w < workers; ++w)
        perWorker.append({ { QStringLiteral("active"), senders },
            { QStringLiteral("maxSends"), double(throughGateway / workers) } });
    const BenchSession::Totals seeded
        = session.runStep({ { QStringLiteral("cmd"), QStringLiteral("durable") },
                              { QStringLiteral("step"), 1 }, { QStringLiteral("window"), 16 },
                              { QStringLiteral("seconds"), 3600 }, { QStringLiteral("drainMs"), 10000 } },
            perWorker, QStringLiteral("step"), 3700 * 1000);
    std::fprintf(stderr, "history: %.0f messages acknowledged in %.1f s\n", seeded.received,
        seeded.elapsedMs / 1000.0);
    session.closeAll();

    QStringList cursors { QString() };
    LatencyHistogram walk;
    double storageSeedPerS = 0;
    qint64 total = qint64(seeded.received);
    if (direct) {
        const qint64 lastMs = QDateTime::currentMSecsSinceEpoch() - 10000;
        const QString tool = QCoreApplication::applicationDirPath() + QStringLiteral("/natter-bench-seed");
        QProcess seeder;
        seeder.setProcessChannelMode(QProcess::ForwardedChannels);
        QElapsedTimer clock;
        clock.start();
        seeder.start(tool,
            { o.seedDataDir, channelId, connections.first().userId, QString::number(o.historyMessages),
                QString::number(lastMs) });
        if (!seeder.waitForFinished(-1) || seeder.exitStatus() != QProcess::NormalExit
            || seeder.exitCode() != 0) {
            qCCritical(lcBench) << "seeding failed (" << tool << "):" << seeder.errorString();
            return 1;
        }
        storageSeedPerS = o.historyMessages / (clock.elapsed() / 1000.0);
        total += o.historyMessages;
        // Cursors by arithmetic: walking ten million messages page by page would take longer than the
        // seeding.
        cursors = { QString(),
            QString::number(HistorySeeder::seededId(lastMs, o.historyMessages, o.historyMessages / 2)),
            QString::number(HistorySeeder::seededId(lastMs, o.historyMessages, o.pageSize)) };
    }
    if (!direct) {
        // Walk from the newest page to the oldest, remembering each page's cursor.
        QString before;
        for (;;) {
            qint64 ns = 0;
            const RestClient::Response page
                = session.rest().get(pagePath(channelId, before, o.pageSize), reader, &ns);
            // Decoded after the clock stopped: the figure is the server's and the network's, not the parse.
            const auto history = Natter::Wire::decode<Natter::Wire::HistoryPage>(page.body);
            if (page.status != 200 || !history || history->messages.isEmpty()) break;
            walk.record(ns);
            before = history->messages.first().id.toString();
            if (!history->hasMore) break;
            cursors.append(before);
        }
        std::fprintf(stderr, "history: walked %lld pages\n", qint64(cursors.size()));
    }

    Report report(QStringLiteral("history"), o.toJson());
    report.setColumns({ QStringLiteral("page"), QStringLiteral("depth"), QStringLiteral("p50ms"),
        QStringLiteral("p99ms"), QStringLiteral("maxMs") });
    // (label, cursor index, depth in messages)
    QList<std::tuple<QString, qsizetype, double>> positions;
    if (direct) {
        positions
            = { { QStringLiteral("newest"), 0, 0.0 }, { QStringLiteral("middle"), 1, double(total / 2) },
                  { QStringLiteral("oldest"), 2, double(total - o.pageSize) } };
    } else {
        positions = { { QStringLiteral("newest"), 0, 0.0 },
            { QStringLiteral("middle"), cursors.size() / 2, double(cursors.size() / 2 * o.pageSize) },
            { QStringLiteral("oldest"), cursors.size() - 1, double((cursors.size() - 1) * o.pageSize) } };
    }
    double newestP50 = 0, oldestP50 = 0;
    for (const auto &[name, index, depth] : positions) {
        LatencyHistogram latency;
        for (int i = 0; i < o.pageRepeats; ++i) {
            qint64 ns = 0;
            session.rest().get(pagePath(channelId, cursors.at(index), o.pageSize), reader, &ns);
            latency.record(ns);
        }
        if (name == QLatin1String("newest")) newestP50 = latency.quantileMs(0.5);
        if (name == QLatin1String("oldest")) oldestP50 = latency.quantileMs(0.5);
        report.addRow({ { QStringLiteral("page"), name }, { QStringLiteral("depth"), depth },
            { QStringLiteral("p50ms"), latency.quantileMs(0.5) },
            { QStringLiteral("p99ms"), latency.quantileMs(0.99) },
            { QStringLiteral("maxMs"), latency.maxMs() } });
    }
    report.setSummary({ { QStringLiteral("server"), o.label }, { QStringLiteral("messages"), double(total) },
        { QStringLiteral("gatewaySeedPerS"), qRound(seeded.received / (seeded.elapsedMs / 1000.0)) },
        { QStringLiteral("storageSeedPerS"), qRound(storageSeedPerS) },
        { QStringLiteral("pagesWalked"), int(cursors.size()) },
        { QStringLiteral("walkP50ms"), walk.quantileMs(0.5) },
        { QStringLiteral("walkP99ms"), walk.quantileMs(0.99) },
        { QStringLiteral("oldestOverNewest"), newestP50 > 0 ? oldestP50 / newestP50 : 0 } });
    report.print();
    return 0;
}
