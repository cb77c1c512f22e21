#include "messagedelegate.h"
#include "chatpalette.h"
#include "media/medialoader.h"
#include "media/uploadclient.h"
#include "messagemarkspainter.h"
#include "models/messagelistmodel.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QIcon>
#include <QMimeDatabase>
#include <QPainter>
#include <QPainterPath>
#include <QStyle>
#include <QUrl>

namespace Natter::Client {

using namespace MessageMetrics;

namespace {
// Pictures larger than this are shown from their thumbnail even on high-DPI screens (not downloaded whole).
constexpr qint64 HiDpiSourceMaxBytes = 12 * 1024 * 1024;
}

namespace {
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

void MessageDelegate::setMediaLoader(MediaLoader *media)
{
    if (m_media) m_media->disconnect(this);
    m_media = media;
    if (!media) return;
    connect(media, &MediaLoader::imageReady, this, &MessageDelegate::repaintNeeded);
    connect(media, &MediaLoader::imageFailed, this, &MessageDelegate::repaintNeeded);
    connect(media, &MediaLoader::downloadProgressChanged, this, &MessageDelegate::repaintNeeded);
    connect(media, &MediaLoader::downloadFinished, this, &MessageDelegate::repaintNeeded);
    connect(media, &MediaLoader::downloadFailed, this, &MessageDelegate::repaintNeeded);
}

void MessageDelegate::setWidth(int width)
{
    if (width == m_width) return;
    m_width = width;
    m_cache.clear();
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const_cast<MessageLayoutCache &>(m_cache).setDark(ChatPalette::isDark(option.palette));
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
    for (const MessageLayout::File &f : l.files) {
        if (f.image && f.rect.contains(p)) return { Hit::Image, {}, f.index };
        if (f.save.contains(p)) return { Hit::FileSave, {}, f.index };
        if (f.open.contains(p)) return { Hit::FileOpen, {}, f.index };
    }
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
    const_cast<MessageLayoutCache &>(m_cache).setDark(ChatPalette::isDark(option.palette));
    const MessageLayout &l = m_cache.layout(index, option.rect.width());
    const Message m = index.data(MessageListModel::MessageRole).value<Message>();
    const QRect r = option.rect;
    const QPalette &pal = option.palette;
    const ChatPalette colours = ChatPalette::of(pal);
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
        painter->setPen(colours.muted);
        painter->drawText(x, r.top() + 18 + QFontMetrics(title).height() + 6 + QFontMetrics(small).ascent(),
            tr("Everything written here since the channel was created is below."));
    }
    if (l.dayBand > l.intro) {
        const QRect band(r.left(), r.top() + l.intro, r.width(), l.dayBand - l.intro);
        const QFont small = MessageLayoutCache::smallFont();
        painter->setFont(small);
        const QString label = dayLabel(timeFromWire(m.createdAt).toLocalTime().date());
        const int labelWidth = QFontMetrics(small).horizontalAdvance(label) + 24;
        painter->setPen(colours.border);
        painter->drawLine(band.left() + Margin, band.center().y(), band.right() - Margin, band.center().y());
        const QRect pill(band.center().x() - labelWidth / 2, band.center().y() - 11, labelWidth, 22);
        painter->setBrush(pal.color(QPalette::Base));
        painter->drawRoundedRect(pill, 11, 11);
        painter->setPen(colours.muted);
        painter->drawText(pill, Qt::AlignCenter, label);
    }

    const int top = r.top() + l.dayBand;
    const QRect content(r.left(), top, r.width(), r.height() - l.dayBand);
    if (option.state & QStyle::State_Selected)
        painter->fillRect(content, colours.rowSelected);
    else if (option.state & QStyle::State_MouseOver)
        painter->fillRect(content, colours.rowHover);
    if (index.data(MessageListModel::PinnedRole).toBool()) {
        painter->fillRect(QRect(r.left(), top, 3, content.height()), colours.pinned);
        painter->setFont(MessageLayoutCache::smallFont());
        painter->setPen(colours.pinnedText);
        painter->drawText(QRect(r.right() - RightGutter - Margin, top + 2, RightGutter + Margin - 6, 20),
            Qt::AlignRight | Qt::AlignTop, tr("📌 Pinned"));
    }
    MessageMarksPainter::paintBackground(painter, content, index);

