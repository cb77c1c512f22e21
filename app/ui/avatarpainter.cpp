#include "avatarpainter.h"

#include <QPainter>

namespace Natter::Client {

void paintAvatar(
    QPainter *painter, const QRect &rect, const QString &userId, const QString &name, bool showPresence, bool online)
{
    // The message list's colours and hash (FNV-1a: stable across runs), so a person looks the same everywhere.
    static const QColor palette[] = { QColor(0x3b82f6), QColor(0x10b981), QColor(0xf59e0b), QColor(0xef4444),
        QColor(0x8b5cf6), QColor(0x14b8a6), QColor(0xec4899), QColor(0x6366f1) };
    quint32 h = 2166136261u;
    for (const QChar ch : userId)
        h = (h ^ ch.unicode()) * 16777619u;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(palette[h % std::size(palette)]);
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
