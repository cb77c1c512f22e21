#include "models/reportmodel.h"

namespace Natter::Client {

namespace {
    QString resolve(const NameResolver &resolver, Wire::Id id)
    {
        if (!id.isValid())
            return {};
        const QString name = resolver ? resolver(id) : QString();
        return name.isEmpty() ? id.toString() : name;
    }
}

QString ReportModel::outcomeText(Wire::ReportOutcome outcome)
{
    switch (outcome) {
    case Wire::ReportOutcome::Dismissed:
        return tr("Dismissed");
    case Wire::ReportOutcome::Deleted:
        return tr("Message deleted");
    case Wire::ReportOutcome::Muted:
        return tr("Author muted");
    case Wire::ReportOutcome::Deactivated:
        return tr("Author deactivated");
    case Wire::ReportOutcome::None:
        break;
    }
    return tr("Open");
}

QVariant ReportModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Wire::Report &r = m_rows.at(index.row());
    if (role == IdRole)
        return r.id.toString();
    if (role == OpenRole)
        return r.open;
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case WhenColumn:
        return shortTime(r.createdAt);
    case ChannelColumn:
        return QString(u"#"_qs + resolve(m_channels, r.channelId));
    case AuthorColumn:
        if (!r.message)
            return tr("(unknown)");
        {
            const QString name = r.message->author.displayName.isEmpty() ? r.message->author.username
                                                                         : r.message->author.displayName;
            return r.message->author.deactivated ? tr("%1 (deactivated)").arg(name) : name;
        }
    case MessageColumn:
        if (!r.message)
            return tr("(not available)");
        if (r.message->deletedAt)
            return tr("(deleted)");
        return role == Qt::ToolTipRole ? r.message->text : r.message->text.simplified();
    case ReasonColumn:
        return r.reason;
    case ReporterColumn:
        return resolve(m_people, r.reporterId);
    case StatusColumn:
        return outcomeText(r.outcome);
    }
    return {};
}

QVariant ReportModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case WhenColumn:
        return tr("Reported");
    case ChannelColumn:
        return tr("Channel");
    case AuthorColumn:
        return tr("Author");
    case MessageColumn:
        return tr("Message");
    case ReasonColumn:
        return tr("Reason");
    case ReporterColumn:
        return tr("Reported by");
    case StatusColumn:
        return tr("Status");
    }
    return {};
}

void ReportModel::updateReport(const Wire::Report &report)
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id != report.id)
            continue;
        Wire::Report merged = report;
        if (!merged.message)
            merged.message = m_rows.at(row).message;
        m_rows[row] = merged;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
}

} // namespace Natter::Client
