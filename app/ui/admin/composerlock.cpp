#include "admin/composerlock.h"
#include "composer.h"
#include "models/adminmodels.h"

#include <QDateTime>
#include <QLocale>

namespace Natter::Client {

ComposerLock::ComposerLock(Composer *composer, QObject *parent)
    : QObject(parent)
    , m_composer(composer)
{
    m_expiry.setSingleShot(true);
    connect(&m_expiry, &QTimer::timeout, this, [this] {
        // The mute ran out (the server sends nothing then): the channel we have says until when.
        const Channel c = m_channel;
        m_composer->setPlaceholderText(m_placeholder);
        apply(c);
    });
}

QString ComposerLock::reasonFor(const Channel &c, qint64 now)
{
    if (!c.id.isValid() || c.isDirect()) return {};
    if (c.mutedUntil > now) return tr("You are muted in this channel until %1").arg(shortTime(c.mutedUntil));
    if (c.readOnly && !c.canManage()) return tr("This channel is read-only: only its owners and admins write here");
    return {};
}

void ComposerLock::apply(const Channel &channel)
{
    const QString before = m_reason;
    if (channel.id != m_channel.id || m_reason.isEmpty() || m_composer->placeholderText() != m_reason)
        m_placeholder = m_composer->placeholderText();
    m_channel = channel;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_reason = reasonFor(channel, now);
    m_expiry.stop();
    if (channel.mutedUntil > now)
        m_expiry.start(int(std::min<qint64>(channel.mutedUntil - now + 50, std::numeric_limits<int>::max())));
    m_composer->setReadOnly(!m_reason.isEmpty());
    m_composer->setAccessibleDescription(m_reason);
    m_composer->setToolTip(m_reason);
    m_composer->setPlaceholderText(m_reason.isEmpty() ? m_placeholder : m_reason);
    if (before != m_reason) m_composer->viewport()->update();
}

} // namespace Natter::Client
