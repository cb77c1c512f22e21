#pragma once

#include "data/channel.h"

#include <QObject>
#include <QTimer>

namespace Natter::Client {

class Composer;

// Keeps the composer from writing where the server would refuse: while the user is muted in the open channel
// ("You are muted in this channel until 14:30"), or the channel is read-only and they are not one of its owners
// or admins. The composer becomes read-only with the reason as its placeholder; it opens again when the mute
// ends (a timer), on unmute or when the channel becomes writable (member.updated / channel.updated).
class ComposerLock : public QObject
{
    Q_OBJECT
public:
    explicit ComposerLock(Composer *composer, QObject *parent = nullptr);

    // CHANNEL is the one now shown; the composer's placeholder is the normal one for it when this is called.
    void apply(const Channel &channel);
    bool isLocked() const { return !m_reason.isEmpty(); }
    QString reason() const { return m_reason; }
    static QString reasonFor(const Channel &channel, qint64 now);

private:
    Composer *m_composer;
    Channel m_channel;
    QString m_reason;
    QString m_placeholder; // the normal one, to put back
    QTimer m_expiry;
};

} // namespace Natter::Client
