#include "messagemarkspainter.h"
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
        painter->fillRect(row, QColor(0xfef3c7));
        painter->fillRect(QRect(row.left(), row.top(), 3, row.height()), QColor(0xf59e0b));
    } else if (index.data(MessageListModel::MentionsMeRole).toBool()) {
        painter->fillRect(row, QColor(0xfffbeb));
        painter->fillRect(QRect(row.left(), row.top(), 3, row.height()), QColor(0xeab308));
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
        painter->setPen(QPen(QColor(0xdc2626), 1));
        painter->drawLine(rect.left() + 16, y, rect.right() - 16 - w, y);
        painter->fillRect(QRect(rect.right() - 16 - w, y - 1, w, fm.height()), QColor(0xdc2626));
        painter->setPen(Qt::white);
        painter->drawText(QRect(rect.right() - 16 - w, y - 1, w, fm.height()), Qt::AlignCenter, label);
    }
    if (!avatar.isEmpty() && index.data(MessageListModel::AuthorOnlineRole).toBool()) {
        const QRect dot(avatar.right() - 9, avatar.bottom() - 9, 12, 12);
        painter->setPen(QPen(Qt::white, 2));
        painter->setBrush(QColor(0x22c55e));
        painter->drawEllipse(dot);
    }
    const QVariant readBy = index.data(MessageListModel::ReadByRole);
    if (readBy.isValid() && index.data(MessageListModel::SendStateRole).toInt() == int(SendState::Sent)) {
        const int n = int(readBy.toStringList().size());
        const QString text = n == 0 ? tr("Sent") : tr("✓ Read by %n", n);
        const int w = fm.horizontalAdvance(text);
        painter->setPen(n == 0 ? QColor(0x9ca3af) : QColor(0x2563eb));
        painter->drawText(QRect(right - w, textTop, w, fm.height()), Qt::AlignRight | Qt::AlignTop, text);
    }
}

} // namespace Natter::Client
