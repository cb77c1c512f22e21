#include "avatarpainter.h"

#include <QPainter>

namespace Natter::Client {

void paintAvatar(
    QPainter *painter, const QRect &rect, const QString &userId, const QString &name, bool showPresence, bool online)
{
    static const QColor palette[] = { QColor(0x2563eb), QColor(0x7c3aed), QColor(0xdb2777), QColor(0x059669),
        QColor(0xd97706), QColor(0x0891b2) };
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(palette[qHash(userId) % std::size(palette)]);
    painter->drawEllipse(rect);
    QFont f = painter->font();
    f.setBold(true);
    painter->setFont(f);
    painter->setPen(Qt::white);
    painter->drawText(rect, Qt::AlignCenter, name.left(1).toUpper());
    if (showPresence) {
        const int d = std::max(8, rect.width() / 3);
        const QRect dot(rect.right() - d + 2, rect.bottom() - d + 2, d, d);
        painter->setPen(QPen(Qt::white, 2));
        painter->setBrush(online ? QColor(0x22c55e) : QColor(0xd1d5db));
        painter->drawEllipse(dot);
    }
    painter->restore();
}

} // namespace Natter::Client
