#pragma once

#include <QString>

namespace Natter::Server::SqlDialect {

// The stores write SQL once, in SQLite's dialect with `?` placeholders; the few spellings PostgreSQL does not
// share are translated here, in one place, when a statement is prepared (never per execution):
// two-argument max()/min() become greatest()/least(), an aggregate max(column = ?) becomes bool_or(), and
// with NUMBERED the placeholders become $1, $2, ... (libpq wants those; Qt's QPSQL numbers `?` itself).
// *PLACEHOLDERS receives how many there are. Quoted literals are left alone.
QString toPostgres(const QString &sql, bool numbered, int *placeholders = nullptr);

} // namespace Natter::Server::SqlDialect
