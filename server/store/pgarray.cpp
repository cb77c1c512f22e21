#include "store/pgarray.h"

namespace Natter::Server::PgArray {

QString ints(const QList<qint64> &values, bool zeroIsNull)
{
    QString out;
    out.reserve(values.size() * 20 + 2);
    out += u'{';
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i)
            out += u',';
        if (zeroIsNull && !values.at(i))
            out += u"NULL"_qs;
        else
            out += QString::number(values.at(i));
    }
    out += u'}';
    return out;
}

QString texts(const QStringList &values)
{
    qsizetype size = 2;
    for (const QString &v : values)
        size += v.size() + 3;
    QString out;
    out.reserve(size);
    out += u'{';
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i)
            out += u',';
        out += u'"';
        for (const QChar c : values.at(i)) {
            if (c == u'"' || c == u'\\')
                out += u'\\';
            out += c;
        }
        out += u'"';
    }
    out += u'}';
    return out;
}

} // namespace Natter::Server::PgArray
