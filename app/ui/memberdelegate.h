#pragma once

#include <QStyledItemDelegate>

namespace Natter::Client {

// A member row: avatar with presence dot, name, @username and the role.
class MemberDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace Natter::Client
