#include "memberdelegate.h"
#include "chatpalette.h"
#include "avatarpainter.h"
#include "models/adminmodels.h"
#include "models/memberlistmodel.h"

#include <QDateTime>
#include <QLocale>
#include <QPainter>

namespace Natter::Client {

void MemberDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QRect r = option.rect;
    painter->save();
    if (option.state & (QStyle::State_MouseOver | QStyle::State_Selected)) painter->fillRect(r, ChatPalette::current().chip);
    const QString name = index.data(MemberListModel::NameRole).toString();
    paintAvatar(painter, QRect(r.left() + 12, r.top() + 6, 28, 28), index.data(MemberListModel::IdRole).toString(),
        name, true, index.data(MemberListModel::OnlineRole).toBool());
    const QString role = index.data(MemberListModel::RoleNameRole).toString();
    QFont small = option.font;
    small.setPointSizeF(small.pointSizeF() * 0.85);
    const int roleWidth = role.isEmpty() ? 0 : QFontMetrics(small).horizontalAdvance(role) + 12;
    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(ChatPalette::current().text);
    const QRect text(r.left() + 50, r.top() + 4, r.width() - 62 - roleWidth, r.height() / 2 - 2);
    painter->drawText(text, Qt::AlignLeft | Qt::AlignBottom, QFontMetrics(bold).elidedText(name, Qt::ElideRight, text.width()));
    painter->setFont(small);
    painter->setPen(ChatPalette::current().muted);
    // Moderation state after the username: a mute with its end, a deactivated account.
    QString second = u"@"_qs + index.data(MemberListModel::UsernameRole).toString();
    const QDateTime mutedUntil = index.data(MemberListModel::MutedUntilRole).toDateTime();
    if (index.data(MemberListModel::DeactivatedRole).toBool())
        second += tr(" · deactivated");
    else if (mutedUntil.isValid())
        second += tr(" · muted until %1").arg(shortTime(mutedUntil.toMSecsSinceEpoch()));
    painter->drawText(QRect(text.left(), r.center().y() + 1, text.width(), r.height() / 2 - 4), Qt::AlignLeft | Qt::AlignTop,
        QFontMetrics(small).elidedText(second, Qt::ElideRight, text.width()));
    if (!role.isEmpty()) {
        const QRect tag(r.right() - 8 - roleWidth, r.center().y() - 9, roleWidth, 18);
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(ChatPalette::current().indigoBg);
        painter->drawRoundedRect(tag, 9, 9);
        painter->setPen(ChatPalette::current().indigo);
        painter->drawText(tag, Qt::AlignCenter, role);
    }
    painter->restore();
}

QSize MemberDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return { option.rect.width(), 40 };
}

} // namespace Natter::Client
