#pragma once

#include <common/protocol/id.h>

#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>

namespace Natter::Client {

// Decides when `read.mark` goes out: only for messages the user has actually seen (the view reports the newest
// message on screen) while the window is active, only forward, and at most once per DELAY per channel. What is
// seen while the window is inactive waits until it becomes active again.
class ReadTracker : public QObject
{
    Q_OBJECT
public:
    using Mark = std::function<void(Wire::Id channel, Wire::Id message)>;
    explicit ReadTracker(Mark mark, QObject *parent = nullptr);

    void setDelayMs(int ms) { m_timer.setInterval(ms); }
    void setWindowActive(bool active);
    bool isWindowActive() const { return m_active; }
    // MESSAGE (the newest one on screen in CHANNEL) has been seen, if the window is active.
    void seen(Wire::Id channel, Wire::Id message);
    // What the server already knows (from `ready`, the channel list or a read.updated of our own).
    void setMarked(Wire::Id channel, Wire::Id message);
    Wire::Id marked(Wire::Id channel) const { return m_marked.value(channel); }

signals:
    void markSent(Natter::Wire::Id channel, Natter::Wire::Id message);

private:
    void flush();

    Mark m_mark;
    bool m_active = false;
    QHash<Wire::Id, Wire::Id> m_seenWhileInactive;
    QHash<Wire::Id, Wire::Id> m_toSend;
    QHash<Wire::Id, Wire::Id> m_marked;
    QTimer m_timer;
};

} // namespace Natter::Client
