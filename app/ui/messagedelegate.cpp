#include "messagedelegate.h"
#include "messagemarkspainter.h"
#include "models/messagelistmodel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace Natter::Client {

namespace {
constexpr int Margin = 16;
constexpr int Avatar = 36;
constexpr int ContentX = Margin + Avatar + 12;
constexpr int DayBandHeight = 36;
constexpr int IntroHeight = 72;
constexpr int GroupTopPadding = 10;
constexpr int RowBottomPadding = 3;
constexpr int RightGutter = 64;

QFont bodyFont()
{
    QFont f = QApplication::font();
    f.setPointSizeF(f.pointSizeF() * 1.05);
    return f;
}

QFont headerFont()
{
    QFont f = bodyFont();
    f.setBold(true);
    return f;
}

QFont smallFont()
{
    QFont f = QApplication::font();
    f.setPointSizeF(f.pointSizeF() * 0.85);
    return f;
}

QColor avatarColor(const QString &authorId)
{
    static const QColor palette[] = { QColor(0x3b82f6), QColor(0x10b981), QColor(0xf59e0b), QColor(0xef4444),
        QColor(0x8b5cf6), QColor(0x14b8a6), QColor(0xec4899), QColor(0x6366f1) };
    // FNV-1a rather than qHash, whose seed changes per process: a person keeps their colour across runs.
    quint32 h = 2166136261u;
    for (const QChar ch : authorId)
        h = (h ^ ch.unicode()) * 16777619u;
    return palette[h % (sizeof(palette) / sizeof(palette[0]))];
}

QString dayLabel(const QDate &day)
{
    const QDate today = QDate::currentDate();
    if (day == today) return MessageDelegate::tr("Today");
    if (day == today.addDays(-1)) return MessageDelegate::tr("Yesterday");
    return QLocale().toString(day, QLocale::LongFormat);
}
}

MessageDelegate::MessageDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

void MessageDelegate::setWidth(int width)
{
    if (width == m_width) return;
    m_width = width;
    m_heights.clear();
}

QString MessageDelegate::bodyText(const QModelIndex &index)
{
    if (index.data(MessageListModel::DeletedRole).toBool()) return tr("This message was deleted.");
    return index.data(MessageListModel::TextRole).toString();
}

MessageDelegate::Layout MessageDelegate::layout(const QModelIndex &index, int width) const
{
    Layout l;
    const bool groupStart = index.data(MessageListModel::GroupStartRole).toBool();
    if (index.data(MessageListModel::ChannelStartRole).toBool()) l.intro = IntroHeight;
    if (index.data(MessageListModel::DayStartRole).toBool())
        l.dayBand = l.intro + DayBandHeight;
    else
        l.dayBand = l.intro;
    if (groupStart)
        l.header = GroupTopPadding + QFontMetrics(headerFont()).height() + 2;
    else
        l.header = 2;
    // The right gutter holds the "sending…" mark, so text never runs under it.
    const int textWidth = std::max(40, width - ContentX - Margin - RightGutter);
    const QRect bounds
        = QFontMetrics(bodyFont())
              .boundingRect(QRect(0, 0, textWidth, 1 << 20), Qt::TextWordWrap, bodyText(index));
    l.text = QRect(ContentX, l.dayBand + l.header, textWidth,
        std::max(bounds.height(), QFontMetrics(bodyFont()).height()));
    if (index.data(MessageListModel::SendStateRole).toInt() == int(SendState::Failed))
        l.footer = QFontMetrics(smallFont()).height() + 2;
    l.height = l.text.bottom() + 1 + l.footer + RowBottomPadding;
    if (groupStart) l.height = std::max(l.height, l.dayBand + GroupTopPadding + Avatar + RowBottomPadding);
    return l;
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &, const QModelIndex &index) const
{
    QString key = index.data(MessageListModel::IdRole).toString();
    if (key.isEmpty()) key = u"local:"_qs + index.data(MessageListModel::ClientMsgIdRole).toString();
    // The height depends on the text and on the header/day/failed flags, all of which can change for one
    // message.
    const uint stamp = qHash(index.data(MessageListModel::TextRole).toString())
        ^ (index.data(MessageListModel::GroupStartRole).toBool() ? 0x1u : 0u)
        ^ (index.data(MessageListModel::DayStartRole).toBool() ? 0x2u : 0u)
        ^ (index.data(MessageListModel::ChannelStartRole).toBool() ? 0x40000u : 0u)
        ^ (index.data(MessageListModel::DeletedRole).toBool() ? 0x4u : 0u)
        ^ (uint(index.data(MessageListModel::SendStateRole).toInt()) << 3);
    const auto it = m_heights.constFind(key);
    if (it != m_heights.cend() && it->key == stamp) return { m_width, it->height };
    if (m_heights.size() > 20000) m_heights.clear();
    const int height = layout(index, m_width).height;
    m_heights.insert(key, { height, stamp });
    return { m_width, height };
}

bool MessageDelegate::isRetryArea(const QRect &rowRect, const QPoint &pos)
{
    return rowRect.contains(pos) && pos.x() >= rowRect.left() + ContentX;
}

void MessageDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const Layout l = layout(index, option.rect.width());
    const QRect r = option.rect;
    const QPalette &pal = option.palette;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setClipRect(r);
    const QColor muted(0x6b7280);

    if (l.intro) {
        QFont title = headerFont();
        title.setPointSizeF(title.pointSizeF() * 1.15);
        painter->setFont(title);
        painter->setPen(pal.color(QPalette::Text));
        const int x = r.left() + Margin;
        painter->drawText(
            x, r.top() + 18 + QFontMetrics(title).ascent(), tr("This is the start of the conversation."));
        painter->setFont(smallFont());
        painter->setPen(muted);
        painter->drawText(x,
            r.top() + 18 + QFontMetrics(title).height() + 6 + QFontMetrics(smallFont()).ascent(),
            tr("Everything written here since the channel was created is below."));
    }
    if (l.dayBand > l.intro) {
        const QRect band(r.left(), r.top() + l.intro, r.width(), l.dayBand - l.intro);
        painter->setFont(smallFont());
        const QString label
            = dayLabel(index.data(MessageListModel::CreatedAtRole).toDateTime().toLocalTime().date());
        const int labelWidth = QFontMetrics(smallFont()).horizontalAdvance(label) + 24;
        painter->setPen(QColor(0xe5e7eb));
        painter->drawLine(band.left() + Margin, band.center().y(), band.right() - Margin, band.center().y());
        const QRect pill(band.center().x() - labelWidth / 2, band.center().y() - 11, labelWidth, 22);
        painter->setBrush(pal.color(QPalette::Base));
        painter->drawRoundedRect(pill, 11, 11);
        painter->setPen(muted);
        painter->drawText(pill, Qt::AlignCenter, label);
    }

    const int top = r.top() + l.dayBand;
    if (option.state & QStyle::State_MouseOver)
        painter->fillRect(QRect(r.left(), top, r.width(), r.height() - l.dayBand), QColor(0xf6f7f9));
    MessageMarksPainter::paintBackground(painter, QRect(r.left(), top, r.width(), r.height() - l.dayBand), index);

    const auto state = SendState(index.data(MessageListModel::SendStateRole).toInt());
    const QString author = index.data(MessageListModel::AuthorNameRole).toString();
    if (index.data(MessageListModel::GroupStartRole).toBool()) {
        const QRect avatar(r.left() + Margin, top + GroupTopPadding, Avatar, Avatar);
        painter->setPen(Qt::NoPen);
        painter->setBrush(avatarColor(index.data(MessageListModel::AuthorIdRole).toString()));
        painter->drawRoundedRect(avatar, 8, 8);
        QFont initialFont = headerFont();
        initialFont.setPointSizeF(initialFont.pointSizeF() * 1.1);
        painter->setFont(initialFont);
        painter->setPen(Qt::white);
        painter->drawText(avatar, Qt::AlignCenter, author.left(1).toUpper());

        painter->setFont(headerFont());
        painter->setPen(pal.color(QPalette::Text));
        const QFontMetrics hfm(headerFont());
        const int baseline = top + GroupTopPadding + hfm.ascent();
        painter->drawText(r.left() + ContentX, baseline, author);
        painter->setFont(smallFont());
        painter->setPen(muted);
        const QDateTime at = index.data(MessageListModel::CreatedAtRole).toDateTime().toLocalTime();
        // Hours and minutes whatever the locale's short format says; seconds are noise in a chat.
        QString format = QLocale().timeFormat(QLocale::ShortFormat);
        format.remove(u":ss"_qs);
        QString time = QLocale().toString(at.time(), format);
        if (index.data(MessageListModel::EditedRole).toBool()) time += u"  "_qs + tr("(edited)");
        painter->drawText(r.left() + ContentX + hfm.horizontalAdvance(author) + 8, baseline, time);
    }

    QFont body = bodyFont();
    const bool deleted = index.data(MessageListModel::DeletedRole).toBool();
    body.setItalic(deleted);
    painter->setFont(body);
    painter->setPen(state == SendState::Sent && !deleted ? pal.color(QPalette::Text) : muted);
    painter->drawText(l.text.translated(r.topLeft()), Qt::TextWordWrap, bodyText(index));

    if (state == SendState::Failed) {
        painter->setFont(smallFont());
        painter->setPen(QColor(0xdc2626));
        painter->drawText(QRect(r.left() + ContentX, r.top() + l.text.bottom() + 2, l.text.width(), l.footer),
            Qt::AlignLeft | Qt::AlignVCenter, tr("Not sent. Click to retry."));
    } else if (state == SendState::Sending) {
        painter->setFont(smallFont());
        painter->setPen(muted);
        const QString sending = tr("sending…");
        const int w = QFontMetrics(smallFont()).horizontalAdvance(sending);
        painter->drawText(QRect(r.right() - Margin - w, r.top() + l.text.top(), w, l.text.height()),
            Qt::AlignRight | Qt::AlignTop, sending);
    }
    const bool groupStart = index.data(MessageListModel::GroupStartRole).toBool();
    MessageMarksPainter::paintOverlay(painter, r,
        groupStart ? QRect(r.left() + Margin, top + GroupTopPadding, Avatar, Avatar) : QRect(), r.right() - Margin,
        r.top() + l.text.top(), index);
    painter->restore();
}

} // namespace Natter::Client
