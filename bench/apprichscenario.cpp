// app-rich: the desktop app's MessageListModel and MessageDelegate on channels full of what people really send —
// Markdown, reactions, link previews, thread roots — measuring what issue 11 budgets: a repaint while
// scrolling does no layout work (every layout comes from the cache) and a frame paints in under 16 ms at the
// 99th percentile; and the resident memory after going through 10 channels of 300 such messages, each loaded,
// laid out and painted in turn with the one model and delegate the chat view has.
#include "latencyhistogram.h"
#include "report.h"
#include "scenarios.h"
#include "serverprobe.h"

#include <messagedelegate.h>
#include <models/messagelistmodel.h>
#include <models/messagepagesource.h>

#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QStyleOptionViewItem>

#include <unistd.h>

using namespace Natter::Client;
namespace Wire = Natter::Wire;

namespace {
constexpr int ViewWidth = 900;
constexpr int ViewHeight = 700;
constexpr int ScrollStep = 40; // pixels per frame, a wheel notch
constexpr int Channels = 10;
constexpr int MessagesPerChannel = 300;
constexpr qint64 IdStride = 1000000; // message ids: channel × stride + number in the channel

// What people send: plain lines, Markdown of every kind the app renders, links with previews, reactions,
// thread roots. Deterministic, so two runs paint the same thing.
QString richText(qint64 n)
{
    switch (n % 6) {
    case 0:
        return QStringLiteral("Deploy is **green** again, thanks @bo! See `build #%1` for the log.").arg(n);
    case 1:
        return QStringLiteral("Plan for today:\n- review the *branch*\n- ~~old~~ new migration\n- ship it");
    case 2:
        return QStringLiteral("> quoting the spec: ids are decimal strings\nso we parse them strictly");
    case 3:
        return QStringLiteral("```\nSELECT count(*) FROM messages\nWHERE channel_id = ?;\n```\nthat one is fast");
    case 4:
        return QStringLiteral("Write-up here: https://example.org/posts/%1 — worth a read").arg(n);
    default:
        return QStringLiteral("ok, lunch at 12:30? I can book the table for five people");
    }
}

class RichHistory : public MessagePageSource
{
public:
    void fetchOlder(Wire::Id channelId, Wire::Id beforeId, int limit, PageCallback callback) override
    {
        const qint64 before = beforeId.isValid() ? beforeId.value() % IdStride : MessagesPerChannel + 1;
        const qint64 first = qMax<qint64>(1, before - limit);
        callback(page(channelId, first, before - 1, first > 1));
    }
    void fetchNewer(Wire::Id channelId, Wire::Id afterId, int limit, PageCallback callback) override
    {
        const qint64 first = afterId.value() % IdStride + 1;
        const qint64 last = qMin<qint64>(MessagesPerChannel, first + limit - 1);
        callback(page(channelId, first, last, last < MessagesPerChannel));
    }

private:
    static Page page(Wire::Id channelId, qint64 first, qint64 last, bool hasMore)
    {
        Page p;
        p.hasMore = hasMore;
        const qint64 base = QDateTime(QDate(2026, 11, 2), QTime(9, 0), Qt::UTC).toMSecsSinceEpoch();
        for (qint64 n = first; n <= last; ++n) {
            Message m;
            // Ids unique across channels, in time order within each.
            m.id = channelId.value() * IdStride + n;
            m.channelId = channelId;
            m.seq = n;
            m.clientMsgId = QStringLiteral("r%1").arg(m.id.value());
            const int author = int((n / 2) % 6);
            m.author = { Wire::Id(1000 + author), QStringLiteral("user%1").arg(author),
                QStringLiteral("Person %1").arg(author) };
            m.text = richText(n);
            m.createdAt = base + n * 45000;
            if (n % 3 == 0)
                m.reactions = { { QStringLiteral("👍"), int(1 + n % 4), n % 2 == 0 },
                    { QStringLiteral("🎉"), 2, false } };
            if (n % 6 == 4)
                m.preview = Wire::LinkPreview { QStringLiteral("https://example.org/posts/%1").arg(n),
                    QStringLiteral("A post worth reading, number %1").arg(n),
                    QStringLiteral("What happened, why it matters, and what we changed afterwards."), {} };
            if (n % 10 == 7)
                m.replyCount = int(n % 5 + 1);
            if (n % 25 == 0)
                m.editedAt = m.createdAt + 60000;
            p.messages.append(m);
        }
        return p;
    }
};

qint64 selfRssKb()
{
    return ServerProbe(getpid()).rssKb();
}

// Loads the whole synthetic channel into MODEL.
void loadAll(MessageListModel &model, Wire::Id channel)
{
    model.setChannel(channel);
    while (model.canFetchMore({}))
        model.fetchMore({});
}

// Row tops for the current width, as a QListView keeps them (sizeHint from the delegate's cache).
QList<int> rowTops(const MessageListModel &model, MessageDelegate &delegate, const QStyleOptionViewItem &option)
{
    QList<int> tops;
    int y = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        tops.append(y);
        y += delegate.sizeHint(option, model.index(row)).height();
    }
    tops.append(y);
    return tops;
}

