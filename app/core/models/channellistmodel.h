#pragma once

#include "data/channel.h"

#include <QAbstractListModel>

namespace Natter::Client {

// The caller's channels, newest activity first. Rows move when a channel gets a new message.
class ChannelListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    // Ids and the wire's enums (type, visibility) come as their wire names, QStrings.
    enum Role {
        IdRole = Qt::UserRole + 1,
        NameRole,
        TopicRole,
        TypeRole,
        UnreadRole,
        MentionRole,
        MemberCountRole,
        VisibilityRole,
        // For direct channels: whether the other member is online.
        OnlineRole,
    };
    Q_ENUM(Role)

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setChannels(QList<Channel> channels);
    // Inserts or updates CHANNEL and moves it to its place in the order.
    void upsert(const Channel &channel);
    void remove(Wire::Id channelId);
    void setPeerOnline(Wire::Id userId, bool online);
    int rowOf(Wire::Id channelId) const;
    Channel channelAt(int row) const
    {
        return row >= 0 && row < m_channels.size() ? m_channels.at(row) : Channel();
    }

private:
    QList<Channel> m_channels;
};

} // namespace Natter::Client
