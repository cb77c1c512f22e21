// The part of MessageListModel that is about more than the messages themselves: opening a channel at one
// message (search results, notifications) and the marks (models/messagemarks.h).
#include "models/messagelistmodel.h"

#include <QPointer>

#include <algorithm>

namespace Natter::Client {

void MessageListModel::openAround(Wire::Id channelId, Wire::Id messageId)
{
    beginResetModel();
    ++m_generation;
    m_channelId = channelId;
    m_messages.clear();
    m_pending.clear();
    m_ids.clear();
    m_hasOlder = false;
    m_hasNewer = false;
    m_loadingOlder = true;
    m_loadingNewer = false;
    m_marks.highlighted = messageId;
    endResetModel();
    emit loadingChanged();
    QPointer<MessageListModel> self(this);
    const quint64 generation = m_generation;
    m_source->fetchAround(channelId, messageId, m_pageSize, [self, generation, messageId](const MessagePageSource::Page &page) {
        if (self && self->m_generation == generation) self->onAroundPage(messageId, page);
    });
}

void MessageListModel::onAroundPage(Wire::Id messageId, const MessagePageSource::Page &page)
{
    m_loadingOlder = false;
    if (!page.ok) {
        // Could not be fetched: fall back to the newest page, as if the channel had been opened.
        m_hasOlder = true;
        emit loadingChanged();
        fetchMore({});
        return;
    }
    QList<Message> fresh = page.messages;
    std::sort(fresh.begin(), fresh.end(), [](const Message &a, const Message &b) { return a.seq != b.seq ? a.seq < b.seq : a.id < b.id; });
    m_hasOlder = page.hasMore;
    m_hasNewer = page.hasNewer;
    if (!fresh.isEmpty()) {
        beginInsertRows({}, 0, int(fresh.size()) - 1);
        for (const Message &m : std::as_const(fresh))
            m_ids.insert(m.id);
        m_messages = fresh;
        endInsertRows();
    }
    settleReactions(page.messages);
    emit loadingChanged();
    emit aroundLoaded(rowOfId(messageId));
}

void MessageListModel::setMarks(const MessageMarks &marks)
{
    m_marks = marks;
    refreshMarks();
}

void MessageListModel::setReadMarker(Wire::Id marker)
{
    m_marks.readMarker = marker;
    refreshMarks();
}

void MessageListModel::setHighlighted(Wire::Id message)
{
    m_marks.highlighted = message;
    refreshMarks();
}

void MessageListModel::refreshMarks()
{
    if (rowCount() == 0) return;
    emit dataChanged(index(0), index(rowCount() - 1),
        { UnreadDividerRole, HighlightRole, MentionsMeRole, AuthorOnlineRole, ReadByRole, Qt::ToolTipRole });
}

int MessageListModel::unreadDividerRow() const
{
    // Above the first message after the reader's marker that someone else wrote (the reader's own messages
    // after it are not news). Ids are Snowflakes, in the same order as seq.
    const Wire::Id marker = m_marks.readMarker;
    if (!marker.isValid()) return -1;
    auto it = std::upper_bound(m_messages.cbegin(), m_messages.cend(), marker,
        [](Wire::Id id, const Message &m) { return id < m.id; });
    for (; it != m_messages.cend(); ++it)
        if (it->author.id != m_marks.me) return int(it - m_messages.cbegin());
    return -1;
}

} // namespace Natter::Client
