// app-images: the whole desktop app (window shown) scrolling a channel of 200 images, measuring what issue 12
// budgets: thumbnails decoded off the UI thread (the longest stall of the UI thread's event loop while
// scrolling through all of them, up and back down, must stay under 16 ms), resident memory under 100 MB while
// scrolling, and the disk cache within its cap (set small here, so that it has to evict).
// The server is a FakeChatServer on its own thread: history pages (common/protocol's encoders) and the
// thumbnails, JPEGs of the server's thumbnail size (320 px on the long side), made before the app starts.
#include "apphost.h"
#include "fakechatserver.h"
#include "latencyhistogram.h"
#include "report.h"
#include "scenarios.h"

#include <chatwidget.h>
#include <mainwindow.h>
#include <media/mediacache.h>
#include <media/medialoader.h>
#include <messageview.h>
#include <session/account.h>
#include <store/appsettings.h>
#include <store/cache.h>

#include <common/protocol/codec.h>
#include <common/protocol/rest.h>

#include <QBuffer>
#include <QDateTime>
#include <QEventLoop>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QScrollBar>
#include <QTimer>
#include <QUrlQuery>

#include <ctime>

using namespace Natter::Client;
namespace Wire = Natter::Wire;

namespace {
constexpr int Images = 200;
constexpr int Cached = 50; // newest messages in the profile's cache; the rest come as history pages
constexpr qint64 CacheCap = 1024 * 1024; // the disk cache's cap for this run: a fifth of the thumbnails
constexpr int ScrollStep = 60; // pixels per tick
constexpr int TickMs = 16; // a wheel turned steadily, one step per frame
const Wire::Id PhotosChannel(1);

QSize fullSize(int n)
{
    static const QSize sizes[] = { { 4032, 3024 }, { 3024, 4032 }, { 1920, 1080 }, { 2000, 2000 }, { 1200, 1600 } };
    return sizes[n % 5];
}

QString thumbnailPath(int n)
{
    return Wire::Rest::uploadsPath() + QStringLiteral("/%1/thumbnail").arg(50000 + n);
}

// A photo-like thumbnail (gradients and shapes, so that JPEG has work to do), as the server would have made it.
QByteArray makeThumbnail(int n)
{
    const QSize size = fullSize(n).scaled(320, 320, Qt::KeepAspectRatio);
    QImage image(size, QImage::Format_RGB32);
    QPainter p(&image);
    QLinearGradient g(0, 0, size.width(), size.height());
    g.setColorAt(0, QColor::fromHsv((n * 37) % 360, 160, 220));
    g.setColorAt(1, QColor::fromHsv((n * 37 + 120) % 360, 200, 90));
    p.fillRect(image.rect(), g);
    for (int i = 0; i < 12; ++i) {
        p.setBrush(QColor::fromHsv((n * 13 + i * 29) % 360, 120 + i * 8, 120 + i * 10, 160));
        p.setPen(Qt::NoPen);
        p.drawEllipse(QPoint((n * 31 + i * 57) % size.width(), (n * 17 + i * 43) % size.height()), 20 + i * 4,
            14 + i * 3);
    }
    p.setPen(Qt::white);
    p.drawText(image.rect(), Qt::AlignCenter, QStringLiteral("photo %1").arg(n));
    p.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 85);
    return bytes;
}

Message imageMessage(int n)
{
    static const qint64 base = QDateTime(QDate(2026, 11, 3), QTime(9, 0), Qt::UTC).toMSecsSinceEpoch();
    Message m;
    m.id = 100000 + n;
    m.channelId = PhotosChannel;
    m.seq = n;
    m.clientMsgId = QStringLiteral("i%1").arg(n);
    const int author = n % 4;
    m.author = { Wire::Id(1000 + author), QStringLiteral("user%1").arg(author), QStringLiteral("Person %1").arg(author) };
    m.text = n % 3 == 0 ? QStringLiteral("From the trip, day %1").arg(n / 10 + 1) : QString();
    m.createdAt = base + n * 60000;
    Wire::Attachment a;
    a.id = 50000 + n;
    a.name = QStringLiteral("IMG_%1.jpg").arg(1000 + n);
    a.mime = QStringLiteral("image/jpeg");
    a.size = 2400000 + n * 1000;
    a.url = Wire::Rest::uploadsPath() + QStringLiteral("/%1/%2").arg(50000 + n).arg(a.name);
    a.width = fullSize(n).width();
    a.height = fullSize(n).height();
    a.thumbnailUrl = thumbnailPath(n);
    m.attachments = { a };
    return m;
}

