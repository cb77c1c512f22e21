#pragma once

#include <QStyledItemDelegate>

namespace Natter::Client {

// A search result or pinned message: "Author · #channel · time" over the text, search terms highlighted.
class ResultDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace Natter::Client
