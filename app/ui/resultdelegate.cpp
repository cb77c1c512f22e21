#include "resultdelegate.h"
#include "models/searchmodel.h"

#include <QAbstractItemView>
#include <QLocale>
#include <QPainter>
#include <QTextDocument>

namespace Natter::Client {

namespace {
constexpr int Pad = 10;
constexpr int MaxTextHeight = 80;

QString headerOf(const QModelIndex &index)
{
    const QDateTime at = index.data(SearchModel::CreatedAtRole).toDateTime().toLocalTime();
    QStringList parts { index.data(SearchModel::AuthorNameRole).toString() };
    const QString channel = index.data(SearchModel::ChannelNameRole).toString();
    if (!channel.isEmpty()) parts.append(channel);
    if (at.isValid()) {
        QString time = QLocale().timeFormat(QLocale::ShortFormat);
        time.remove(u":ss"_qs);
        parts.append(QLocale().toString(at.date(), QLocale::ShortFormat) + u' ' + QLocale().toString(at.time(), time));
    }
    return parts.join(u"  ·  "_qs);
}

void prepare(QTextDocument &doc, const QStyleOptionViewItem &option, const QModelIndex &index, int width)
{
    doc.setDefaultFont(option.font);
    doc.setDocumentMargin(0);
    doc.setHtml(index.data(SearchModel::HighlightedTextRole).toString());
    doc.setTextWidth(width);
}

int widthOf(const QStyleOptionViewItem &option)
{
    const auto *view = qobject_cast<const QAbstractItemView *>(option.widget);
    return std::max(120, (view ? view->viewport()->width() : option.rect.width()) - 2 * Pad);
}
}

void ResultDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QRect r = option.rect;
    painter->save();
    if (option.state & (QStyle::State_MouseOver | QStyle::State_Selected)) painter->fillRect(r, QColor(0xf3f4f6));
    painter->setPen(QColor(0xe5e7eb));
    painter->drawLine(r.left() + Pad, r.bottom(), r.right() - Pad, r.bottom());
    QFont small = option.font;
    small.setPointSizeF(small.pointSizeF() * 0.9);
    painter->setFont(small);
    painter->setPen(QColor(0x6b7280));
    const QFontMetrics fm(small);
    painter->drawText(QRect(r.left() + Pad, r.top() + Pad, r.width() - 2 * Pad, fm.height()), Qt::AlignLeft,
        fm.elidedText(headerOf(index), Qt::ElideRight, r.width() - 2 * Pad));
    QTextDocument doc;
    prepare(doc, option, index, r.width() - 2 * Pad);
    painter->translate(r.left() + Pad, r.top() + Pad + fm.height() + 4);
    painter->setClipRect(QRect(0, 0, r.width() - 2 * Pad, MaxTextHeight));
    doc.drawContents(painter);
    painter->restore();
}

QSize ResultDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QTextDocument doc;
    const int width = widthOf(option);
    prepare(doc, option, index, width);
    QFont small = option.font;
    small.setPointSizeF(small.pointSizeF() * 0.9);
    const int textHeight = std::min(MaxTextHeight, int(doc.size().height()));
    return { width, Pad + QFontMetrics(small).height() + 4 + textHeight + Pad };
}

} // namespace Natter::Client
