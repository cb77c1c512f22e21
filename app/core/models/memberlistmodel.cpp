#include "models/memberlistmodel.h"

#include <QDateTime>

#include <algorithm>

namespace Natter::Client {

namespace {
int rank(Wire::Role role)
{
    switch (role) {
    case Wire::Role::Owner:
        return 0;
    case Wire::Role::Admin:
        return 1;
    default:
        return 2;
    }
}

QString nameOf(const Wire::User &user)
{
    return user.displayName.isEmpty() ? user.username : user.displayName;
}
}

int MemberListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_members.size());
}

QString MemberListModel::roleName(Wire::Role role)
{
    switch (role) {
    case Wire::Role::Owner:
        return tr("Owner");
    case Wire::Role::Admin:
        return tr("Admin");
    default:
        return {};
    }
}

QVariant MemberListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_members.size()) return {};
    const Wire::Member &m = m_members.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return nameOf(m.user);
    case IdRole:
        return m.user.id.toString();
    case UsernameRole:
        return m.user.username;
    case RoleNameRole:
        return roleName(m.role);
    case RoleRole:
        return int(m.role);
    case OnlineRole:
        return m.user.online;
    case MutedUntilRole:
        return m.mutedUntil > QDateTime::currentMSecsSinceEpoch() ? QDateTime::fromMSecsSinceEpoch(m.mutedUntil)
                                                                  : QDateTime();
    case DeactivatedRole:
        return m.user.deactivated;
    case Qt::ToolTipRole:
        return m.user.online ? tr("%1 (@%2) is online").arg(nameOf(m.user), m.user.username)
                             : tr("%1 (@%2) is away").arg(nameOf(m.user), m.user.username);
    }
    return {};
}

QHash<int, QByteArray> MemberListModel::roleNames() const
{
    return { { IdRole, "userId" }, { NameRole, "name" }, { UsernameRole, "username" },
        { RoleNameRole, "roleName" }, { RoleRole, "role" }, { OnlineRole, "online" }, { MutedUntilRole, "mutedUntil" },
        { DeactivatedRole, "deactivated" } };
}

void MemberListModel::setMembers(QList<Wire::Member> members)
{
    std::stable_sort(members.begin(), members.end(), [](const Wire::Member &a, const Wire::Member &b) {
        if (rank(a.role) != rank(b.role)) return rank(a.role) < rank(b.role);
        return nameOf(a.user).compare(nameOf(b.user), Qt::CaseInsensitive) < 0;
    });
    beginResetModel();
    m_members = std::move(members);
    endResetModel();
}

void MemberListModel::setOnline(Wire::Id user, bool online)
{
    const int row = rowOf(user);
    if (row < 0 || m_members.at(row).user.online == online) return;
    m_members[row].user.online = online;
    emit dataChanged(index(row), index(row), { OnlineRole, Qt::ToolTipRole });
}

QList<Wire::Id> MemberListModel::userIds() const
{
    QList<Wire::Id> out;
    out.reserve(m_members.size());
    for (const Wire::Member &m : m_members)
        out.append(m.user.id);
    return out;
}

int MemberListModel::rowOf(Wire::Id user) const
{
    for (int i = 0; i < m_members.size(); ++i)
        if (m_members.at(i).user.id == user) return i;
    return -1;
}

} // namespace Natter::Client
