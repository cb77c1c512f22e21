#pragma once

#include "store/records.h"

#include <common/protocol/error.h>
#include <common/protocol/rest.h>

#include <optional>

namespace Natter::Server {

class ModerationStore;

// Who may register and sign in (issue 16): the registration policy (--registration open|invite|closed) with
// its invites, and the account states that refuse a login (deactivated, password reset by an administrator).
class AccountPolicy
{
public:
    enum class Registration { Open, Invite, Closed };
    static std::optional<Registration> registrationFromName(const QString &name);

    AccountPolicy(ModerationStore &store, Registration registration);
    Registration registration() const { return m_registration; }

    // Before the password is hashed: nullopt when CREDENTIALS may register, and then an invite's use is taken
    // (refund() gives it back when the account could not be created). The first account of a server may
    // always register under `invite` (it becomes the administrator); `closed` leaves account creation to
    // `natter-server admin create-user`.
    std::optional<Wire::Error> admit(const Wire::Credentials &credentials);
    void refund(const Wire::Credentials &credentials);

    // After the password matched: a deactivated account is refused (403 forbidden), one whose password an
    // administrator reset must choose a new one first (403 password_change_required).
    static std::optional<Wire::Error> loginRefusal(const UserRecord &user);

private:
    ModerationStore &m_store;
    Registration m_registration;
};

} // namespace Natter::Server
