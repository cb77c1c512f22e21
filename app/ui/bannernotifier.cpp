#include "bannernotifier.h"

#include <QEvent>
#include <QFrame>
#include <QGraphicsDropShadowEffect>
#include <QLabel>
#include <QVBoxLayout>

namespace Natter::Client {

namespace {
constexpr int ShownMs = 6000;
constexpr int Width = 340;
}

BannerNotifier::BannerNotifier(QWidget *host, QObject *parent)
    : Notifier(parent)
    , m_host(host)
    , m_card(new QFrame(host))
    , m_title(new QLabel)
    , m_body(new QLabel)
{
    m_card->setObjectName(u"notificationBanner"_qs);
    m_card->setStyleSheet(u"#notificationBanner { background: white; border: 1px solid #d1d5db; border-left: 4px solid #2563eb;"
                          " border-radius: 8px; }"_qs);
    m_card->setCursor(Qt::PointingHandCursor);
    auto *shadow = new QGraphicsDropShadowEffect(m_card);
    shadow->setBlurRadius(18);
    shadow->setOffset(0, 3);
    shadow->setColor(QColor(0, 0, 0, 60));
    m_card->setGraphicsEffect(shadow);
    QFont f = m_title->font();
    f.setBold(true);
    m_title->setFont(f);
    m_body->setWordWrap(true);
    m_body->setStyleSheet(u"color: #374151;"_qs);
    auto *hint = new QLabel(tr("Click to open"));
    hint->setStyleSheet(u"color: #9ca3af; font-size: 8pt;"_qs);
    auto *layout = new QVBoxLayout(m_card);
    layout->setContentsMargins(14, 10, 14, 10);
    layout->addWidget(m_title);
    layout->addWidget(m_body);
    layout->addWidget(hint);
    m_card->hide();
    m_card->installEventFilter(this);
    host->installEventFilter(this);
    m_hide.setSingleShot(true);
    connect(&m_hide, &QTimer::timeout, m_card, &QWidget::hide);
}

void BannerNotifier::show(const Notification &n)
{
    m_current = n;
    m_title->setText(n.title);
    m_body->setText(n.body.size() > 160 ? n.body.left(160) + u'…' : n.body);
    place();
    m_card->raise();
    m_card->show();
    m_hide.start(ShownMs);
}

bool BannerNotifier::isShowing() const
{
    return m_card->isVisible();
}

QString BannerNotifier::text() const
{
    return m_title->text() + u'\n' + m_body->text();
}

void BannerNotifier::place()
{
    if (!m_host) return;
    m_card->setFixedWidth(Width);
    m_card->adjustSize();
    // Below the menu bar and the channel header.
    m_card->move(m_host->width() - Width - 20, 96);
}

bool BannerNotifier::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_card && event->type() == QEvent::MouseButtonRelease) {
        m_card->hide();
        emit activated(m_current.channelId, m_current.messageId);
        return true;
    }
    if (watched == m_host && event->type() == QEvent::Resize && m_card->isVisible()) place();
    return Notifier::eventFilter(watched, event);
}

} // namespace Natter::Client
