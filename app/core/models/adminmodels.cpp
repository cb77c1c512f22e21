#include "models/adminmodels.h"

#include <QDateTime>
#include <QLocale>

namespace Natter::Client {

QString shortTime(qint64 unixMs)
{
    if (unixMs <= 0) return {};
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(unixMs).toLocalTime();
    const QLocale locale;
    // Hours and minutes whatever the locale's short format says, as the message list shows them.
    QString time = locale.timeFormat(QLocale::ShortFormat);
    time.remove(u":ss"_qs);
    if (when.date() == QDate::currentDate()) return locale.toString(when.time(), time);
    return locale.toString(when.date(), QLocale::ShortFormat) + u' ' + locale.toString(when.time(), time);
}

} // namespace Natter::Client