    const QString author = index.data(MessageListModel::AuthorNameRole).toString();
    if (index.data(MessageListModel::GroupStartRole).toBool()) {
        const QRect avatar(r.left() + Margin, top + GroupTopPadding, Avatar, Avatar);
        painter->setPen(Qt::NoPen);
        painter->setBrush(colours.avatar(m.author.id.toString()));
        painter->drawRoundedRect(avatar, 8, 8);
        QFont initialFont = MessageLayoutCache::headerFont();
        initialFont.setPointSizeF(initialFont.pointSizeF() * 1.1);
        painter->setFont(initialFont);
        painter->setPen(colours.onAccent);
        painter->drawText(avatar, Qt::AlignCenter, author.left(1).toUpper());

        const QFont header = MessageLayoutCache::headerFont();
        painter->setFont(header);
        painter->setPen(pal.color(QPalette::Text));
        const QFontMetrics hfm(header);
        const int baseline = top + GroupTopPadding + hfm.ascent();
        painter->drawText(r.left() + ContentX, baseline, author);
        painter->setFont(MessageLayoutCache::smallFont());
        painter->setPen(colours.muted);
        // Hours and minutes whatever the locale's short format says; seconds are noise in a chat.
        QString format = QLocale().timeFormat(QLocale::ShortFormat);
        format.remove(u":ss"_qs);
        const QString time = QLocale().toString(timeFromWire(m.createdAt).toLocalTime().time(), format);
        painter->drawText(r.left() + ContentX + hfm.horizontalAdvance(author) + 8, baseline, time);
    }

