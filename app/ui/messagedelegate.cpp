#include "messagedelegate.h"
#include "messagemarkspainter.h"
#include "models/messagelistmodel.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QPainter>
#include <QUrl>

namespace Natter::Client {

using namespace MessageMetrics;

namespace {
const QColor Muted(0x6b7280);
const QColor LinkColor(0x2563eb);

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

QString siteOf(const QString &url)
{
    QString host = QUrl(url).host();
    if (host.startsWith(u"www.")) host = host.mid(4);
    return host;
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
    m_cache.clear();
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &, const QModelIndex &index) const
{
    return { m_width, m_cache.layout(index, m_width).height };
}

QRect MessageDelegate::bodyRect(const QModelIndex &index, const QRect &rowRect) const
{
    return m_cache.layout(index, rowRect.width()).text.translated(rowRect.topLeft());
}

int MessageDelegate::contentTop(const QModelIndex &index, const QRect &rowRect) const
{
    return rowRect.top() + m_cache.layout(index, rowRect.width()).dayBand;
}

bool MessageDelegate::isRetryArea(const QRect &rowRect, const QPoint &pos)
{
    return rowRect.contains(pos) && pos.x() >= rowRect.left() + ContentX;
}

MessageDelegate::Hit MessageDelegate::hitTest(const QModelIndex &index, const QRect &rowRect, const QPoint &pos) const
{
    const MessageLayout &l = m_cache.layout(index, rowRect.width());
    const QPoint p = pos - rowRect.topLeft();
    for (const MessageLayout::Chip &chip : l.chips)
        if (chip.rect.contains(p)) return { Hit::Reaction, chip.emoji };
    if (l.addChip.contains(p)) return { Hit::AddReaction, {} };
    if (l.thread.contains(p)) return { Hit::Thread, {} };
    if (!l.footer.isEmpty() && l.footer.contains(p)) return { Hit::Retry, {} };
    const Message m = index.data(MessageListModel::MessageRole).value<Message>();
    if (l.preview.contains(p) && m.preview) return { Hit::Preview, m.preview->url };
    if (l.doc && l.text.contains(p)) {
        const QString anchor = l.doc->documentLayout()->anchorAt(p - l.text.topLeft());
        if (!anchor.isEmpty()) return { Hit::Link, anchor };
    }
    return {};
}

void MessageDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const MessageLayout &l = m_cache.layout(index, option.rect.width());
    const Message m = index.data(MessageListModel::MessageRole).value<Message>();
    const QRect r = option.rect;
    const QPalette &pal = option.palette;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setClipRect(r);

    if (l.intro) {
        QFont title = MessageLayoutCache::headerFont();
        title.setPointSizeF(title.pointSizeF() * 1.15);
        painter->setFont(title);
        painter->setPen(pal.color(QPalette::Text));
        const int x = r.left() + Margin;
        painter->drawText(x, r.top() + 18 + QFontMetrics(title).ascent(), tr("This is the start of the conversation."));
        const QFont small = MessageLayoutCache::smallFont();
        painter->setFont(small);
        painter->setPen(Muted);
        painter->drawText(x, r.top() + 18 + QFontMetrics(title).height() + 6 + QFontMetrics(small).ascent(),
            tr("Everything written here since the channel was created is below."));
    }
    if (l.dayBand > l.intro) {
        const QRect band(r.left(), r.top() + l.intro, r.width(), l.dayBand - l.intro);
        const QFont small = MessageLayoutCache::smallFont();
        painter->setFont(small);
        const QString label = dayLabel(timeFromWire(m.createdAt).toLocalTime().date());
        const int labelWidth = QFontMetrics(small).horizontalAdvance(label) + 24;
        painter->setPen(QColor(0xe5e7eb));
        painter->drawLine(band.left() + Margin, band.center().y(), band.right() - Margin, band.center().y());
        const QRect pill(band.center().x() - labelWidth / 2, band.center().y() - 11, labelWidth, 22);
        painter->setBrush(pal.color(QPalette::Base));
        painter->drawRoundedRect(pill, 11, 11);
        painter->setPen(Muted);
        painter->drawText(pill, Qt::AlignCenter, label);
    }

    const int top = r.top() + l.dayBand;
    const QRect content(r.left(), top, r.width(), r.height() - l.dayBand);
    if (option.state & QStyle::State_Selected)
        painter->fillRect(content, QColor(0xeef2ff));
    else if (option.state & QStyle::State_MouseOver)
        painter->fillRect(content, QColor(0xf6f7f9));
    if (index.data(MessageListModel::PinnedRole).toBool()) {
        painter->fillRect(QRect(r.left(), top, 3, content.height()), QColor(0xf59e0b));
        painter->setFont(MessageLayoutCache::smallFont());
        painter->setPen(QColor(0xb45309));
        painter->drawText(QRect(r.right() - RightGutter - Margin, top + 2, RightGutter + Margin - 6, 20),
            Qt::AlignRight | Qt::AlignTop, tr("📌 Pinned"));
    }
    MessageMarksPainter::paintBackground(painter, content, index);

