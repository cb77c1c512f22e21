#pragma once

#include <QStringList>

namespace Natter::Server {

// Forward-only migrations: entry N brings the schema from version N to N+1. Never edit a shipped entry;
// append.
namespace Schema {
const QList<QStringList> &migrations();
}

} // namespace Natter::Server
