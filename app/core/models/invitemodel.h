#pragma once

#include "models/adminmodels.h"

#include <QAbstractTableModel>

namespace Natter::Client {

// The invites still usable: code, uses, expiry.
class InviteModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { CodeColumn, UsesColumn, ExpiresColumn, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setInvites(QList<Wire::Invite> invites);
    void remove(const QString &code);
    Wire::Invite inviteAt(int row) const
    {
        return row >= 0 && row < m_invites.size() ? m_invites.at(row) : Wire::Invite();
    }

private:
    QList<Wire::Invite> m_invites;
};

} // namespace Natter::Client
