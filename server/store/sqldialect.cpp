#include "store/sqldialect.h"

#include <QRegularExpression>

namespace Natter::Server::SqlDialect {

QString toPostgres(const QString &sql, bool numbered, int *placeholders)
{
    // Arguments without parentheses or commas of their own: enough for the stores' SQL (column names and
    // placeholders), and anything else is left as written, to fail loudly when prepared.
    static const QRegularExpression scalarMax(QStringLiteral("\\bmax\\(([^(),]+),([^(),]+)\\)"));
    static const QRegularExpression scalarMin(QStringLiteral("\\bmin\\(([^(),]+),([^(),]+)\\)"));
    static const QRegularExpression boolMax(QStringLiteral("\\bmax\\(([\\w.]+ = \\?)\\)"));
    QString out = sql;
    out.replace(scalarMax, QStringLiteral("greatest(\\1,\\2)"));
    out.replace(scalarMin, QStringLiteral("least(\\1,\\2)"));
    out.replace(boolMax, QStringLiteral("bool_or(\\1)"));

    int count = 0;
    QString numberedSql;
    numberedSql.reserve(out.size() + 16);
    bool quoted = false;
    for (const QChar c : std::as_const(out)) {
        if (c == u'\'')
            quoted = !quoted;
        if (c == u'?' && !quoted) {
            ++count;
            if (numbered) {
                numberedSql += u'$' + QString::number(count);
                continue;
            }
        }
        numberedSql += c;
    }
    if (placeholders)
        *placeholders = count;
    return numbered ? numberedSql : out;
}

} // namespace Natter::Server::SqlDialect