    if (l.doc) {
        painter->save();
        // Glyphs can reach far outside their line (stacked combining marks, tall fonts): never over other
        // rows.
        painter->setClipRect(r, Qt::IntersectClip);
        painter->translate(l.text.translated(r.topLeft()).topLeft());
        QAbstractTextDocumentLayout::PaintContext ctx;
        ctx.palette = pal;
        ctx.palette.setColor(QPalette::Text, m.state == SendState::Sent ? pal.color(QPalette::Text) : colours.muted);
        ctx.palette.setColor(QPalette::Link, colours.link);
        l.doc->documentLayout()->draw(painter, ctx);
        painter->restore();
    }
    if (!l.files.isEmpty()) paintFiles(painter, m, l, r.topLeft(), colours);
    if (!l.preview.isEmpty()) paintPreview(painter, m, l.preview.translated(r.topLeft()), colours);
    if (!l.chips.isEmpty()) paintChips(painter, l, r.topLeft(), colours);
    if (!l.thread.isEmpty()) {
        painter->setFont(MessageLayoutCache::smallFont());
        painter->setPen(colours.link);
        painter->drawText(l.thread.translated(r.topLeft()), Qt::AlignLeft | Qt::AlignVCenter,
            MessageLayoutCache::threadLabel(index, m.replyCount));
    }
    if (m.state == SendState::Failed) {
        painter->setFont(MessageLayoutCache::smallFont());
        painter->setPen(colours.danger);
        painter->drawText(l.footer.translated(r.topLeft()), Qt::AlignLeft | Qt::AlignVCenter, tr("Not sent. Click to retry."));
    } else if (m.state == SendState::Sending) {
        const QFont small = MessageLayoutCache::smallFont();
        painter->setFont(small);
        painter->setPen(colours.muted);
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

void MessageDelegate::paintPreview(
    QPainter *painter, const Message &m, const QRect &card, const ChatPalette &colours) const
{
    painter->setPen(Qt::NoPen);
    painter->setBrush(colours.card);
    painter->drawRoundedRect(card, 6, 6);
    painter->fillRect(QRect(card.left(), card.top(), 3, card.height()), colours.cardStripe);
    const QFont small = MessageLayoutCache::smallFont(), header = MessageLayoutCache::headerFont(),
                body = MessageLayoutCache::bodyFont();
    const int x = card.left() + 12, w = card.width() - 20;
    int y = card.top() + 8;
    painter->setFont(small);
    painter->setPen(colours.muted);
    painter->drawText(QRect(x, y, w, QFontMetrics(small).height()), Qt::AlignLeft, siteOf(m.preview->url));
    y += QFontMetrics(small).height() + 2;
    if (!m.preview->title.isEmpty()) {
        painter->setFont(header);
        painter->setPen(colours.link);
        painter->drawText(QRect(x, y, w, QFontMetrics(header).height()), Qt::AlignLeft,
            QFontMetrics(header).elidedText(m.preview->title, Qt::ElideRight, w));
        y += QFontMetrics(header).height() + 2;
    }
    if (!m.preview->description.isEmpty()) {
        painter->setFont(body);
        painter->setPen(colours.cardText);
        painter->drawText(QRect(x, y, w, card.bottom() - 8 - y), Qt::TextWordWrap, m.preview->description);
    }
}

void MessageDelegate::paintChips(
    QPainter *painter, const MessageLayout &l, const QPoint &origin, const ChatPalette &colours) const
{
    painter->setFont(MessageLayoutCache::bodyFont());
    for (const MessageLayout::Chip &chip : l.chips) {
        const QRect rect = chip.rect.translated(origin);
        painter->setPen(chip.me ? colours.chipMeBorder : colours.chipBorder);
        painter->setBrush(chip.me ? colours.chipMe : colours.chip);
        painter->drawRoundedRect(rect.adjusted(0, 0, -1, -1), ChipHeight / 2, ChipHeight / 2);
        painter->setPen(chip.me ? colours.chipMeText : colours.chipText);
        painter->drawText(rect, Qt::AlignCenter, chip.emoji + u"  "_qs + QString::number(chip.count));
    }
    const QRect add = l.addChip.translated(origin);
    painter->setPen(colours.chipBorder);
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(add.adjusted(0, 0, -1, -1), ChipHeight / 2, ChipHeight / 2);
    painter->setPen(colours.muted);
    painter->drawText(add, Qt::AlignCenter, tr("+☺"));
}

void MessageDelegate::paintFiles(QPainter *painter, const Message &m, const MessageLayout &l, const QPoint &origin,
    const ChatPalette &colours) const
{
    const QFont small = MessageLayoutCache::smallFont();
    const QFontMetrics sfm(small);
    for (const MessageLayout::File &f : l.files) {
        const Wire::Attachment &a = m.attachments.at(f.index);
        const QRect rect = f.rect.translated(origin);
        if (f.image) {
            QImage img = m_media ? m_media->image(a.thumbnailUrl) : QImage();
            // The server's thumbnails are 320 px on their long side: enough for the box at 100 %, blurry at 150
            // and 200 %. There the picture itself is fetched and decoded at the box's size in device pixels,
            // and the thumbnail stands in until it is ready.
            const qreal dpr = painter->device() ? painter->device()->devicePixelRatio() : 1.0;
            const QSize device = (QSizeF(rect.size()) * dpr).toSize();
            if (!img.isNull() && !a.url.isEmpty() && a.size <= HiDpiSourceMaxBytes && a.width > img.width()
                && device.width() * 4 > img.width() * 5) {
                const QImage sharp = m_media->image(a.url, device);
                if (!sharp.isNull()) img = sharp;
            }
            if (!img.isNull()) {
                painter->save();
                painter->setRenderHint(QPainter::SmoothPixmapTransform);
                QPainterPath clip;
                clip.addRoundedRect(rect, 6, 6);
                painter->setClipPath(clip, Qt::IntersectClip);
                painter->drawImage(rect, img);
                painter->restore();
                continue;
            }
            painter->setPen(Qt::NoPen);
            painter->setBrush(colours.imagePlaceholder);
            painter->drawRoundedRect(rect, 6, 6);
            const MediaLoader::Status status = m_media ? m_media->status(a.thumbnailUrl) : MediaLoader::Status::Unknown;
            const QString text = status == MediaLoader::Status::Loading || status == MediaLoader::Status::Unknown
                ? a.name
                : mediaStatusText(status);
            painter->setFont(small);
            painter->setPen(status == MediaLoader::Status::Missing || status == MediaLoader::Status::Forbidden
                    ? colours.danger
                    : colours.muted);
            painter->drawText(rect.adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap, text);
            continue;
        }
        // A file card: icon by type, name, size, Save… and Open, a progress bar while it downloads.
        painter->setPen(colours.chipBorder);
        painter->setBrush(colours.card);
        painter->drawRoundedRect(rect.adjusted(0, 0, -1, -1), 6, 6);
        const QMimeType mime = QMimeDatabase().mimeTypeForName(a.mime);
        QIcon icon = QIcon::fromTheme(mime.iconName(), QIcon::fromTheme(mime.genericIconName()));
        if (icon.isNull()) icon = QApplication::style()->standardIcon(QStyle::SP_FileIcon);
        const QRect iconRect(rect.left() + 10, rect.top() + (rect.height() - 32) / 2, 32, 32);
        icon.paint(painter, iconRect);
        const int x = iconRect.right() + 10;
        const QRect save = f.save.translated(origin), open = f.open.translated(origin);
        const QFont header = MessageLayoutCache::headerFont();
        painter->setFont(header);
        painter->setPen(colours.text);
        const int nameW = save.left() - 6 - x;
        painter->drawText(QRect(x, rect.top() + 8, nameW, QFontMetrics(header).height()), Qt::AlignLeft | Qt::AlignVCenter,
            QFontMetrics(header).elidedText(a.name, Qt::ElideMiddle, nameW));
        painter->setFont(small);
        const MediaLoader::Status status = m_media ? m_media->status(a.url) : MediaLoader::Status::Unknown;
        const bool gone = status == MediaLoader::Status::Missing || status == MediaLoader::Status::Forbidden;
        const QString detail = gone ? mediaStatusText(status)
                                    : UploadClient::formatSize(a.size) + u" · "_qs
                + (mime.isValid() && !mime.comment().isEmpty() ? mime.comment() : a.mime);
        painter->setPen(gone ? colours.danger : colours.muted);
        const int detailY = rect.top() + 8 + QFontMetrics(header).height() + 2;
        painter->drawText(QRect(x, detailY, rect.right() - 10 - x, sfm.height()), Qt::AlignLeft | Qt::AlignVCenter,
            sfm.elidedText(detail, Qt::ElideRight, rect.right() - 10 - x));
        if (!gone) {
            painter->setPen(colours.link);
            painter->drawText(save, Qt::AlignCenter, tr("Save…"));
            painter->drawText(open, Qt::AlignCenter, tr("Open"));
        }
        const double progress = m_media ? m_media->downloadProgress(a.url) : -1.0;
        if (progress >= 0.0) {
            const QRect track(x, rect.bottom() - 9, rect.right() - 10 - x, 4);
            painter->setPen(Qt::NoPen);
            painter->setBrush(colours.progressTrack);
            painter->drawRoundedRect(track, 2, 2);
            painter->setBrush(colours.accent);
            painter->drawRoundedRect(QRect(track.left(), track.top(), int(track.width() * progress), 4), 2, 2);
        }
    }
}

} // namespace Natter::Client
