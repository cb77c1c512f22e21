// app-window: the whole desktop app with its window shown (offscreen or a real X server), measuring what issue 11
// budgets for the app as a user runs it:
//  - launch: from building the Account and MainWindow on a warm profile cache (10 channels of rich messages in
//    the SQLite cache, as a previous run left them) to the end of the first paint of the message list with rows;
//  - resident memory after reading all 10 channels of 300 rich messages (Markdown, reactions, link previews,
//    thread roots) to their first message, each laid out and painted by the real view;
//  - a search answer: from the server's reply arriving (the QNetworkAccessManager's finished()) to the end of
//    the first paint of the search panel's results.
// The server is a FakeChatServer in this process (history pages and search results encoded by common/protocol);
// the gateway is refused, so the app runs offline on its cache and REST, as it does while a server is down.
#include "apphost.h"
#include "fakechatserver.h"
#include "latencyhistogram.h"
#include "report.h"
#include "richmessages.h"
#include "scenarios.h"

#include <chatpanels.h>
#include <chatwidget.h>
#include <composer.h>
#include <mainwindow.h>
#include <messageview.h>
#include <searchpanel.h>
#include <store/cache.h>

#include <common/protocol/codec.h>
#include <common/protocol/rest.h>

#include <QGuiApplication>
#include <QNetworkReply>
#include <QScrollBar>
#include <QUrlQuery>

using namespace Natter::Client;
namespace Wire = Natter::Wire;

namespace {
constexpr int Channels = 10;
constexpr int CachedPerChannel = 100; // the newest messages of each channel in the profile's cache
constexpr int SearchResults = 50;
constexpr int Searches = 20;

FakeChatServer::Response json(const QByteArray &body)
{
    return { 200, "application/json", body };
}

FakeChatServer::Response answer(const QUrl &url)
{
    const QUrlQuery query(url);
    const QString path = url.path();
    for (int c = 1; c <= Channels; ++c) {
        if (path != Wire::Rest::channelMessagesPath(Wire::Id(c))) continue;
        const int limit = query.queryItemValue(Wire::Rest::Query::Limit).toInt();
        const Wire::Id before = Wire::Id::fromString(query.queryItemValue(Wire::Rest::Query::Before));
        const qint64 end
            = before.isValid() ? before.value() % RichMessages::IdStride : RichMessages::MessagesPerChannel + 1;
        const qint64 first = qMax<qint64>(1, end - qMax(1, limit));
        Wire::HistoryPage page;
        for (const Message &m : RichMessages::page(Wire::Id(c), first, end - 1, first > 1).messages)
            page.messages.append(m.wire());
        page.hasMore = first > 1;
        return json(Wire::encode(page));
    }
    if (path == Wire::Rest::searchPath()) {
        // Matches spread over the channels, newest first, each with the searched word in it.
        Wire::SearchResults results;
        const QString q = query.queryItemValue(Wire::Rest::Query::Q);
        for (int i = 0; i < SearchResults; ++i) {
            Message m = RichMessages::message(Wire::Id(1 + i % Channels), RichMessages::MessagesPerChannel - i);
            m.text = QStringLiteral("About %1: %2").arg(q, m.text);
            results.messages.append(m.wire());
        }
        results.hasMore = false;
        return json(Wire::encode(results));
    }
    return {};
}

Channel channel(int c)
{
    Channel ch;
    ch.id = Wire::Id(c);
    ch.name = QStringLiteral("channel-%1").arg(c);
    ch.topic = QStringLiteral("Where channel %1 talks").arg(c);
    ch.memberCount = 6;
    ch.lastSeq = RichMessages::MessagesPerChannel;
    ch.lastMessageAt = RichMessages::message(ch.id, RichMessages::MessagesPerChannel).createdAt;
    ch.role = Wire::Role::Member;
    return ch;
}
} // namespace

