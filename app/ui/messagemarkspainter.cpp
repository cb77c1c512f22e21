#include "messagemarkspainter.h"
#include "chatpalette.h"
#include "models/messagelistmodel.h"

#include <QApplication>
#include <QCoreApplication>
#include <QPainter>

namespace Natter::Client {

namespace {
QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("Natter::Client::MessageMarksPainter", text, nullptr, n);
}
}

void MessageMarksPainter::paintBackground(QPainter *painter, const QRect &row, const QModelIndex &index)
{
    if (index.data(MessageListModel::HighlightRole).toBool()) {
        painter->fillRect(row, ChatPalette::current().mentionRow);
        painter->fillRect(QRect(row.left(), row.top(), 3, row.height()), ChatPalette::current().pinned);
    } else if (index.data(MessageListModel::MentionsMeRole).toBool()) {
        painter->fillRect(row, ChatPalette::current().highlightRow);
        painter->fillRect(QRect(row.left(), row.top(), 3, row.height()), ChatPalette::current().highlightBar);
    }
}

void MessageMarksPainter::paintOverlay(
    QPainter *painter, const QRect &rect, const QRect &avatar, int right, int textTop, const QModelIndex &index)
{
    QFont small = QApplication::font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    const QFontMetrics fm(small);
    painter->setFont(small);
    if (index.data(MessageListModel::UnreadDividerRole).toBool()) {
        const QString label = tr("New messages");
        const int w = fm.horizontalAdvance(label) + 12;
        const int y = rect.top() + 1;
        painter->setPen(QPen(ChatPalette::current().danger, 1));
        painter->drawLine(rect.left() + 16, y, rect.right() - 16 - w, y);
        painter->fillRect(QRect(rect.right() - 16 - w, y - 1, w, fm.height()), ChatPalette::current().danger);
        painter->setPen(ChatPalette::current().onAccent);
        painter->drawText(QRect(rect.right() - 16 - w, y - 1, w, fm.height()), Qt::AlignCenter, label);
    }
    if (!avatar.isEmpty() && index.data(MessageListModel::AuthorOnlineRole).toBool()) {
        const QRect dot(avatar.right() - 9, avatar.bottom() - 9, 12, 12);
        painter->setPen(QPen(ChatPalette::current().base, 2));
        painter->setBrush(ChatPalette::current().online);
        painter->drawEllipse(dot);
    }
    const QVariant readBy = index.data(MessageListModel::ReadByRole);
    if (readBy.isValid() && index.data(MessageListModel::SendStateRole).toInt() == int(SendState::Sent)) {
        const int n = int(readBy.toStringList().size());
        // Spelled out (not through the helper) so that lupdate sees a plural form: German has "von 1" and "von 4".
        const QString text = n == 0
            ? tr("Sent")
            : QCoreApplication::translate("Natter::Client::MessageMarksPainter", "✓ Read by %n", nullptr, n);
        const int w = fm.horizontalAdvance(text);
        painter->setPen(n == 0 ? ChatPalette::current().faint : ChatPalette::current().accent);
        painter->drawText(QRect(right - w, textTop, w, fm.height()), Qt::AlignRight | Qt::AlignTop, text);
    }
}

} // namespace Natter::Client
