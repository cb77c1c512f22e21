#pragma once

#include "models/pagedtablemodel.h"

namespace Natter::Client {

// The audit log in words, newest first, page after page.
class AuditModel : public PagedTableModel<Wire::AuditEntry>
{
    Q_OBJECT
public:
    enum Column {
        WhenColumn,
        ActorColumn,
        ActionColumn,
        TargetColumn,
        ReasonColumn,
        DetailColumn,
        ColumnCount
    };

    explicit AuditModel(QObject *parent = nullptr)
        : PagedTableModel(ColumnCount, parent)
    {
    }
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // APPEND: the next (older) page.
    void setEntries(const QList<Wire::AuditEntry> &entries, bool append = false) { setRows(entries, append); }
    Wire::AuditEntry entryAt(int row) const { return rowAt(row); }
    Wire::Id oldestId() const { return m_rows.isEmpty() ? Wire::Id() : m_rows.last().id; }
    // What an audit action means, in words ("Muted a member").
    static QString actionText(const QString &action);
};

} // namespace Natter::Client