QList<Message> messages(int first, int last)
{
    QList<Message> out;
    for (int n = first; n <= last; ++n)
        out.append(imageMessage(n));
    return out;
}
} // namespace

int runAppImages(const BenchOptions &o)
{
    Report report(QStringLiteral("app-images"), o.toJson());
    report.setColumns({ QStringLiteral("pass"), QStringLiteral("ticks"), QStringLiteral("longestStallMs"),
        QStringLiteral("stallsOver16ms"), QStringLiteral("longestBusyMs"), QStringLiteral("busyOver16ms"), QStringLiteral("paintP99ms"), QStringLiteral("paintMaxMs"),
        QStringLiteral("imagesReady"), QStringLiteral("peakRssMB"), QStringLiteral("diskCacheKB") });
    QHash<QString, QByteArray> thumbnails;
    qint64 thumbnailBytes = 0;
    for (int n = 1; n <= Images; ++n) {
        thumbnails.insert(thumbnailPath(n), makeThumbnail(n));
        thumbnailBytes += thumbnails.value(thumbnailPath(n)).size();
    }
    FakeChatServer server([&thumbnails](const QUrl &url) -> FakeChatServer::Response {
        if (const auto it = thumbnails.constFind(url.path()); it != thumbnails.cend()) return { 200, "image/jpeg", *it };
        if (url.path() == Wire::Rest::channelMessagesPath(PhotosChannel)) {
            const QUrlQuery query(url);
            const int limit = qMax(1, query.queryItemValue(Wire::Rest::Query::Limit).toInt());
            const Wire::Id before = Wire::Id::fromString(query.queryItemValue(Wire::Rest::Query::Before));
            const int end = before.isValid() ? int(before.value() - 100000) : Images + 1;
            const int first = qMax(1, end - limit);
            Wire::HistoryPage page;
            for (const Message &m : messages(first, end - 1))
                page.messages.append(m.wire());
            page.hasMore = first > 1;
            return { 200, "application/json", Wire::encode(page) };
        }
        return {};
    });
    if (!server.start()) {
        std::fprintf(stderr, "app-images: cannot listen on 127.0.0.1\n");
        return 1;
    }
    AppHost host(server.url());
    AppSettings(host.profile()).setCacheMaxBytes(CacheCap);
    host.prepare([](Cache &cache) {
        Channel ch;
        ch.id = PhotosChannel;
        ch.name = QStringLiteral("photos");
        ch.memberCount = 4;
        ch.lastSeq = Images;
        ch.lastMessageAt = imageMessage(Images).createdAt;
        ch.role = Wire::Role::Member;
        cache.saveChannels({ ch });
        cache.storeMessages(messages(Images - Cached + 1, Images));
        cache.setCursor(PhotosChannel, Images);
    });
    const qint64 rssBefore = AppHost::rssKb();
    const qint64 rssAnonBefore = AppHost::statusKb("RssAnon"), rssFileBefore = AppHost::statusKb("RssFile");
    host.launch();
    ChatWidget *chat = host.window()->chatWidget();
    if (!chat) {
        std::fprintf(stderr, "app-images: the session did not resume from the profile\n");
        return 1;
    }
    MessageView *view = chat->messageView();
    MessageListModel *model = chat->messageModel();
    MediaLoader *media = host.account()->media();
    MediaCache *disk = host.account()->mediaCache();
    AppHost::waitUntil([&] { return model->rowCount() > 0; });
    AppHost::waitUntil([] { return false; }, 500);

    int imagesReady = 0;
    QObject::connect(media, &MediaLoader::imageReady, &server, [&] { ++imagesReady; });
    LatencyHistogram paints;
    PaintProbe probe(view->viewport(), [] { return true; }, [&](qint64, qint64 ns) { paints.record(ns); });

    // The UI thread's stalls: a 1 ms precise timer notes how long the event loop went without coming back to it.
    // Wall-clock gaps count time the thread was runnable but not running (on a shared machine, other processes
    // take the cores); the thread's own CPU time over the same gap says how much of it was the app's work.
    auto threadCpuNs = [] {
        timespec ts {};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
    };
    qint64 lastBeat = PaintProbe::nowNs(), longestStall = 0, peakRss = 0, peakDisk = 0;
    qint64 lastCpu = threadCpuNs(), longestBusy = 0;
    int stallsOver16 = 0, busyOver16 = 0;
    QTimer heartbeat;
    heartbeat.setTimerType(Qt::PreciseTimer);
    heartbeat.setInterval(1);
    QObject::connect(&heartbeat, &QTimer::timeout, [&] {
        const qint64 now = PaintProbe::nowNs(), cpu = threadCpuNs();
        const qint64 gap = now - lastBeat - 1000000;
        if (gap > longestStall) longestStall = gap;
        if (gap > 16000000) ++stallsOver16;
        if (cpu - lastCpu > longestBusy) longestBusy = cpu - lastCpu;
        if (cpu - lastCpu > 16000000) ++busyOver16;
        lastBeat = now;
        lastCpu = cpu;
    });

    qint64 busiest = 0;
    auto runPass = [&](const char *name, int direction) {
        longestStall = longestBusy = 0;
        stallsOver16 = busyOver16 = 0;
        paints = LatencyHistogram();
        int ticks = 0, settled = 0;
        QEventLoop loop;
        QTimer driver;
        driver.setTimerType(Qt::PreciseTimer);
        driver.setInterval(TickMs);
        QObject::connect(&driver, &QTimer::timeout, [&] {
            QScrollBar *bar = view->verticalScrollBar();
            bar->setValue(bar->value() + direction * ScrollStep);
            ++ticks;
            peakRss = qMax(peakRss, AppHost::rssKb());
            if (ticks % 30 == 0) {
                // Walking the cache directory is the bench's own work: kept out of the stall figure.
                peakDisk = qMax(peakDisk, disk->sizeOnDisk());
                lastBeat = PaintProbe::nowNs();
                lastCpu = threadCpuNs();
            }
            const bool atEnd = direction < 0 ? bar->value() == 0 && !model->hasOlder() && !model->isLoadingOlder()
                                             : bar->value() == bar->maximum();
            // At the end, a few more frames for the last thumbnails to arrive.
            if (atEnd && ++settled > 30) loop.quit();
            if (ticks > 5000) loop.quit();
        });
        lastBeat = PaintProbe::nowNs();
        lastCpu = threadCpuNs();
        heartbeat.start();
        driver.start();
        loop.exec();
        driver.stop();
        heartbeat.stop();
        peakDisk = qMax(peakDisk, disk->sizeOnDisk());
        report.addRow({ { QStringLiteral("pass"), QString::fromLatin1(name) }, { QStringLiteral("ticks"), ticks },
            { QStringLiteral("longestStallMs"), longestStall / 1e6 },
            { QStringLiteral("stallsOver16ms"), stallsOver16 },
            { QStringLiteral("longestBusyMs"), longestBusy / 1e6 }, { QStringLiteral("busyOver16ms"), busyOver16 },
            { QStringLiteral("paintP99ms"), paints.quantileMs(0.99) },
            { QStringLiteral("paintMaxMs"), paints.maxMs() }, { QStringLiteral("imagesReady"), imagesReady },
            { QStringLiteral("peakRssMB"), peakRss / 1024.0 },
            { QStringLiteral("diskCacheKB"), disk->sizeOnDisk() / 1024.0 } });
        busiest = qMax(busiest, longestBusy);
        return longestStall;
    };
    const qint64 up = runPass("up to the first image", -1);
    const qint64 down = runPass("back down to the newest", 1);

    report.setSummary({ { QStringLiteral("platform"), QGuiApplication::platformName() },
        { QStringLiteral("images"), Images }, { QStringLiteral("rowsAtEnd"), model->rowCount() },
        { QStringLiteral("longestStallMs"), qMax(up, down) / 1e6 },
        { QStringLiteral("longestBusyMs"), busiest / 1e6 },
        { QStringLiteral("imagesDecoded"), imagesReady },
        { QStringLiteral("networkRequests"), media->networkRequests() },
        { QStringLiteral("rssBeforeLaunchMB"), rssBefore / 1024.0 },
        { QStringLiteral("rssAnonBeforeLaunchMB"), rssAnonBefore / 1024.0 },
        { QStringLiteral("rssFileBeforeLaunchMB"), rssFileBefore / 1024.0 },
        { QStringLiteral("benchThumbnailBytesMB"), thumbnailBytes / 1048576.0 },
        { QStringLiteral("peakRssWhileScrollingMB"), peakRss / 1024.0 },
        { QStringLiteral("vmHwmMB"), AppHost::peakRssKb() / 1024.0 },
        { QStringLiteral("rssAnonEndMB"), AppHost::statusKb("RssAnon") / 1024.0 },
        { QStringLiteral("rssFileEndMB"), AppHost::statusKb("RssFile") / 1024.0 },
        { QStringLiteral("diskCacheCapKB"), CacheCap / 1024.0 },
        { QStringLiteral("diskCachePeakKB"), peakDisk / 1024.0 },
        { QStringLiteral("diskCacheEndKB"), disk->sizeOnDisk() / 1024.0 } });
    report.print();
    return 0;
}
