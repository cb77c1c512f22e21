#pragma once

#include <common/protocol/channel.h>

#include <QAbstractListModel>

namespace Natter::Client {

// The members of one channel with their role and presence: owners, then admins, then members, each by name.
class MemberListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        NameRole,
        UsernameRole,
        // The member's role as a word for the UI ("Owner", "Admin", or empty for plain members).
        RoleNameRole,
        // Wire::Role as an int.
        RoleRole,
        OnlineRole,
        // Until when the member is muted in the channel (QDateTime), invalid when not muted.
        MutedUntilRole,
        DeactivatedRole,
    };
    Q_ENUM(Role)

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setMembers(QList<Wire::Member> members);
    void clear() { setMembers({}); }
    void setOnline(Wire::Id user, bool online);
    QList<Wire::Id> userIds() const;
    Wire::Member memberAt(int row) const
    {
        return row >= 0 && row < m_members.size() ? m_members.at(row) : Wire::Member();
    }
    int rowOf(Wire::Id user) const;
    static QString roleName(Wire::Role role);

private:
    QList<Wire::Member> m_members;
};

} // namespace Natter::Client
