#include "store/mutelist.h"

#include <QSettings>

namespace Natter::Client {

namespace {
const QString MutedKey = u"muted/channels"_qs;
}

MuteList::MuteList(const QString &path, QObject *parent)
    : QObject(parent)
    , m_path(path)
{
    if (m_path.isEmpty()) return;
    const QSettings settings(m_path, QSettings::IniFormat);
    for (const QString &id : settings.value(MutedKey).toStringList())
        if (const Wire::Id channel = Wire::Id::fromString(id)) m_muted.insert(channel);
}

void MuteList::setMuted(Wire::Id channel, bool muted)
{
    if (!channel.isValid() || muted == m_muted.contains(channel)) return;
    if (muted)
        m_muted.insert(channel);
    else
        m_muted.remove(channel);
    if (!m_path.isEmpty()) {
        QStringList ids;
        for (Wire::Id id : std::as_const(m_muted))
            ids.append(id.toString());
        ids.sort();
        QSettings settings(m_path, QSettings::IniFormat);
        settings.setValue(MutedKey, ids);
    }
    emit changed();
}

} // namespace Natter::Client
