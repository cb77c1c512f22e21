#pragma once

#include <common/protocol/moderation.h>
#include <common/protocol/user.h>

#include <QAbstractTableModel>

#include <functional>

namespace Natter::Client {

// The tables of the administration window (ui/admin/): accounts, invites, reports and the audit log, each a
// plain table model over the Wire objects that Moderation (session/moderation.h) fetched. They never call the
// network; names of people and channels come from a resolver the window sets.
using NameResolver = std::function<QString(Wire::Id)>;

// A time for a table cell or a sentence, in the user's locale without seconds: "14:30" today, else the date and
// the time.
QString shortTime(qint64 unixMs);

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
