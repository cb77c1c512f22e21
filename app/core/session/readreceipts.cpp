#include "session/readreceipts.h"

#include <QStringList>

#include <algorithm>

namespace Natter::Client {

void ReadReceipts::seed(Wire::Id channel, const QList<Wire::Member> &members)
{
    QHash<Wire::Id, Entry> entries;
    const QHash<Wire::Id, Entry> old = m_channels.value(channel);
    for (const Wire::Member &m : members) {
        Entry e { m.user.displayName.isEmpty() ? m.user.username : m.user.displayName, m.lastReadMessageId };
        // A read.updated may have arrived while the member list was on its way.
        const Wire::Id known = old.value(m.user.id).marker;
        if (known > e.marker) e.marker = known;
        entries.insert(m.user.id, e);
    }
    m_channels.insert(channel, entries);
    emit changed(channel);
}

void ReadReceipts::update(Wire::Id channel, Wire::Id user, Wire::Id message)
{
    auto &entries = m_channels[channel];
    Entry &e = entries[user];
    if (message <= e.marker) return;
    e.marker = message;
    emit changed(channel);
}

Wire::Id ReadReceipts::marker(Wire::Id channel, Wire::Id user) const
{
    return m_channels.value(channel).value(user).marker;
}

QList<ReadReceipts::Reader> ReadReceipts::readers(Wire::Id channel, Wire::Id message, Wire::Id except) const
{
    QList<Reader> out;
    if (!message.isValid()) return out;
    const QHash<Wire::Id, Entry> entries = m_channels.value(channel);
    for (auto it = entries.cbegin(); it != entries.cend(); ++it)
        if (it.key() != except && it->marker >= message)
            out.append({ it.key(), it->name.isEmpty() ? tr("Someone") : it->name });
    std::sort(out.begin(), out.end(),
        [](const Reader &a, const Reader &b) { return a.name.compare(b.name, Qt::CaseInsensitive) < 0; });
    return out;
}

QString ReadReceipts::readersText(const QList<Reader> &readers)
{
    if (readers.isEmpty()) return {};
    QStringList names;
    for (const Reader &r : readers)
        names.append(r.name);
    return tr("Read by %1").arg(names.join(u", "_qs));
}

} // namespace Natter::Client
