#pragma once

#include <common/protocol/moderation.h>
#include <common/protocol/user.h>

#include <QString>

#include <functional>

namespace Natter::Client {

// The tables of the administration window (ui/admin/): accounts, invites, reports and the audit log, each a
// plain table model over the Wire objects that Moderation (session/moderation.h) fetched. They never call the
// network; names of people and channels come from a resolver the window sets.
using NameResolver = std::function<QString(Wire::Id)>;

// A time for a table cell or a sentence, in the user's locale without seconds: "14:30" today, else the date and
// the time.
QString shortTime(qint64 unixMs);

} // namespace Natter::Client
