#include "models/auditmodel.h"

#include <common/protocol/audit.h>

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

QString AuditModel::actionText(const QString &action)
{
    namespace A = Wire::Audit;
    if (action == A::MessageDelete)
        return tr("Deleted a message");
    if (action == A::ChannelReadOnly)
        return tr("Made a channel read-only");
    if (action == A::ChannelWritable)
        return tr("Let everyone write in a channel");
    if (action == A::MemberRole)
        return tr("Changed a member's role");
    if (action == A::MemberMute)
        return tr("Muted a member");
    if (action == A::MemberUnmute)
        return tr("Unmuted a member");
    if (action == A::UserDeactivate)
        return tr("Deactivated an account");
    if (action == A::UserReactivate)
        return tr("Reactivated an account");
    if (action == A::UserRole)
        return tr("Changed a server role");
    if (action == A::UserResetPassword)
        return tr("Reset a password");
    if (action == A::UserCreate)
        return tr("Created an account");
    if (action == A::InviteCreate)
        return tr("Created an invite");
    if (action == A::InviteRevoke)
        return tr("Revoked an invite");
    if (action == A::ReportCreate)
        return tr("Reported a message");
    if (action == A::ReportResolve)
        return tr("Resolved a report");
    return action;
}

QVariant AuditModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    const Wire::AuditEntry &e = m_rows.at(index.row());
    switch (index.column()) {
    case WhenColumn:
        return shortTime(e.at);
    case ActorColumn:
        return e.actorId.isValid() ? resolve(m_people, e.actorId) : tr("Command line");
    case ActionColumn:
        return actionText(e.action);
    case TargetColumn: {
        QString target;
        if (e.targetType == Wire::Audit::Target::User)
            target = resolve(m_people, e.targetId);
        else if (e.targetId.isValid())
            target = e.targetId.toString();
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
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
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

} // namespace Natter::Client
