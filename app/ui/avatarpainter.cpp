#include "avatarpainter.h"
#include "chatpalette.h"

#include <QPainter>

namespace Natter::Client {

void paintAvatar(
    QPainter *painter, const QRect &rect, const QString &userId, const QString &name, bool showPresence, bool online)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(ChatPalette::current().avatar(userId)); // the message list's colour for this person
    painter->drawEllipse(rect);
    QFont f = painter->font();
    f.setBold(true);
    painter->setFont(f);
    painter->setPen(ChatPalette::current().onAccent);
    painter->drawText(rect, Qt::AlignCenter, name.left(1).toUpper());
    if (showPresence) {
        const int d = std::max(8, rect.width() / 3);
        const QRect dot(rect.right() - d + 2, rect.bottom() - d + 2, d, d);
        painter->setPen(QPen(ChatPalette::current().base, 2));
        painter->setBrush(online ? ChatPalette::current().online : ChatPalette::current().offline);
        painter->drawEllipse(dot);
    }
    painter->restore();
}

} // namespace Natter::Client
