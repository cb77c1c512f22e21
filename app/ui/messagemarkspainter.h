#pragma once

#include <QRect>

class QModelIndex;
class QPainter;

namespace Natter::Client {

// Paints the marks of a message row (models/messagemarks.h) on top of what MessageDelegate paints: the tint of
// a mention of the reader or of a message opened from search, the "unread messages" divider, the presence dot
// on the author's avatar and "Sent" / "Read by N" under the reader's own messages.
class MessageMarksPainter
{
public:
    // Before the text: ROW is the message part of the row (below any day separator).
    static void paintBackground(QPainter *painter, const QRect &row, const QModelIndex &index);
    // After everything: RECT is the whole row, AVATAR the avatar's rectangle (empty when the row has none),
    // RIGHT the x where right-aligned text ends and TEXTTOP the top of the text line.
    static void paintOverlay(
        QPainter *painter, const QRect &rect, const QRect &avatar, int right, int textTop, const QModelIndex &index);
};

} // namespace Natter::Client
