#include "models/messagemarks.h"
#include "models/messagelistmodel.h"

#include <QCoreApplication>

namespace Natter::Client {

QVariant MessageMarks::data(const Message &m, int role) const
{
    const bool mine = me.isValid() && m.author.id == me;
    switch (role) {
    case MessageListModel::HighlightRole:
        return highlighted.isValid() && m.id == highlighted;
    case MessageListModel::MentionsMeRole:
        return me.isValid() && !mine && m.mentions.contains(me);
    case MessageListModel::AuthorOnlineRole:
        return isOnline ? isOnline(m.author.id) : false;
    case MessageListModel::ReadByRole:
        if (!mine || m.isLocal() || !readers) return {}; // no receipt line at all
        return readers(m.id);
    case Qt::ToolTipRole: {
        if (!mine || m.isLocal() || !readers) return {};
        const QStringList names = readers(m.id);
        return names.isEmpty()
            ? QCoreApplication::translate("Natter::Client::MessageMarks", "Sent, not read yet")
            : QCoreApplication::translate("Natter::Client::MessageMarks", "Read by %1").arg(names.join(u", "_qs));
    }
    }
    return {};
}

} // namespace Natter::Client
