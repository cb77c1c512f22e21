#pragma once

#include <common/protocol/channel.h>
#include <common/protocol/id.h>

#include <QHash>
#include <QObject>

namespace Natter::Client {

// Where each member of a channel has read up to: seeded from GET /channels/{id}/members (lastReadMessageId),
// moved by `read.updated`. Markers only move forward. Message ids are Snowflakes, so "read up to M" covers
// every message whose id is not greater than M.
class ReadReceipts : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    struct Reader
    {
        Wire::Id userId;
        QString name;
    };

    // The members of CHANNEL with their markers; replaces what was known of that channel.
    void seed(Wire::Id channel, const QList<Wire::Member> &members);
    bool isSeeded(Wire::Id channel) const { return m_channels.contains(channel); }
    // A `read.updated`: USER has read CHANNEL up to MESSAGE. Ignored when it would move the marker back.
    void update(Wire::Id channel, Wire::Id user, Wire::Id message);
    Wire::Id marker(Wire::Id channel, Wire::Id user) const;
    // The members other than EXCEPT (the author) whose marker is at or past MESSAGE, by name.
    QList<Reader> readers(Wire::Id channel, Wire::Id message, Wire::Id except) const;
    // "Read by Ana, Ben" for a tooltip; empty when nobody has.
    static QString readersText(const QList<Reader> &readers);

signals:
    void changed(Natter::Wire::Id channel);

private:
    struct Entry
    {
        QString name;
        Wire::Id marker;
    };
    QHash<Wire::Id, QHash<Wire::Id, Entry>> m_channels;
};

} // namespace Natter::Client
