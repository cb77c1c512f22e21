#pragma once

#include "models/adminmodels.h"

#include <QAbstractTableModel>

namespace Natter::Client {

// The accounts of the administration window: name, username, server role, active or deactivated.
class AdminUserModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, UsernameColumn, RoleColumn, StateColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, AdminRole, DeactivatedRole };

    using QAbstractTableModel::QAbstractTableModel;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setUsers(QList<Wire::User> users);
    // Replaces the row of USER.id (after an action); nothing when it is not listed.
    void updateUser(const Wire::User &user);
    Wire::User userAt(int row) const { return row >= 0 && row < m_users.size() ? m_users.at(row) : Wire::User(); }
    int rowOf(Wire::Id id) const;

private:
    QList<Wire::User> m_users;
};

} // namespace Natter::Client
