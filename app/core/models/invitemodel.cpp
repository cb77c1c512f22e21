#include "models/invitemodel.h"

namespace Natter::Client {

int InviteModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_invites.size());
}

int InviteModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant InviteModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole) return {};
    const Wire::Invite &i = m_invites.at(index.row());
    switch (index.column()) {
    case CodeColumn:
        return i.code;
    case UsesColumn:
        return tr("%1 of %n", nullptr, int(i.maxUses)).arg(i.uses);
    case ExpiresColumn:
        return shortTime(i.expiresAt);
    }
    return {};
}

QVariant InviteModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case CodeColumn:
        return tr("Invite code");
    case UsesColumn:
        return tr("Used");
    case ExpiresColumn:
        return tr("Expires");
    }
    return {};
}

void InviteModel::setInvites(QList<Wire::Invite> invites)
{
    beginResetModel();
    m_invites = std::move(invites);
    endResetModel();
}

void InviteModel::remove(const QString &code)
{
    for (int row = 0; row < m_invites.size(); ++row) {
        if (m_invites.at(row).code != code) continue;
        beginRemoveRows({}, row, row);
        m_invites.removeAt(row);
        endRemoveRows();
        return;
    }
}

} // namespace Natter::Client
