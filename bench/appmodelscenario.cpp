#include "latencyhistogram.h"
#include "report.h"
#include "scenarios.h"

#include <messagedelegate.h>
#include <models/messagelistmodel.h>
#include <models/messagepagesource.h>

#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QStyleOptionViewItem>

#include <cstdio>
#include <unistd.h>

using namespace Natter::Client;
namespace Wire = Natter::Wire;

namespace {
// A channel of `total` messages made up on demand: ids 1..total, five authors taking turns in runs, texts of
// varied length, one message every 30 s. Pages come back synchronously, so the figures are the model's and
// the delegate's own cost, with no network in them.
class SyntheticHistory : public MessagePageSource
{
public:
    explicit SyntheticHistory(qint64 total)
        : m_total(total)
    {
    }

    void fetchOlder(Wire::Id channelId, Wire::Id beforeId, int limit, PageCallback callback) override
    {
        const qint64 before = beforeId.isValid() ? beforeId.value() : m_total + 1;
        const qint64 first = qMax<qint64>(1, before - limit);
        callback(makePage(channelId, first, before - 1, first > 1));
    }

    void fetchNewer(Wire::Id channelId, Wire::Id afterId, int limit, PageCallback callback) override
    {
        const qint64 first = afterId.value() + 1;
        const qint64 last = qMin(m_total, first + limit - 1);
        callback(makePage(channelId, first, last, last < m_total));
    }

private:
    Page makePage(Wire::Id channelId, qint64 first, qint64 last, bool hasMore) const
    {
        static const char *const words[]
            = { "deploy", "the", "build", "is", "green", "again", "can", "you", "review", "my", "branch",
                  "before", "lunch", "thanks", "tomorrow", "meeting", "moved", "to", "three", "ok" };
        Page page;
        page.hasMore = hasMore;
        page.messages.reserve(last - first + 1);
        const QDateTime base = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
        for (qint64 n = first; n <= last; ++n) {
            Message message;
            message.id = n;
            message.channelId = channelId;
            message.seq = n;
            message.clientMsgId = QStringLiteral("c") + message.id.toString();
            const int author = int((n / 3) % 5);
            message.author = { Wire::Id(1000 + author), QStringLiteral("user%1").arg(author),
                QStringLiteral("User %1").arg(author) };
            QString text;
            const int length = 3 + int((n * 7919) % 40);
            for (int i = 0; i < length; ++i)
                text += QLatin1String(words[(n + i * 13) % 20]) + u' ';
            message.text = text.trimmed();
            message.createdAt = base.addSecs(n * 30).toMSecsSinceEpoch();
            page.messages.append(message);
        }
        return page;
    }

    qint64 m_total;
};

qint64 selfRssKb()
{
    return ServerProbe(getpid()).rssKb();
}
}

// The desktop app's MessageListModel and MessageDelegate paging through a million-message channel from the
// newest page to the oldest, painting the rows a 800×600 view would show after each page. Memory must stay
// flat.
int runAppModel(const BenchOptions &o)
{
    const qint64 total = o.appMessages;
    SyntheticHistory history(total);
    MessageListModel model(&history);
    model.setPageSize(o.pageSize);
    MessageDelegate delegate;
    delegate.setWidth(800);
    QImage canvas(800, 600, QImage::Format_ARGB32_Premultiplied);

    Report report(QStringLiteral("app-model"), o.toJson());
    report.setColumns({ QStringLiteral("paged"), QStringLiteral("rows"), QStringLiteral("cachedHeights"),
        QStringLiteral("rssMB"), QStringLiteral("pageP50ms"), QStringLiteral("pageP99ms"),
        QStringLiteral("pageMaxMs") });
    const qint64 rssStart = selfRssKb();
    model.setChannel(Wire::Id(1));
    LatencyHistogram pages;
    qint64 loaded = model.confirmedCount();
    qint64 nextReport = total / 10;
    QElapsedTimer whole;
    whole.start();
    auto paintTop = [&] {
        QPainter painter(&canvas);
        QStyleOptionViewItem option;
        option.rect = QRect(0, 0, 800, 0);
        option.font = painter.font();
        option.fontMetrics = QFontMetrics(option.font);
        int y = 0;
        for (int row = 0; row < model.rowCount() && y < 600; ++row) {
            const QModelIndex index = model.index(row);
            const QSize size = delegate.sizeHint(option, index);
            option.rect = QRect(0, y, 800, size.height());
            delegate.paint(&painter, option, index);
            y += size.height();
        }
    };
    while (model.canFetchMore({})) {
        QElapsedTimer clock;
        clock.start();
        const int before = model.confirmedCount();
        model.fetchMore({});
        paintTop();
        pages.record(clock.nsecsElapsed());
        loaded
            += qMax(0, model.confirmedCount() - before) + (model.confirmedCount() <= before ? o.pageSize : 0);
        if (loaded >= nextReport || !model.canFetchMore({})) {
            nextReport += total / 10;
            report.addRow({ { QStringLiteral("paged"), double(qMin(loaded, total)) },
                { QStringLiteral("rows"), model.rowCount() },
                { QStringLiteral("cachedHeights"), delegate.cachedHeights() },
                { QStringLiteral("rssMB"), selfRssKb() / 1024.0 },
                { QStringLiteral("pageP50ms"), pages.quantileMs(0.5) },
                { QStringLiteral("pageP99ms"), pages.quantileMs(0.99) },
                { QStringLiteral("pageMaxMs"), pages.maxMs() } });
            pages.clear();
        }
    }
    report.setSummary({ { QStringLiteral("messages"), double(total) },
        { QStringLiteral("seconds"), whole.elapsed() / 1000.0 },
        { QStringLiteral("rssStartMB"), rssStart / 1024.0 },
        { QStringLiteral("rssEndMB"), selfRssKb() / 1024.0 } });
    report.print();
    return 0;
}
