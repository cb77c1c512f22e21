#include "session/typingtracker.h"

#include <algorithm>

namespace Natter::Client {

TypingTracker::TypingTracker(QObject *parent)
    : QObject(parent)
{
    m_sweep.setSingleShot(true);
    m_sweep.setTimerType(Qt::PreciseTimer);
    connect(&m_sweep, &QTimer::timeout, this, &TypingTracker::sweep);
}

void TypingTracker::clear()
{
    m_sweep.stop();
    if (m_typers.isEmpty()) return;
    m_typers.clear();
    emit changed();
}

void TypingTracker::setTyping(Wire::Id userId, const QString &name, bool typing)
{
    if (typing) {
        m_typers.insert(userId, { name, QDeadlineTimer(m_expiryMs) });
    } else if (!m_typers.remove(userId)) {
        return;
    }
    sweep();
    emit changed();
}

void TypingTracker::sweep()
{
    bool removed = false;
    qint64 next = -1;
    for (auto it = m_typers.begin(); it != m_typers.end();) {
        const qint64 left = it->until.remainingTime();
        if (left == 0) {
            it = m_typers.erase(it);
            removed = true;
            continue;
        }
        next = next < 0 ? left : std::min(next, left);
        ++it;
    }
    if (next >= 0)
        m_sweep.start(int(next));
    else
        m_sweep.stop();
    if (removed && sender() == &m_sweep) emit changed();
}

QStringList TypingTracker::names() const
{
    QStringList out;
    for (const Typer &t : m_typers)
        if (!t.until.hasExpired()) out.append(t.name);
    out.sort(Qt::CaseInsensitive);
    return out;
}

QString TypingTracker::text() const
{
    return textFor(names());
}

QString TypingTracker::textFor(const QStringList &names)
{
    switch (names.size()) {
    case 0:
        return {};
    case 1:
        return tr("%1 is typing…").arg(names.at(0));
    case 2:
        return tr("%1 and %2 are typing…").arg(names.at(0), names.at(1));
    default:
        // Plural forms for languages that distinguish "several" by count.
        return tr("Several people are typing…", "3 or more typers", int(names.size()));
    }
}

} // namespace Natter::Client
