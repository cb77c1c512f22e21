#pragma once

#include <common/protocol/id.h>

#include <QObject>
#include <QSet>
#include <QString>

namespace Natter::Client {

// The channels the user muted, kept locally in the profile (an INI file beside its settings): a muted channel
// raises no notification and does not count in the unread total.
class MuteList : public QObject
{
    Q_OBJECT
public:
    // PATH is the INI file; empty keeps the list in memory only (tests).
    explicit MuteList(const QString &path = {}, QObject *parent = nullptr);

    bool isMuted(Wire::Id channel) const { return m_muted.contains(channel); }
    void setMuted(Wire::Id channel, bool muted);

signals:
    void changed();

private:
    QString m_path;
    QSet<Wire::Id> m_muted;
};

} // namespace Natter::Client
