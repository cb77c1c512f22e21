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

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}
