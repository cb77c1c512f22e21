#include "isotime.h"

#include <QDateTime>

QString isoTime(qint64 unixMs)
{
    return QDateTime::fromMSecsSinceEpoch(unixMs, Qt::UTC).toString(Qt::ISODateWithMs);
}

qint64 parseIsoTime(QStringView text)
{
    if (text.isEmpty()) return 0;
    QDateTime t = QDateTime::fromString(text.toString(), Qt::ISODateWithMs);
    if (!t.isValid()) return 0;
    if (t.timeSpec() == Qt::LocalTime) t.setTimeSpec(Qt::UTC);
    return t.toMSecsSinceEpoch();
}

QJsonValue isoTimeOrNull(qint64 unixMs)
{
    return unixMs > 0 ? QJsonValue(isoTime(unixMs)) : QJsonValue(QJsonValue::Null);
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}
