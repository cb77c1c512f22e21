#include "services/accountpolicy.h"
#include "store/moderationstore.h"

#include <common/isotime.h>

namespace Natter::Server {

std::optional<AccountPolicy::Registration> AccountPolicy::registrationFromName(const QString &name)
{
    if (name == u"open")
        return Registration::Open;
    if (name == u"invite")
        return Registration::Invite;
    if (name == u"closed")
        return Registration::Closed;
    return std::nullopt;
}

AccountPolicy::AccountPolicy(ModerationStore &store, Registration registration)
    : m_store(store)
    , m_registration(registration)
{
}

std::optional<Wire::Error> AccountPolicy::admit(const Wire::Credentials &credentials)
{
    switch (m_registration) {
    case Registration::Open:
        return std::nullopt;
    case Registration::Closed:
        return Wire::Error::forbidden(u"registration is closed on this server; ask an administrator"_qs);
    case Registration::Invite:
        break;
    }
    if (credentials.invite.isEmpty()) {
        if (!m_store.hasUsers())
            return std::nullopt; // the first account: the server's administrator
        return Wire::Error::forbidden(u"this server registers by invitation only: 'invite' is required"_qs);
    }
    if (!m_store.useInvite(credentials.invite, nowMs()))
        return Wire::Error::forbidden(u"this invite does not exist, has expired or has been used up"_qs);
    return std::nullopt;
}

void AccountPolicy::refund(const Wire::Credentials &credentials)
{
    if (m_registration == Registration::Invite && !credentials.invite.isEmpty())
        m_store.giveBackInvite(credentials.invite);
}

std::optional<Wire::Error> AccountPolicy::loginRefusal(const UserRecord &user)
{
    if (user.deactivatedAt)
        return Wire::Error::forbidden(u"this account has been deactivated"_qs);
    if (user.mustChangePassword)
        return Wire::Error { Wire::ErrorCode::PasswordChangeRequired,
            u"an administrator reset this password: choose a new one with POST /api/v1/auth/password"_qs };
    return std::nullopt;
}

} // namespace Natter::Server
