#include "apphost.h"

#include "serverprobe.h"

#include <mainwindow.h>
#include <net/apiclient.h>
#include <session/account.h>
#include <store/cache.h>

#include <common/protocol/codec.h>

#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QSettings>
#include <QWidget>

#include <unistd.h>

using namespace Natter::Client;
namespace Wire = Natter::Wire;

AppHost::AppHost(const QUrl &server)
    : m_server(normalizeServerUrl(server.toString()))
{
    // Nothing of the user's own desktop profile is read or written.
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_dir.path() + u"/data"_qs));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_dir.path() + u"/config"_qs));
    m_profile = std::make_unique<Profile>(u"bench"_qs, m_dir.path());
}

AppHost::~AppHost()
{
    m_window.reset();
    m_account.reset();
}

void AppHost::prepare(const std::function<void(Cache &)> &fill)
{
    {
        // What Account writes after a sign-in (its "server" and "username" keys), so that resume() finds them.
        QSettings settings(m_profile->settingsPath(), QSettings::IniFormat);
        settings.setValue(u"server"_qs, m_server.toString());
        settings.setValue(u"username"_qs, Username);
    }
    m_tokens.writeToken(m_profile->keychainKey(m_server, Username), u"bench-token"_qs);
    Cache cache;
    cache.open(m_profile->cachePath(m_server, Username));
    Wire::User me { Wire::Id(1000), Username, u"Person 0"_qs };
    cache.setMeta(u"me"_qs, QString::fromUtf8(Wire::encode(me)));
    fill(cache);
}

void AppHost::launch()
{
    m_account = std::make_unique<Account>(*m_profile, &m_tokens, &m_nam);
    m_window = std::make_unique<MainWindow>(m_account.get());
    m_window->resize(Width, Height);
    m_window->show();
    m_window->startUp({});
}

bool AppHost::waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs) return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        usleep(200);
    }
    return true;
}

qint64 AppHost::rssKb()
{
    return ServerProbe(getpid()).rssKb();
}

qint64 AppHost::statusKb(const char *field)
{
    QFile status(u"/proc/self/status"_qs);
    if (!status.open(QIODevice::ReadOnly)) return 0;
    const QByteArray key = QByteArray(field) + ':';
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith(key)) return line.mid(key.size()).trimmed().split(' ').value(0).toLongLong();
    return 0;
}

qint64 AppHost::peakRssKb()
{
    return statusKb("VmHWM");
}

PaintProbe::PaintProbe(QWidget *widget, std::function<bool()> wanted, Callback callback)
    : m_widget(widget)
    , m_wanted(std::move(wanted))
    , m_callback(std::move(callback))
{
    widget->installEventFilter(this);
}

PaintProbe::~PaintProbe()
{
    if (m_widget) m_widget->removeEventFilter(this);
}

qint64 PaintProbe::nowNs()
{
    static QElapsedTimer clock = [] {
        QElapsedTimer c;
        c.start();
        return c;
    }();
    return clock.nsecsElapsed();
}

bool PaintProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (m_inside || watched != m_widget || event->type() != QEvent::Paint || !m_wanted()) return false;
    const qint64 start = nowNs();
    m_inside = true;
    // Sent again from inside this filter (which lets it through the second time), so the widget paints now,
    // through the other filters too (a scroll area paints its viewport from its own filter), and the end is
    // seen here.
    QCoreApplication::sendEvent(watched, event);
    m_inside = false;
    const qint64 end = nowNs();
    m_callback(end, end - start);
    return true;
}
