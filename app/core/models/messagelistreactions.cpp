// The part of MessageListModel that keeps reaction counts right while history pages and live reaction events
// cross. A page (REST) and a reaction.added/removed (gateway) come on different connections: an event the server
// applied before it wrote the page can arrive after the page (counting it again would show one reaction too
// many), and one it applied after can arrive before the page (dropped, since the message is not shown yet: one
// too few). Neither order can be told apart from the message alone, so such a message's reactions are read
// again from the server (fetchAround), whose answer counts every event this client had received when it asked.
#include "logging.h"
#include "models/messagelistmodel.h"

#include <QPointer>

namespace Natter::Client {

namespace {
// How long after a page arrives an event for one of its messages is taken as possibly counted by it: far more
// than the gateway lags behind REST on a live connection (a connection that lags more is dropped by the
// heartbeat, and sync replays from the cursor).
constexpr qint64 FreshPageMs = 2000;
// A message that keeps getting reactions while it is read again is read at most this often in a row; past
// that, the events are counted as they come.
constexpr int MaxRereadRounds = 3;
}

void MessageListModel::applyReaction(Wire::Id messageId, const QString &emoji, bool added, bool mine)
{
    const int row = rowOfId(messageId);
    if (row < 0) {
        // Not shown: a page in flight may bring the message, with or without this event in its count.
        if (m_loadingOlder || m_loadingNewer) m_reactedWhileLoading.insert(messageId);
        return;
    }
    if (const auto it = m_rereading.find(messageId); it != m_rereading.end()) {
        // The answer on its way may or may not count this one.
        it->during.append({ emoji, added, mine });
        return;
    }
    // The caller's own reactions carry `me`, which makes them idempotent: no doubt there.
    if (!mine && m_freshPage.contains(messageId) && m_freshSince.isValid() && m_freshSince.elapsed() < FreshPageMs) {
        rereadReactions(messageId, { { emoji, added, mine } });
        return;
    }
    if (m_messages[row].applyReaction(emoji, added, mine)) emit dataChanged(index(row), index(row), { ReactionsRole });
}

void MessageListModel::settleReactions(const QList<Message> &page)
{
    m_freshPage.clear();
    for (const Message &m : page) {
        m_freshPage.insert(m.id);
        if (m_reactedWhileLoading.remove(m.id) && rowOfId(m.id) >= 0) rereadReactions(m.id);
    }
    m_freshSince.start();
    if (!m_loadingOlder && !m_loadingNewer) m_reactedWhileLoading.clear();
}

void MessageListModel::rereadReactions(Wire::Id messageId, QList<HeldReaction> held, int round)
{
    if (!m_source) return;
    m_rereading.insert(messageId, { std::move(held), {} });
    ++m_rereads;
    qCDebug(lcModel) << "reading the reactions of" << messageId.value() << "again";
    QPointer<MessageListModel> self(this);
    const quint64 generation = m_generation;
    m_source->fetchAround(m_channelId, messageId, 1, [self, generation, messageId, round](const MessagePageSource::Page &page) {
        if (!self || self->m_generation != generation) return;
        const Reread reread = self->m_rereading.take(messageId);
        const int row = self->rowOfId(messageId);
        if (row < 0) return;
        auto apply = [&](const QList<HeldReaction> &events) {
            bool changed = false;
            for (const HeldReaction &e : events)
                changed |= self->m_messages[row].applyReaction(e.emoji, e.added, e.mine);
            if (changed) emit self->dataChanged(self->index(row), self->index(row), { ReactionsRole });
        };
        const auto found = std::find_if(page.messages.cbegin(), page.messages.cend(),
            [messageId](const Message &m) { return m.id == messageId; });
        if (found == page.messages.cend()) {
            // No answer (offline, a source that cannot read one message): count the events as they came.
            apply(reread.before + reread.during);
            return;
        }
        if (self->m_messages.at(row).reactions != found->reactions) {
            self->m_messages[row].reactions = found->reactions; // the server's, `me` included: authoritative
            emit self->dataChanged(self->index(row), self->index(row), { ReactionsRole });
        }
        if (reread.during.isEmpty()) return;
        if (round + 1 < MaxRereadRounds)
            self->rereadReactions(messageId, reread.during, round + 1);
        else
            apply(reread.during);
    });
}

} // namespace Natter::Client
