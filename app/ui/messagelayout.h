#pragma once

#include "data/message.h"

#include <QHash>
#include <QList>
#include <QModelIndex>
#include <QRect>
#include <QTextDocument>

#include <memory>

namespace Natter::Client {

namespace MessageMetrics {
inline constexpr int Margin = 16;
inline constexpr int Avatar = 36;
inline constexpr int ContentX = Margin + Avatar + 12;
inline constexpr int DayBandHeight = 36;
inline constexpr int IntroHeight = 72;
inline constexpr int GroupTopPadding = 10;
inline constexpr int RowBottomPadding = 3;
inline constexpr int RightGutter = 64;
inline constexpr int ChipHeight = 24;
inline constexpr int PreviewMaxWidth = 440;
inline constexpr int ImageMaxWidth = 360;
inline constexpr int ImageMaxHeight = 280;
inline constexpr int ImageMinSide = 48;
inline constexpr int FileCardWidth = 360;
inline constexpr int FileCardHeight = 60;
} // namespace MessageMetrics

// Where everything of one message row goes, computed once per message, content and width and then only
// painted: the Markdown body is a QTextDocument laid out here, so scrolling does no text layout.
struct MessageLayout
{
    struct Chip
    {
        QRect rect;
        QString emoji;
        int count = 0;
        bool me = false;
    };

    int intro = 0; // "start of the conversation" block at the top
    int dayBand = 0; // bottom of the day separator (includes intro)
    int header = 0; // author line
    QRect text; // the body (or the inline editor while editing)
    std::shared_ptr<QTextDocument> doc; // null while editing
    struct File
    {
        QRect rect;
        int index = 0; // into the message's attachments
        bool image = false; // shown inline from its thumbnail; else a file card
        QRect save; // "Save…" on a card
        QRect open; // "Open" on a card
    };

    QRect preview; // link preview card, empty when none
    QList<File> files;
    QList<Chip> chips;
    QRect addChip; // "+" after the chips, empty when there are no chips
    QRect thread; // "3 replies · last 10:42"
    QRect footer; // "Not sent. Click to retry."
    int height = 0;
};

// Builds and caches layouts. The key is the message (id or clientMsgId); the cached entry is reused while its
// content stamp and the width match.
class MessageLayoutCache
{
public:
    // The body as Markdown, with each line break kept (chat text is written line by line) outside code fences.
    static QString chatMarkdown(const QString &text);
    static QFont bodyFont();
    static QFont headerFont();
    static QFont smallFont();
    // "3 replies · last 10:42" (the time only when a reply was seen live).
    static QString threadLabel(const QModelIndex &index, int replies);

    const MessageLayout &layout(const QModelIndex &index, int width) const;
    void clear() { m_entries.clear(); }
    int size() const { return int(m_entries.size()); }
    void setShowThreads(bool show) { m_showThreads = show; }
    bool showThreads() const { return m_showThreads; }
    // Reserves HEIGHT pixels for an inline editor in place of the body of the row with KEY (empty: none).
    void setEditing(const QString &key, int height);
    QString editingKey() const { return m_editingKey; }

    static QString keyOf(const QModelIndex &index);
    // The inline size of an image of WIDTH×HEIGHT: within ImageMaxWidth×ImageMaxHeight (and the text width),
    // aspect ratio kept.
    static QSize imageSize(int width, int height, int maxWidth);
    // Layouts depend on the colours (the Markdown's link and code colours): a change drops them all.
    void setDark(bool dark);

private:
    MessageLayout build(const QModelIndex &index, const Message &m, int width) const;
    struct Entry
    {
        size_t stamp;
        int width;
        MessageLayout layout;
    };
    mutable QHash<QString, Entry> m_entries;
    bool m_showThreads = true;
    bool m_dark = false;
    QString m_editingKey;
    int m_editorHeight = 0;
};

} // namespace Natter::Client