int runAppWindow(const BenchOptions &o)
{
    Report report(QStringLiteral("app-window"), o.toJson());
    report.setColumns({ QStringLiteral("step"), QStringLiteral("ms"), QStringLiteral("rows"),
        QStringLiteral("rssMB") });
    FakeChatServer server(answer);
    if (!server.start()) {
        std::fprintf(stderr, "app-window: cannot listen on 127.0.0.1\n");
        return 1;
    }
    AppHost host(server.url());
    host.prepare([](Cache &cache) {
        QList<Channel> channels;
        for (int c = 1; c <= Channels; ++c) {
            channels.append(channel(c));
            const auto page = RichMessages::page(Wire::Id(c),
                RichMessages::MessagesPerChannel - CachedPerChannel + 1, RichMessages::MessagesPerChannel, true);
            cache.storeMessages(page.messages);
            cache.setCursor(Wire::Id(c), RichMessages::MessagesPerChannel);
        }
        cache.saveChannels(channels);
    });
    const qint64 rssBefore = AppHost::rssKb();
    const qint64 rssAnonBefore = AppHost::statusKb("RssAnon"), rssFileBefore = AppHost::statusKb("RssFile");

    // Launch: the first paint of the message list with rows ends the measure.
    qint64 launchStart = PaintProbe::nowNs(), launchEnd = 0, firstPaintNs = 0;
    host.launch();
    ChatWidget *chat = host.window()->chatWidget();
    if (!chat) {
        std::fprintf(stderr, "app-window: the session did not resume from the profile\n");
        return 1;
    }
    MessageView *view = chat->messageView();
    {
        PaintProbe probe(
            view->viewport(), [chat] { return chat->messageModel()->rowCount() > 0; },
            [&](qint64 end, qint64 paint) {
                if (!launchEnd) launchEnd = end, firstPaintNs = paint;
            });
        AppHost::waitUntil([&] { return launchEnd != 0; });
    }
    const double launchMs = (launchEnd - launchStart) / 1e6;
    report.addRow({ { QStringLiteral("step"), QStringLiteral("launch to cached conversation painted") },
        { QStringLiteral("ms"), launchMs }, { QStringLiteral("rows"), chat->messageModel()->rowCount() },
        { QStringLiteral("rssMB"), AppHost::rssKb() / 1024.0 } });

    // Every channel read from its newest message to its first: older pages come from the server as the view
    // nears the top, each screen is painted.
    LatencyHistogram readTimes;
    int framesPainted = 0;
    PaintProbe counter(view->viewport(), [] { return true; }, [&](qint64, qint64) { ++framesPainted; });
    for (int c = 1; c <= Channels; ++c) {
        QElapsedTimer clock;
        clock.start();
        chat->selectChannel(Wire::Id(c));
        MessageListModel *model = chat->messageModel();
        AppHost::waitUntil([&] { return model->rowCount() > 0; });
        for (int guard = 0; guard < 400; ++guard) {
            QScrollBar *bar = view->verticalScrollBar();
            bar->setValue(qMax(0, bar->value() - view->viewport()->height() / 2));
            const int painted = framesPainted;
            AppHost::waitUntil([&] { return framesPainted > painted; }, 1000);
            AppHost::waitUntil([&] { return !model->isLoadingOlder(); }, 5000);
            if (bar->value() == 0 && !model->hasOlder() && !model->isLoadingOlder()) break;
        }
        readTimes.record(clock.nsecsElapsed());
        report.addRow({ { QStringLiteral("step"), QStringLiteral("read #channel-%1 to its start").arg(c) },
            { QStringLiteral("ms"), clock.nsecsElapsed() / 1e6 }, { QStringLiteral("rows"), model->rowCount() },
            { QStringLiteral("rssMB"), AppHost::rssKb() / 1024.0 } });
    }
    AppHost::waitUntil([] { return false; }, 500);
    const qint64 rssAfterChannels = AppHost::rssKb();

    // Search: 20 queries; for each, from the reply's arrival to the end of the results' first paint.
    chat->panels()->showSearch();
    SearchPanel *search = chat->panels()->search();
    AppHost::waitUntil([] { return false; }, 300);
    LatencyHistogram searchTimes;
    qint64 replyAt = 0, shownAt = 0;
    QObject::connect(host.nam(), &QNetworkAccessManager::finished, &server, [&](QNetworkReply *reply) {
        if (reply->url().path() == Wire::Rest::searchPath()) replyAt = PaintProbe::nowNs();
    });
    PaintProbe searchProbe(
        search->results()->viewport(),
        [&] { return replyAt && !shownAt && search->model()->rowCount() > 0; },
        [&](qint64 end, qint64) { shownAt = end; });
    const QStringList words { u"deploy"_qs, u"migration"_qs, u"spec"_qs, u"lunch"_qs, u"build"_qs };
    int shown = 0;
    for (int i = 0; i < Searches; ++i) {
        replyAt = shownAt = 0;
        search->search(words.at(i % words.size()) + QString::number(i));
        if (!AppHost::waitUntil([&] { return shownAt != 0; }, 5000)) continue;
        searchTimes.record(shownAt - replyAt);
        ++shown;
        AppHost::waitUntil([] { return false; }, 50);
    }
    report.addRow({ { QStringLiteral("step"), QStringLiteral("search reply to results painted (p50)") },
        { QStringLiteral("ms"), searchTimes.quantileMs(0.5) },
        { QStringLiteral("rows"), search->model()->rowCount() },
        { QStringLiteral("rssMB"), AppHost::rssKb() / 1024.0 } });

    // Then the reader starts writing: the spell checker reads its dictionary at the first word.
    chat->composer()->setPlainText(QStringLiteral("Lunch at noon? I can book the table"));
    AppHost::waitUntil([] { return false; }, 500);
    const qint64 rssWriting = AppHost::rssKb();
    report.addRow({ { QStringLiteral("step"), QStringLiteral("a line typed in the composer (dictionary read)") },
        { QStringLiteral("ms"), 0 }, { QStringLiteral("rows"), chat->messageModel()->rowCount() },
        { QStringLiteral("rssMB"), rssWriting / 1024.0 } });

    report.setSummary({ { QStringLiteral("platform"), QGuiApplication::platformName() },
        { QStringLiteral("rssAfterWritingMB"), rssWriting / 1024.0 },
        { QStringLiteral("channels"), Channels },
        { QStringLiteral("messagesPerChannel"), RichMessages::MessagesPerChannel },
        { QStringLiteral("launchMs"), launchMs }, { QStringLiteral("launchFirstPaintMs"), firstPaintNs / 1e6 },
        { QStringLiteral("readChannelP50ms"), readTimes.quantileMs(0.5) },
        { QStringLiteral("rssBeforeLaunchMB"), rssBefore / 1024.0 },
        { QStringLiteral("rssAnonBeforeLaunchMB"), rssAnonBefore / 1024.0 },
        { QStringLiteral("rssFileBeforeLaunchMB"), rssFileBefore / 1024.0 },
        { QStringLiteral("rssAfterChannelsMB"), rssAfterChannels / 1024.0 },
        { QStringLiteral("rssEndMB"), AppHost::rssKb() / 1024.0 },
        { QStringLiteral("peakRssMB"), AppHost::peakRssKb() / 1024.0 },
        { QStringLiteral("rssAnonEndMB"), AppHost::statusKb("RssAnon") / 1024.0 },
        { QStringLiteral("rssFileEndMB"), AppHost::statusKb("RssFile") / 1024.0 },
        { QStringLiteral("searchesShown"), shown },
        { QStringLiteral("searchShownP50ms"), searchTimes.quantileMs(0.5) },
        { QStringLiteral("searchShownP99ms"), searchTimes.quantileMs(0.99) },
        { QStringLiteral("searchShownMaxMs"), searchTimes.maxMs() },
        { QStringLiteral("requests"), server.requests() } });
    report.print();
    return 0;
}