    const QString author = index.data(MessageListModel::AuthorNameRole).toString();
    if (index.data(MessageListModel::GroupStartRole).toBool()) {
        const QRect avatar(r.left() + Margin, top + GroupTopPadding, Avatar, Avatar);
        painter->setPen(Qt::NoPen);
        painter->setBrush(avatarColor(m.author.id.toString()));
        painter->drawRoundedRect(avatar, 8, 8);
        QFont initialFont = MessageLayoutCache::headerFont();
        initialFont.setPointSizeF(initialFont.pointSizeF() * 1.1);
        painter->setFont(initialFont);
        painter->setPen(Qt::white);
        painter->drawText(avatar, Qt::AlignCenter, author.left(1).toUpper());

        const QFont header = MessageLayoutCache::headerFont();
        painter->setFont(header);
        painter->setPen(pal.color(QPalette::Text));
        const QFontMetrics hfm(header);
        const int baseline = top + GroupTopPadding + hfm.ascent();
        painter->drawText(r.left() + ContentX, baseline, author);
        painter->setFont(MessageLayoutCache::smallFont());
        painter->setPen(Muted);
        // Hours and minutes whatever the locale's short format says; seconds are noise in a chat.
        QString format = QLocale().timeFormat(QLocale::ShortFormat);
        format.remove(u":ss"_qs);
        const QString time = QLocale().toString(timeFromWire(m.createdAt).toLocalTime().time(), format);
        painter->drawText(r.left() + ContentX + hfm.horizontalAdvance(author) + 8, baseline, time);
    }

    if (l.doc) {
        painter->save();
        painter->translate(l.text.translated(r.topLeft()).topLeft());
        QAbstractTextDocumentLayout::PaintContext ctx;
        ctx.palette = pal;
        ctx.palette.setColor(QPalette::Text, m.state == SendState::Sent ? pal.color(QPalette::Text) : Muted);
        ctx.palette.setColor(QPalette::Link, LinkColor);
        l.doc->documentLayout()->draw(painter, ctx);
        painter->restore();
    }
    if (!l.preview.isEmpty()) paintPreview(painter, m, l.preview.translated(r.topLeft()));
    if (!l.chips.isEmpty()) paintChips(painter, l, r.topLeft());
    if (!l.thread.isEmpty()) {
        painter->setFont(MessageLayoutCache::smallFont());
        painter->setPen(LinkColor);
        painter->drawText(l.thread.translated(r.topLeft()), Qt::AlignLeft | Qt::AlignVCenter,
            MessageLayoutCache::threadLabel(index, m.replyCount));
    }
    if (m.state == SendState::Failed) {
        painter->setFont(MessageLayoutCache::smallFont());
        painter->setPen(QColor(0xdc2626));
        painter->drawText(l.footer.translated(r.topLeft()), Qt::AlignLeft | Qt::AlignVCenter, tr("Not sent. Click to retry."));
    } else if (m.state == SendState::Sending) {
        const QFont small = MessageLayoutCache::smallFont();
        painter->setFont(small);
        painter->setPen(Muted);
        const QString sending = tr("sending…");
        const int w = QFontMetrics(small).horizontalAdvance(sending);
        painter->drawText(QRect(r.right() - Margin - w, r.top() + l.text.top(), w, l.text.height()),
            Qt::AlignRight | Qt::AlignTop, sending);
    }
    const bool groupStart = index.data(MessageListModel::GroupStartRole).toBool();
    MessageMarksPainter::paintOverlay(painter, r,
        groupStart ? QRect(r.left() + Margin, top + GroupTopPadding, Avatar, Avatar) : QRect(), r.right() - Margin,
        r.top() + l.text.top(), index);
    painter->restore();
}

void MessageDelegate::paintPreview(QPainter *painter, const Message &m, const QRect &card) const
{
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(0xf9fafb));
    painter->drawRoundedRect(card, 6, 6);
    painter->fillRect(QRect(card.left(), card.top(), 3, card.height()), QColor(0xd1d5db));
    const QFont small = MessageLayoutCache::smallFont(), header = MessageLayoutCache::headerFont(),
                body = MessageLayoutCache::bodyFont();
    const int x = card.left() + 12, w = card.width() - 20;
    int y = card.top() + 8;
    painter->setFont(small);
    painter->setPen(Muted);
    painter->drawText(QRect(x, y, w, QFontMetrics(small).height()), Qt::AlignLeft, siteOf(m.preview->url));
    y += QFontMetrics(small).height() + 2;
    if (!m.preview->title.isEmpty()) {
        painter->setFont(header);
        painter->setPen(LinkColor);
        painter->drawText(QRect(x, y, w, QFontMetrics(header).height()), Qt::AlignLeft,
            QFontMetrics(header).elidedText(m.preview->title, Qt::ElideRight, w));
        y += QFontMetrics(header).height() + 2;
    }
    if (!m.preview->description.isEmpty()) {
        painter->setFont(body);
        painter->setPen(QColor(0x374151));
        painter->drawText(QRect(x, y, w, card.bottom() - 8 - y), Qt::TextWordWrap, m.preview->description);
    }
}

void MessageDelegate::paintChips(QPainter *painter, const MessageLayout &l, const QPoint &origin) const
{
    painter->setFont(MessageLayoutCache::bodyFont());
    for (const MessageLayout::Chip &chip : l.chips) {
        const QRect rect = chip.rect.translated(origin);
        painter->setPen(chip.me ? QColor(0x2563eb) : QColor(0xe5e7eb));
        painter->setBrush(chip.me ? QColor(0xdbeafe) : QColor(0xf3f4f6));
        painter->drawRoundedRect(rect.adjusted(0, 0, -1, -1), ChipHeight / 2, ChipHeight / 2);
        painter->setPen(chip.me ? QColor(0x1d4ed8) : QColor(0x374151));
        painter->drawText(rect, Qt::AlignCenter, chip.emoji + u"  "_qs + QString::number(chip.count));
    }
    const QRect add = l.addChip.translated(origin);
    painter->setPen(QColor(0xe5e7eb));
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(add.adjusted(0, 0, -1, -1), ChipHeight / 2, ChipHeight / 2);
    painter->setPen(Muted);
    painter->drawText(add, Qt::AlignCenter, tr("+☺"));
}

} // namespace Natter::Client
