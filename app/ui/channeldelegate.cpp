#include "channeldelegate.h"
#include "chatpalette.h"
#include "models/channellistmodel.h"

#include <QPainter>

namespace Natter::Client {

void ChannelDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const ChatPalette colours = ChatPalette::of(option.palette);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRect r = option.rect.adjusted(8, 1, -8, -1);
    const bool selected = option.state & QStyle::State_Selected;
    if (selected) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(colours.channelSelected);
        painter->drawRoundedRect(r, 6, 6);
    } else if (option.state & QStyle::State_MouseOver) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(colours.channelHover);
        painter->drawRoundedRect(r, 6, 6);
    }
    const int unread = index.data(ChannelListModel::UnreadRole).toInt();
    const bool direct = index.data(ChannelListModel::TypeRole).toString() == u"direct";
    const bool isPrivate = index.data(ChannelListModel::VisibilityRole).toString() == u"private";
    QFont font = option.font;
    font.setBold(unread > 0);
    painter->setFont(font);
    const QColor text = unread > 0 || selected ? colours.text : colours.cardText;
    const QRect icon(r.left() + 8, r.top(), 18, r.height());
    if (direct) {
        painter->setPen(Qt::NoPen);
        const bool online = index.data(ChannelListModel::OnlineRole).toBool();
        painter->setBrush(online ? colours.online : colours.offline);
        painter->drawEllipse(QPointF(icon.center()) + QPointF(1, 1), 4.5, 4.5);
    } else if (isPrivate) {
        // A small padlock, drawn rather than taken from a font that may lack the glyph.
        const QPointF c = QRectF(icon).center();
        painter->setPen(QPen(colours.faint, 1.4));
        painter->setBrush(Qt::NoBrush);
        painter->drawArc(QRectF(c.x() - 3.5, c.y() - 6, 7, 8), 0, 180 * 16);
        painter->setPen(Qt::NoPen);
        painter->setBrush(colours.faint);
        painter->drawRoundedRect(QRectF(c.x() - 5, c.y() - 2, 10, 7.5), 1.5, 1.5);
    } else {
        painter->setPen(colours.faint);
        painter->drawText(icon, Qt::AlignCenter, u"#"_qs);
    }

    QRect nameRect(icon.right() + 6, r.top(), r.right() - icon.right() - 12, r.height());
    if (unread > 0) {
        QFont badgeFont = option.font;
        badgeFont.setBold(true);
        badgeFont.setPointSizeF(badgeFont.pointSizeF() * 0.85);
        const QString label = unread > 99 ? u"99+"_qs : QString::number(unread);
        const int w = std::max(20, QFontMetrics(badgeFont).horizontalAdvance(label) + 12);
        const QRect badge(r.right() - 8 - w, r.center().y() - 9, w, 18);
        painter->setPen(Qt::NoPen);
        painter->setBrush(colours.badge);
        painter->drawRoundedRect(badge, 9, 9);
        painter->setFont(badgeFont);
        painter->setPen(colours.onAccent);
        painter->drawText(badge, Qt::AlignCenter, label);
        painter->setFont(font);
        nameRect.setRight(badge.left() - 6);
    }
    painter->setPen(text);
    const QString name = index.data(ChannelListModel::NameRole).toString();
    painter->drawText(nameRect, Qt::AlignVCenter | Qt::AlignLeft,
        QFontMetrics(font).elidedText(name, Qt::ElideRight, nameRect.width()));
    painter->restore();
}

QSize ChannelDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return { option.rect.width(), QFontMetrics(option.font).height() + 14 };
}

} // namespace Natter::Client
