#pragma once

#include "models/pagedtablemodel.h"

namespace Natter::Client {

// The report queue: when, where, whose message, why, by whom, and what became of it.
class ReportModel : public PagedTableModel<Wire::Report>
{
    Q_OBJECT
public:
    enum Column {
        WhenColumn,
        ChannelColumn,
        AuthorColumn,
        MessageColumn,
        ReasonColumn,
        ReporterColumn,
        StatusColumn,
        ColumnCount
    };
    enum Role { IdRole = Qt::UserRole + 1, OpenRole };

    explicit ReportModel(QObject *parent = nullptr)
        : PagedTableModel(ColumnCount, parent)
    {
    }
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // APPEND: a further page (older reports) after the rows there are.
    void setReports(const QList<Wire::Report> &reports, bool append = false) { setRows(reports, append); }
    void updateReport(const Wire::Report &report);
    Wire::Report reportAt(int row) const { return rowAt(row); }
    static QString outcomeText(Wire::ReportOutcome outcome);
};

} // namespace Natter::Client
