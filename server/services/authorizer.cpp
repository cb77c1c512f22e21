#include "services/authorizer.h"

#include <common/isotime.h>

namespace Natter::Server {

namespace {
int rank(const QString &role)
{
    return role == u"owner" ? 3 : role == u"admin" ? 2 : role == u"member" ? 1 : 0;
}
} // namespace

QString mutedMessage(qint64 until)
{
    return u"you are muted in this channel until %1"_qs.arg(isoTime(until));
}

std::optional<Wire::Error> decide(ChannelAction action, const AuthorizationSubject &s)
{
    const QString &role = s.actor.role;
    const bool manager = s.actor.canManage();
    const bool direct = s.channel.isDirect();
    switch (action) {
    case ChannelAction::Read:
        return std::nullopt;
    case ChannelAction::Write:
    case ChannelAction::React:
        if (s.actorMutedUntil)
            return Wire::Error::forbidden(mutedMessage(s.actorMutedUntil));
        if (action == ChannelAction::Write && s.channel.readOnly && !manager)
            return Wire::Error::forbidden(u"this channel is read-only: only its owners and admins write"_qs);
        return std::nullopt;
    case ChannelAction::ManageSettings:
        if (direct)
            return Wire::Error::forbidden(u"direct channels have no settings"_qs);
        if (!manager)
            return Wire::Error::forbidden(u"only an owner or admin can change the channel"_qs);
        return std::nullopt;
    case ChannelAction::AddMembers:
        if (direct)
            return Wire::Error::forbidden(u"direct channels have fixed members"_qs);
        if (!manager)
            return Wire::Error::forbidden(u"only an owner or admin can add members"_qs);
        return std::nullopt;
    case ChannelAction::DeleteOthersMessage:
        if (direct || !manager)
            return Wire::Error::forbidden(u"only the author or a channel owner or admin can delete a message"_qs);
        return std::nullopt;
    case ChannelAction::RemoveMember:
    case ChannelAction::SetRole:
    case ChannelAction::Mute:
        break;
    }
    // Actions on another member.
    if (direct)
        return Wire::Error::forbidden(action == ChannelAction::RemoveMember
                ? u"direct channels have fixed members"_qs
                : u"direct channels have no roles"_qs);
    if (!s.target)
        return Wire::Error::notFound(u"that user is not a member of this channel"_qs);
    if (s.targetUserId == s.actor.userId && action != ChannelAction::RemoveMember)
        return Wire::Error::forbidden(u"you cannot do this to yourself"_qs);
    const QString &targetRole = s.target->role;
    switch (action) {
    case ChannelAction::RemoveMember:
    case ChannelAction::Mute:
        // Owners act on anyone (other owners too); admins on plain members only.
        if (role == u"owner" || (role == u"admin" && targetRole == u"member"))
            return std::nullopt;
        return Wire::Error::forbidden(action == ChannelAction::Mute ? u"you may not mute this member"_qs
                                                                    : u"you may not remove this member"_qs);
    case ChannelAction::SetRole:
        if (rank(s.newRole) == 0)
            return Wire::Error::badRequest(u"role must be one of: owner, admin, member"_qs);
        // Owners promote and demote anyone (to any role); admins promote plain members to admin only, and
        // never touch owners or other admins.
        if (role == u"owner")
            return std::nullopt;
        if (role == u"admin" && targetRole == u"member" && s.newRole != u"owner")
            return std::nullopt;
        if (role == u"admin" && s.newRole == u"owner")
            return Wire::Error::forbidden(u"only an owner can make someone an owner"_qs);
        return Wire::Error::forbidden(u"you may not change this member's role"_qs);
    default:
        break;
    }
    return Wire::Error::forbidden(u"not allowed"_qs);
}

} // namespace Natter::Server
