#pragma once

#include "models/adminmodels.h"

#include <QAbstractTableModel>

namespace Natter::Client {

// The audit log in words, newest first, page after page.
class AuditModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { WhenColumn, ActorColumn, ActionColumn, TargetColumn, ReasonColumn, DetailColumn, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setNames(NameResolver people, NameResolver channels);
    // APPEND: the next (older) page.
    void setEntries(const QList<Wire::AuditEntry> &entries, bool append = false);
    Wire::AuditEntry entryAt(int row) const
    {
        return row >= 0 && row < m_entries.size() ? m_entries.at(row) : Wire::AuditEntry();
    }
    Wire::Id oldestId() const { return m_entries.isEmpty() ? Wire::Id() : m_entries.last().id; }
    // What an audit action means, in words ("Muted a member").
    static QString actionText(const QString &action);

private:
    QList<Wire::AuditEntry> m_entries;
    NameResolver m_people;
    NameResolver m_channels;
};

} // namespace Natter::Client
