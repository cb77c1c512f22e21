#pragma once

#include "media/medialoader.h"
#include "messagelayout.h"

#include <QPointer>
#include <QStyledItemDelegate>

namespace Natter::Client {


struct ChatPalette;

// Paints one message row: a day separator when the day changes, author and time at the start of a block of
// consecutive messages, the Markdown body (or a tombstone), the link preview card, reaction chips, the thread
// summary and the send state. Layouts (text documents included) are cached per message and width
// (MessageLayoutCache), so scrolling only paints.
class MessageDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    // What a point of a row is: for clicks, tooltips and the cursor.
    struct Hit
    {
        enum Kind { None, Retry, Reaction, AddReaction, Thread, Link, Preview, Image, FileSave, FileOpen };
        Kind kind = None;
        QString value; // the emoji or the URL
        int attachment = -1; // Image, FileSave, FileOpen: the index into the message's attachments
    };

    explicit MessageDelegate(QObject *parent = nullptr);

    // Where thumbnails come from and downloads are tracked (not owned; may be null: files show as cards
    // without pictures).
    void setMediaLoader(MediaLoader *media);
    MediaLoader *mediaLoader() const { return m_media; }

    void paint(
        QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The width rows are laid out for; a change drops every cached layout.
    void setWidth(int width);
    int width() const { return m_width; }
    void clearCache() { m_cache.clear(); }
    int cachedHeights() const { return m_cache.size(); }
    MessageLayoutCache &layouts() { return m_cache; }
    // Whether the rows show "N replies" under thread roots (not inside a thread panel).
    void setShowThreads(bool show) { m_cache.setShowThreads(show); }

    // What POS (viewport coordinates) hits in the row INDEX drawn at ROWRECT.
    Hit hitTest(const QModelIndex &index, const QRect &rowRect, const QPoint &pos) const;
    // Where the body of INDEX is drawn inside ROWRECT (the inline editor goes there).
    QRect bodyRect(const QModelIndex &index, const QRect &rowRect) const;
    // The top of the message itself (below the day separator) inside ROWRECT.
    int contentTop(const QModelIndex &index, const QRect &rowRect) const;
    // Whether POS (in the row's coordinates) hits the retry link of a failed message.
    static bool isRetryArea(const QRect &rowRect, const QPoint &pos);

signals:
    // A thumbnail arrived or a download moved on: the view repaints.
    void repaintNeeded();

private:
    void paintFiles(QPainter *painter, const Message &m, const MessageLayout &l, const QPoint &origin,
        const ChatPalette &colours) const;
    void paintPreview(QPainter *painter, const Message &m, const QRect &card, const ChatPalette &colours) const;
    void paintChips(QPainter *painter, const MessageLayout &l, const QPoint &origin, const ChatPalette &colours) const;

    int m_width = 600;
    QPointer<MediaLoader> m_media;
    MessageLayoutCache m_cache;
};

} // namespace Natter::Client
