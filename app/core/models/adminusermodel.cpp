#include "models/adminusermodel.h"

namespace Natter::Client {

namespace {
QString nameOf(const Wire::User &u)
{
    return u.displayName.isEmpty() ? u.username : u.displayName;
}
}

int AdminUserModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_users.size());
}

int AdminUserModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AdminUserModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const Wire::User &u = m_users.at(index.row());
    const bool admin = u.serverRole == Wire::ServerRole::Admin;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case NameColumn:
            return nameOf(u);
        case UsernameColumn:
            return QString(u"@"_qs + u.username);
        case RoleColumn:
            return admin ? tr("Administrator") : tr("Member");
        case StateColumn:
            return u.deactivated ? tr("Deactivated") : tr("Active");
        }
        return {};
    case IdRole:
        return u.id.toString();
    case AdminRole:
        return admin;
    case DeactivatedRole:
        return u.deactivated;
    default:
        return {};
    }
}

QVariant AdminUserModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case UsernameColumn:
        return tr("Username");
    case RoleColumn:
        return tr("Role");
    case StateColumn:
        return tr("Account");
    }
    return {};
}

void AdminUserModel::setUsers(QList<Wire::User> users)
{
    beginResetModel();
    m_users = std::move(users);
    endResetModel();
}

int AdminUserModel::rowOf(Wire::Id id) const
{
    for (int i = 0; i < m_users.size(); ++i)
        if (m_users.at(i).id == id) return i;
    return -1;
}

void AdminUserModel::updateUser(const Wire::User &user)
{
    const int row = rowOf(user.id);
    if (row < 0) return;
    Wire::User merged = user;
    // Deactivate and reactivate answer without serverRole: keep the one listed.
    if (!merged.serverRole) merged.serverRole = m_users.at(row).serverRole;
    m_users[row] = merged;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

} // namespace Natter::Client
