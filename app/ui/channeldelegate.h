#pragma once

#include <QStyledItemDelegate>

namespace Natter::Client {

// One channel in the sidebar: '#' or a presence dot, the name (bold when unread) and an unread badge.
class ChannelDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(
        QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace Natter::Client
