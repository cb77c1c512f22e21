#include "attention.h"
#include "bannernotifier.h"
#include "chatwidget.h"
#include "session/session.h"
#include "traynotifier.h"
#ifdef NATTER_HAVE_DBUS
#include "dbusnotifier.h"
#endif

#include <QEvent>
#include <QWidget>

namespace Natter::Client {

Attention::Attention(
    QWidget *window, ChatWidget *chat, Session *session, const QString &muteFile, Notifier *desktop, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_chat(chat)
    , m_baseTitle(window->windowTitle())
    , m_mutes(muteFile)
    , m_alerts(session->channelModel(), &m_mutes)
    , m_banner(new BannerNotifier(window, this))
    , m_tray(new TrayNotifier(this))
    , m_desktop(desktop)
{
    if (!m_desktop) {
#ifdef NATTER_HAVE_DBUS
        auto *dbus = new DBusNotifier(this);
        m_desktop = dbus->isAvailable() ? static_cast<Notifier *>(dbus) : m_tray;
#else
        m_desktop = m_tray;
#endif
    }
    m_alerts.setMe(session->me().id);
    m_alerts.setNotifier(m_desktop);
    m_alerts.setInAppNotifier(m_banner);
    m_alerts.setWindowActive(window->isActiveWindow());
    m_alerts.setCurrentChannel(chat->currentChannel());
    chat->setMuteList(&m_mutes);
    window->installEventFilter(this);

    connect(session, &Session::messageReceived, this, [this, session](const Message &m) {
        // Replays of a sync after a reconnect are history, not news.
        if (session->isSynced()) m_alerts.consider(m);
    });
    connect(chat, &ChatWidget::currentChannelChanged, this,
        [this](Wire::Id channelId) { m_alerts.setCurrentChannel(channelId); });
    for (Notifier *n : { static_cast<Notifier *>(m_banner), static_cast<Notifier *>(m_tray), m_desktop })
        connect(n, &Notifier::activated, this, &Attention::open, Qt::UniqueConnection);
    connect(m_tray, &TrayNotifier::iconClicked, this, [this] {
        if (!m_window) return;
        m_window->showNormal();
        m_window->raise();
        m_window->activateWindow();
    });
    auto showUnread = [this](int total) {
        if (m_window) m_window->setWindowTitle(titleWithUnread(m_baseTitle, total));
        m_tray->setUnread(total);
    };
    connect(&m_alerts, &Alerts::unreadTotalChanged, this, showUnread);
    showUnread(m_alerts.unreadTotal());
}

Attention::~Attention()
{
    if (m_window) m_window->setWindowTitle(m_baseTitle);
}

QString Attention::titleWithUnread(const QString &base, int unread)
{
    return unread > 0 ? tr("(%n) %1", nullptr, unread).arg(base) : base;
}

bool Attention::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::ActivationChange)
        m_alerts.setWindowActive(m_window->isActiveWindow());
    return QObject::eventFilter(watched, event);
}

void Attention::open(Wire::Id channel, Wire::Id message)
{
    if (m_window) {
        m_window->showNormal();
        m_window->raise();
        m_window->activateWindow();
    }
    if (m_chat) m_chat->openMessage(channel, message);
}

} // namespace Natter::Client
