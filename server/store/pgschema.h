#pragma once

#include <QStringList>

namespace Natter::Server {

// PostgreSQL's forward-only migrations, as Schema's for SQLite: entry N brings the schema from version N to
// N+1 (natter_schema.version). Version 1 is SQLite's schema as of its version 8, in PostgreSQL's types, plus
// what only a shared database needs (node id leases). Never edit a shipped entry; append.
namespace PgSchema {
const QList<QStringList> &migrations();
}

} // namespace Natter::Server
