#include "traynotifier.h"

#include <QPainter>
#include <QSystemTrayIcon>

namespace Natter::Client {

namespace {
QIcon badgeIcon(int unread)
{
    QPixmap pixmap(64, 64);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0x2563eb));
    p.drawRoundedRect(QRect(4, 4, 56, 56), 14, 14);
    QFont f;
    f.setBold(true);
    f.setPixelSize(34);
    p.setFont(f);
    p.setPen(Qt::white);
    p.drawText(QRect(4, 4, 56, 56), Qt::AlignCenter, u"N"_qs);
    if (unread > 0) {
        p.setBrush(QColor(0xdc2626));
        p.setPen(QPen(Qt::white, 3));
        p.drawEllipse(QRect(30, 0, 34, 34));
        f.setPixelSize(unread > 99 ? 14 : 20);
        p.setFont(f);
        p.setPen(Qt::white);
        p.drawText(QRect(30, 0, 34, 34), Qt::AlignCenter, unread > 99 ? u"99+"_qs : QString::number(unread));
    }
    return QIcon(pixmap);
}
}

TrayNotifier::TrayNotifier(QObject *parent)
    : Notifier(parent)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable()) return;
    m_icon = new QSystemTrayIcon(badgeIcon(0), this);
    m_icon->setToolTip(tr("Natter"));
    connect(m_icon, &QSystemTrayIcon::messageClicked, this,
        [this] { emit activated(m_last.channelId, m_last.messageId); });
    connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger) emit iconClicked();
    });
    m_icon->show();
}

TrayNotifier::~TrayNotifier() = default;

bool TrayNotifier::isAvailable() const
{
    return m_icon && QSystemTrayIcon::supportsMessages();
}

void TrayNotifier::show(const Notification &n)
{
    if (!m_icon) return;
    m_last = n;
    m_icon->showMessage(n.title, n.body, QSystemTrayIcon::Information, 8000);
}

void TrayNotifier::setUnread(int total)
{
    if (!m_icon) return;
    m_icon->setIcon(badgeIcon(total));
    m_icon->setToolTip(total > 0 ? tr("Natter: %n unread", nullptr, total) : tr("Natter"));
}

} // namespace Natter::Client
