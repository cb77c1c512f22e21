#include "models/adminmodels.h"

#include <common/protocol/audit.h>

#include <QDateTime>
#include <QLocale>

namespace Natter::Client {

namespace {
QString nameOf(const Wire::User &u)
{
    return u.displayName.isEmpty() ? u.username : u.displayName;
}

QString resolve(const NameResolver &resolver, Wire::Id id)
{
    if (!id.isValid()) return {};
    const QString name = resolver ? resolver(id) : QString();
    return name.isEmpty() ? id.toString() : name;
}
}

QString shortTime(qint64 unixMs)
{
    if (unixMs <= 0) return {};
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(unixMs).toLocalTime();
    const QLocale locale;
    // Hours and minutes whatever the locale's short format says, as the message list shows them.
    QString time = locale.timeFormat(QLocale::ShortFormat);
    time.remove(u":ss"_qs);
    if (when.date() == QDate::currentDate()) return locale.toString(when.time(), time);
    return locale.toString(when.date(), QLocale::ShortFormat) + u' ' + locale.toString(when.time(), time);
}

// Accounts.

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

// Invites.

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

// Reports.

int ReportModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_reports.size());
}

int ReportModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
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
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const Wire::Report &r = m_reports.at(index.row());
    if (role == IdRole) return r.id.toString();
    if (role == OpenRole) return r.open;
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole && role != Qt::ToolTipRole) return {};
    switch (index.column()) {
    case WhenColumn:
        return shortTime(r.createdAt);
    case ChannelColumn:
        return QString(u"#"_qs + resolve(m_channels, r.channelId));
    case AuthorColumn:
        if (!r.message) return tr("(unknown)");
    {
        const QString name = r.message->author.displayName.isEmpty() ? r.message->author.username
                                                                      : r.message->author.displayName;
        return r.message->author.deactivated ? tr("%1 (deactivated)").arg(name) : name;
    }
    case MessageColumn:
        if (!r.message) return tr("(not available)");
        if (r.message->deletedAt) return tr("(deleted)");
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
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
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

void ReportModel::setNames(NameResolver people, NameResolver channels)
{
    m_people = std::move(people);
    m_channels = std::move(channels);
    if (!m_reports.isEmpty()) emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void ReportModel::setReports(const QList<Wire::Report> &reports, bool append)
{
    if (!append) {
        beginResetModel();
        m_reports = reports;
        endResetModel();
        return;
    }
    if (reports.isEmpty()) return;
    beginInsertRows({}, rowCount(), rowCount() + int(reports.size()) - 1);
    m_reports.append(reports);
    endInsertRows();
}

void ReportModel::updateReport(const Wire::Report &report)
{
    for (int row = 0; row < m_reports.size(); ++row) {
        if (m_reports.at(row).id != report.id) continue;
        Wire::Report merged = report;
        if (!merged.message) merged.message = m_reports.at(row).message;
        m_reports[row] = merged;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
}

// The audit log.

int AuditModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AuditModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AuditModel::actionText(const QString &action)
{
    namespace A = Wire::Audit;
    if (action == A::MessageDelete) return tr("Deleted a message");
    if (action == A::ChannelReadOnly) return tr("Made a channel read-only");
    if (action == A::ChannelWritable) return tr("Let everyone write in a channel");
    if (action == A::MemberRole) return tr("Changed a member's role");
    if (action == A::MemberMute) return tr("Muted a member");
    if (action == A::MemberUnmute) return tr("Unmuted a member");
    if (action == A::UserDeactivate) return tr("Deactivated an account");
    if (action == A::UserReactivate) return tr("Reactivated an account");
    if (action == A::UserRole) return tr("Changed a server role");
    if (action == A::UserResetPassword) return tr("Reset a password");
    if (action == A::UserCreate) return tr("Created an account");
    if (action == A::InviteCreate) return tr("Created an invite");
    if (action == A::InviteRevoke) return tr("Revoked an invite");
    if (action == A::ReportCreate) return tr("Reported a message");
    if (action == A::ReportResolve) return tr("Resolved a report");
    return action;
}

QVariant AuditModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole) return {};
    const Wire::AuditEntry &e = m_entries.at(index.row());
    switch (index.column()) {
    case WhenColumn:
        return shortTime(e.at);
    case ActorColumn:
        return e.actorId.isValid() ? resolve(m_people, e.actorId) : tr("Command line");
    case ActionColumn:
        return actionText(e.action);
    case TargetColumn: {
        QString target;
        if (e.targetType == Wire::Audit::Target::User) target = resolve(m_people, e.targetId);
        else if (e.targetId.isValid()) target = e.targetId.toString();
        if (e.channelId.isValid())
            target = target.isEmpty() ? QString(u"#"_qs + resolve(m_channels, e.channelId))
                                      : tr("%1 in #%2").arg(target, resolve(m_channels, e.channelId));
        return target;
    }
    case ReasonColumn:
        return e.reason;
    case DetailColumn:
        return e.detail;
    }
    return {};
}

QVariant AuditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case WhenColumn:
        return tr("When");
    case ActorColumn:
        return tr("Who");
    case ActionColumn:
        return tr("What");
    case TargetColumn:
        return tr("Whom / where");
    case ReasonColumn:
        return tr("Reason");
    case DetailColumn:
        return tr("Details");
    }
    return {};
}

void AuditModel::setNames(NameResolver people, NameResolver channels)
{
    m_people = std::move(people);
    m_channels = std::move(channels);
    if (!m_entries.isEmpty()) emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void AuditModel::setEntries(const QList<Wire::AuditEntry> &entries, bool append)
{
    if (!append) {
        beginResetModel();
        m_entries = entries;
        endResetModel();
        return;
    }
    if (entries.isEmpty()) return;
    beginInsertRows({}, rowCount(), rowCount() + int(entries.size()) - 1);
    m_entries.append(entries);
    endInsertRows();
}

} // namespace Natter::Client
