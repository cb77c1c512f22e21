#pragma once

#include <QJsonValue>
#include <QString>

// Times on the wire: ISO-8601 UTC with milliseconds ("2026-11-27T21:04:46.123Z"); 0 ms stands for "no time".
QString isoTime(qint64 unixMs);
QJsonValue isoTimeOrNull(qint64 unixMs);
// The inverse of isoTime(): Unix milliseconds, or -1 when TEXT is not an ISO-8601 time with a UTC offset.
qint64 parseIsoTime(QStringView text);
qint64 nowMs();
