#pragma once

#include "models/adminmodels.h"

#include <QAbstractTableModel>
#include <QList>

namespace Natter::Client {

// What the administration window's paged tables share: rows of one Wire type, read page after page (a first
// page replaces, a further one appends), and names of people and channels from resolvers the window sets.
template<class Row> class PagedTableModel : public QAbstractTableModel
{
public:
    explicit PagedTableModel(int columns, QObject *parent = nullptr)
        : QAbstractTableModel(parent)
        , m_columns(columns)
    {
    }
    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }
    int columnCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : m_columns;
    }

    void setNames(NameResolver people, NameResolver channels)
    {
        m_people = std::move(people);
        m_channels = std::move(channels);
        if (!m_rows.isEmpty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, m_columns - 1));
    }
    Row rowAt(int row) const { return row >= 0 && row < m_rows.size() ? m_rows.at(row) : Row(); }

protected:
    // APPEND: a further (older) page after the rows there are.
    void setRows(const QList<Row> &rows, bool append)
    {
        if (!append) {
            beginResetModel();
            m_rows = rows;
            endResetModel();
            return;
        }
        if (rows.isEmpty())
            return;
        beginInsertRows({}, rowCount(), rowCount() + int(rows.size()) - 1);
        m_rows.append(rows);
        endInsertRows();
    }

    const int m_columns;
    QList<Row> m_rows;
    NameResolver m_people;
    NameResolver m_channels;
};

} // namespace Natter::Client
