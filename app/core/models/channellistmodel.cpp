#include "models/channellistmodel.h"

#include <algorithm>

namespace Natter::Client {

int ChannelListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_channels.size());
}

QVariant ChannelListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_channels.size()) return {};
    const Channel &c = m_channels.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return c.name;
    case Qt::ToolTipRole:
    case TopicRole:
        return c.topic;
    case IdRole:
        return c.id.toString();
    case TypeRole:
        return QString(Wire::toName(c.type));
    case UnreadRole:
        return c.unreadCount;
    case MentionRole:
        return c.mentionCount;
    case MemberCountRole:
        return c.memberCount;
    case VisibilityRole:
        return QString(Wire::toName(c.visibility));
    case OnlineRole:
        return c.peerOnline;
    }
    return {};
}

QHash<int, QByteArray> ChannelListModel::roleNames() const
{
    return { { IdRole, "id" }, { NameRole, "name" }, { TopicRole, "topic" }, { TypeRole, "type" },
        { UnreadRole, "unreadCount" }, { MentionRole, "mentionCount" }, { MemberCountRole, "memberCount" },
        { VisibilityRole, "visibility" }, { OnlineRole, "online" } };
}

void ChannelListModel::setChannels(QList<Channel> channels)
{
    std::stable_sort(channels.begin(), channels.end(), channelNewerThan);
    beginResetModel();
    m_channels = std::move(channels);
    endResetModel();
}

int ChannelListModel::rowOf(Wire::Id channelId) const
{
    for (int i = 0; i < m_channels.size(); ++i)
        if (m_channels.at(i).id == channelId) return i;
    return -1;
}

void ChannelListModel::upsert(const Channel &channel)
{
    const int from = rowOf(channel.id);
    if (from >= 0) {
        m_channels[from] = channel;
        const QModelIndex i = index(from);
        emit dataChanged(i, i);
    } else {
        const auto pos = std::lower_bound(m_channels.begin(), m_channels.end(), channel, channelNewerThan);
        const int row = int(pos - m_channels.begin());
        beginInsertRows({}, row, row);
        m_channels.insert(row, channel);
        endInsertRows();
        return;
    }
    // The row's place among the other channels, counted without the row itself.
    int target = 0;
    for (int i = 0; i < m_channels.size(); ++i)
        if (i != from && channelNewerThan(m_channels.at(i), channel)) ++target;
    if (target == from) return;
    beginMoveRows({}, from, from, {}, target > from ? target + 1 : target);
    m_channels.move(from, target);
    endMoveRows();
}

void ChannelListModel::remove(Wire::Id channelId)
{
    const int row = rowOf(channelId);
    if (row < 0) return;
    beginRemoveRows({}, row, row);
    m_channels.removeAt(row);
    endRemoveRows();
}

void ChannelListModel::setPeerOnline(Wire::Id userId, bool online)
{
    for (int row = 0; row < m_channels.size(); ++row) {
        Channel &c = m_channels[row];
        if (c.peerId != userId || c.peerOnline == online) continue;
        c.peerOnline = online;
        const QModelIndex i = index(row);
        emit dataChanged(i, i, { OnlineRole });
    }
}

} // namespace Natter::Client
