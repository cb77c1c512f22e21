#pragma once

#include <QJsonValue>
#include <QString>

// Times on the wire: ISO-8601 UTC with milliseconds ("2026-11-27T21:04:46.123Z"); 0 ms stands for "no time".
QString isoTime(qint64 unixMs);
// The inverse of isoTime(): milliseconds since the epoch of an ISO-8601 time (a missing zone means UTC), or 0 when
// TEXT is empty or not a time.
qint64 parseIsoTime(QStringView text);
QJsonValue isoTimeOrNull(qint64 unixMs);
qint64 nowMs();
