#pragma once

#include <QHash>
#include <QStyledItemDelegate>

namespace Natter::Client {

// Paints one message row: a day separator when the day changes, author and time at the start of a block of
// consecutive messages, then the wrapped text and the send state. Heights are cached per message and dropped
// when the width changes, so scrolling a long list never re-measures text.
class MessageDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit MessageDelegate(QObject *parent = nullptr);

    void paint(
        QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The width rows are laid out for; a change drops every cached height.
    void setWidth(int width);
    int width() const { return m_width; }
    void clearCache() { m_heights.clear(); }
    int cachedHeights() const { return int(m_heights.size()); }
    // Whether POS (in the row's coordinates) hits the retry link of a failed message.
    static bool isRetryArea(const QRect &rowRect, const QPoint &pos);

private:
    struct Layout
    {
        int intro = 0;
        int dayBand = 0;
        int header = 0;
        QRect text;
        int footer = 0;
        int height = 0;
    };
    struct CachedHeight
    {
        int height;
        uint key;
    };
    Layout layout(const QModelIndex &index, int width) const;
    static QString bodyText(const QModelIndex &index);

    int m_width = 600;
    mutable QHash<QString, CachedHeight> m_heights;
};

} // namespace Natter::Client
