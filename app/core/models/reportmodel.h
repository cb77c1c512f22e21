#pragma once

#include "models/adminmodels.h"

#include <QAbstractTableModel>

namespace Natter::Client {

// The report queue: when, where, whose message, why, by whom, and what became of it.
class ReportModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { WhenColumn, ChannelColumn, AuthorColumn, MessageColumn, ReasonColumn, ReporterColumn, StatusColumn,
        ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, OpenRole };

    using QAbstractTableModel::QAbstractTableModel;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setNames(NameResolver people, NameResolver channels);
    // APPEND: a further page (older reports) after the rows there are.
    void setReports(const QList<Wire::Report> &reports, bool append = false);
    void updateReport(const Wire::Report &report);
    Wire::Report reportAt(int row) const
    {
        return row >= 0 && row < m_reports.size() ? m_reports.at(row) : Wire::Report();
    }
    static QString outcomeText(Wire::ReportOutcome outcome);

private:
    QList<Wire::Report> m_reports;
    NameResolver m_people;
    NameResolver m_channels;
};

} // namespace Natter::Client
