#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Natter::Server::PgArray {

// PostgreSQL array literals, bound as one text parameter and cast in the statement (`?::bigint[]`), so that
// a whole batch goes in one statement: `unnest(?::bigint[], ?::text[])`.

// {1,2,3}; with ZEROISNULL, 0 is written NULL (an absent parent id).
QString ints(const QList<qint64> &values, bool zeroIsNull = false);
// {"a","b\"c"}: every element quoted, its quotes and backslashes escaped.
QString texts(const QStringList &values);

} // namespace Natter::Server::PgArray
