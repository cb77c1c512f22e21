// app-rich: the desktop app's MessageListModel and MessageDelegate on channels full of what people really
// send — Markdown, reactions, link previews, thread roots — measuring what issue 11 budgets: a repaint while
// scrolling does no layout work (every layout comes from the cache) and a frame paints in under 16 ms at the
// 99th percentile; and the resident memory after going through 10 channels of 300 such messages, each loaded,
// laid out and painted in turn with the one model and delegate the chat view has.
#include "latencyhistogram.h"
#include "richmessages.h"
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
using RichMessages::MessagesPerChannel;

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
QList<int> rowTops(
    const MessageListModel &model, MessageDelegate &delegate, const QStyleOptionViewItem &option)
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

    RichMessages::History history;
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
        report.addRow({ { QStringLiteral("pass"), QString::fromLatin1(name) },
            { QStringLiteral("frames"), count }, { QStringLiteral("layoutsBefore"), layoutsBefore },
            { QStringLiteral("layoutsAfter"), delegate.cachedHeights() },
            { QStringLiteral("frameP50ms"), frames.quantileMs(0.5) },
            { QStringLiteral("frameP99ms"), frames.quantileMs(0.99) },
            { QStringLiteral("frameMaxMs"), frames.maxMs() },
            { QStringLiteral("rssMB"), selfRssKb() / 1024.0 } });
        return frames.quantileMs(0.99);
    };

    // As the app holds them: one message model and one delegate behind the chat view, switched from channel
    // to channel (the other channels wait in the client's cache on disk).
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
    // Scrolling it from the newest message to the oldest, twice: the first pass paints every row for the
    // first time, the second is the steady state of scrolling back and forth; neither may lay anything out
    // again.
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
    report.setSummary({ { QStringLiteral("channels"), Channels },
        { QStringLiteral("messagesPerChannel"), MessagesPerChannel },
        { QStringLiteral("rowsInOpenChannel"), double(rows) },
        { QStringLiteral("layoutsCached"), double(layouts) }, { QStringLiteral("openChannelMs"), openMs },
        { QStringLiteral("switchChannelP50ms"), opens.quantileMs(0.5) },
        { QStringLiteral("switchChannelMaxMs"), opens.maxMs() },
        { QStringLiteral("steadyFrameP99ms"), steadyP99 },
        { QStringLiteral("rssStartMB"), rssStart / 1024.0 },
        { QStringLiteral("rssEndMB"), selfRssKb() / 1024.0 } });
    report.print();
    return 0;
}