// One frame at scroll offset TOP: the rows that intersect the viewport, painted as the view does.
void paintFrame(QImage &canvas, const MessageListModel &model, MessageDelegate &delegate,
    QStyleOptionViewItem option, const QList<int> &tops, int top)
{
    QPainter painter(&canvas);
    painter.fillRect(canvas.rect(), Qt::white);
    const auto first = std::upper_bound(tops.cbegin(), tops.cend(), top) - tops.cbegin() - 1;
    for (qsizetype row = qMax<qsizetype>(0, first); row < model.rowCount() && tops.at(row) < top + ViewHeight;
         ++row) {
        const QModelIndex index = model.index(int(row));
        option.rect = QRect(0, tops.at(row) - top, ViewWidth, tops.at(row + 1) - tops.at(row));
        delegate.paint(&painter, option, index);
    }
}
} // namespace

int runAppRich(const BenchOptions &o)
{
    Report report(QStringLiteral("app-rich"), o.toJson());
    report.setColumns({ QStringLiteral("pass"), QStringLiteral("frames"), QStringLiteral("layoutsBefore"),
        QStringLiteral("layoutsAfter"), QStringLiteral("frameP50ms"), QStringLiteral("frameP99ms"),
        QStringLiteral("frameMaxMs"), QStringLiteral("rssMB") });
    const qint64 rssStart = selfRssKb();

    RichHistory history;
    std::vector<std::unique_ptr<MessageListModel>> models;
    std::vector<std::unique_ptr<MessageDelegate>> delegates;
    QImage canvas(ViewWidth, ViewHeight, QImage::Format_ARGB32_Premultiplied);
    QStyleOptionViewItem option;
    option.font = MessageLayoutCache::bodyFont();
    option.fontMetrics = QFontMetrics(option.font);

    // Scroll channel 0 from the newest message to the oldest twice: the first pass lays out every row as it
    // comes into view (what opening a channel costs), the second is the steady state of scrolling back and
    // forth, which must find every layout in the cache.
    auto scrollPass = [&](const char *name, MessageListModel &model, MessageDelegate &delegate) {
        LatencyHistogram frames;
        const int layoutsBefore = delegate.cachedHeights();
        const QList<int> tops = rowTops(model, delegate, option);
        int count = 0;
        for (int top = qMax(0, tops.constLast() - ViewHeight); top >= 0; top -= ScrollStep, ++count) {
            QElapsedTimer clock;
            clock.start();
            paintFrame(canvas, model, delegate, option, tops, top);
            frames.record(clock.nsecsElapsed());
        }
        report.addRow({ { QStringLiteral("pass"), QString::fromLatin1(name) }, { QStringLiteral("frames"), count },
            { QStringLiteral("layoutsBefore"), layoutsBefore }, { QStringLiteral("layoutsAfter"), delegate.cachedHeights() },
            { QStringLiteral("frameP50ms"), frames.quantileMs(0.5) }, { QStringLiteral("frameP99ms"), frames.quantileMs(0.99) },
            { QStringLiteral("frameMaxMs"), frames.maxMs() }, { QStringLiteral("rssMB"), selfRssKb() / 1024.0 } });
        return frames.quantileMs(0.99);
    };

    // As the app holds them: one message model and one delegate behind the chat view, switched from channel to
    // channel (the other channels wait in the client's cache on disk).
    models.push_back(std::make_unique<MessageListModel>(&history));
    delegates.push_back(std::make_unique<MessageDelegate>());
    MessageListModel &model = *models.front();
    MessageDelegate &delegate = *delegates.front();
    delegate.setWidth(ViewWidth);
    // Opening channel 1: every row's size (the view asks for all of them) and its newest screen painted.
    QElapsedTimer open;
    open.start();
    loadAll(model, Wire::Id(1));
    QList<int> tops = rowTops(model, delegate, option);
    paintFrame(canvas, model, delegate, option, tops, qMax(0, tops.constLast() - ViewHeight));
    const double openMs = open.nsecsElapsed() / 1e6;
    // Scrolling it from the newest message to the oldest, twice: the first pass paints every row for the first
    // time, the second is the steady state of scrolling back and forth; neither may lay anything out again.
    scrollPass("first scroll", model, delegate);
    const double steadyP99 = scrollPass("second scroll", model, delegate);
    // Then every other channel, in turn, the way a user goes through their unread channels.
    LatencyHistogram opens;
    for (int c = 2; c <= Channels; ++c) {
        QElapsedTimer clock;
        clock.start();
        loadAll(model, Wire::Id(c));
        tops = rowTops(model, delegate, option);
        paintFrame(canvas, model, delegate, option, tops, qMax(0, tops.constLast() - ViewHeight));
        opens.record(clock.nsecsElapsed());
    }
    const qint64 rows = model.rowCount(), layouts = delegate.cachedHeights();
    report.setSummary({ { QStringLiteral("channels"), Channels }, { QStringLiteral("messagesPerChannel"), MessagesPerChannel },
        { QStringLiteral("rowsInOpenChannel"), double(rows) }, { QStringLiteral("layoutsCached"), double(layouts) },
        { QStringLiteral("openChannelMs"), openMs },
        { QStringLiteral("switchChannelP50ms"), opens.quantileMs(0.5) }, { QStringLiteral("switchChannelMaxMs"), opens.maxMs() }, { QStringLiteral("steadyFrameP99ms"), steadyP99 },
        { QStringLiteral("rssStartMB"), rssStart / 1024.0 }, { QStringLiteral("rssEndMB"), selfRssKb() / 1024.0 } });
    report.print();
    return 0;
}
