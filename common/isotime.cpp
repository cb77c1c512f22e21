#include "isotime.h"

#include <QDateTime>

QString isoTime(qint64 unixMs)
{
    return QDateTime::fromMSecsSinceEpoch(unixMs, Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonValue isoTimeOrNull(qint64 unixMs)
{
    return unixMs > 0 ? QJsonValue(isoTime(unixMs)) : QJsonValue(QJsonValue::Null);
}

qint64 parseIsoTime(QStringView text)
{
    // Qt reads a time without an offset as local time; the wire always says UTC ("Z") or gives an offset.
    if (text.size() < 20
        || !(text.endsWith(u'Z') || text.at(text.size() - 6) == u'+' || text.at(text.size() - 6) == u'-'))
        return -1;
    const QDateTime t = QDateTime::fromString(text.toString(), Qt::ISODateWithMs);
    return t.isValid() ? t.toMSecsSinceEpoch() : -1;
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}
