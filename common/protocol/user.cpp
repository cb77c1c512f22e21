#include "user.h"
#include "codec.h"
#include "keys.h"

#include "../protocollimits.h"

namespace Natter::Wire {

User User::read(JsonReader &r)
{
    User u;
    u.id = r.id(Key::Id);
    u.username = r.string(Key::Username, 1, Limits::MaxUsernameChars);
    u.displayName = r.string(Key::DisplayName, 0, MaxWireChars);
    u.online = r.optionalBool(Key::Online).value_or(false);
    u.lastSeen = r.optionalTime(Key::LastSeen);
    u.deactivated = r.optionalBool(Key::Deactivated).value_or(false);
    if (const auto role = r.optionalString(Key::ServerRole, 1, 16)) {
        u.serverRole = fromName<ServerRole>(*role);
        if (!u.serverRole)
            r.fail(u"field 'serverRole' must be one of: "_s + allNames<ServerRole>().join(u", "_s));
    }
    return u;
}

void User::write(JsonWriter &w) const
{
    w.beginObject();
    w.key(Key::Id).idString(id.value());
    w.key(Key::Username).value(username);
    w.key(Key::DisplayName).value(displayName);
    w.key(Key::Online).value(online);
    writeTime(w.key(Key::LastSeen), lastSeen);
    if (deactivated)
        w.key(Key::Deactivated).value(true);
    if (serverRole)
        w.key(Key::ServerRole).value(toName(*serverRole));
    w.endObject();
}

Author Author::read(JsonReader &r)
{
    Author a;
    a.id = r.id(Key::Id);
    a.username = r.string(Key::Username, 0, Limits::MaxUsernameChars);
    a.displayName = r.string(Key::DisplayName, 0, MaxWireChars);
    a.deactivated = r.optionalBool(Key::Deactivated).value_or(false);
    return a;
}

void Author::write(JsonWriter &w) const
{
    w.beginObject();
    w.key(Key::Id).idString(id.value());
    w.key(Key::Username).value(username);
    w.key(Key::DisplayName).value(displayName);
    if (deactivated)
        w.key(Key::Deactivated).value(true);
    w.endObject();
}

} // namespace Natter::Wire
