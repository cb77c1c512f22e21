#include "models/messagelistmodel.h"

#include "logging.h"

#include <QLocale>
#include <QPointer>

#include <algorithm>

namespace Natter::Client {

namespace {
// Messages closer than this to the previous one of the same author are drawn as one block.
constexpr qint64 GroupGapSeconds = 5 * 60;

bool seqLess(const Message &a, const Message &b)
{
    return a.seq != b.seq ? a.seq < b.seq : a.id < b.id;
}

QDate localDay(qint64 unixMs)
{
    return QDateTime::fromMSecsSinceEpoch(unixMs).date();
}
}

MessageListModel::MessageListModel(MessagePageSource *source, QObject *parent)
    : QAbstractListModel(parent)
    , m_source(source)
{
}

void MessageListModel::setChannel(Wire::Id channelId)
{
    beginResetModel();
    ++m_generation;
    if (channelId != m_channelId) m_lastReplyAt.clear();
    m_channelId = channelId;
    m_messages.clear();
    m_pending.clear();
    m_ids.clear();
    m_marks.highlighted = {};
    m_hasOlder = channelId.isValid();
    m_hasNewer = false;
    m_loadingOlder = false;
    m_loadingNewer = false;
    endResetModel();
    if (m_hasOlder) fetchMore({});
}

void MessageListModel::reload()
{
    const QList<Message> pending = m_pending;
    setChannel(m_channelId);
    for (const Message &m : pending)
        addPending(m);
}

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_messages.size() + m_pending.size());
}

const Message *MessageListModel::at(int row) const
{
    if (row < 0) return nullptr;
    if (row < m_messages.size()) return &m_messages.at(row);
    row -= int(m_messages.size());
    return row < m_pending.size() ? &m_pending.at(row) : nullptr;
}

Message MessageListModel::messageAt(int row) const
{
    const Message *m = at(row);
    return m ? *m : Message();
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    const Message *m = index.isValid() ? at(index.row()) : nullptr;
    if (!m) return {};
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        return m->text;
    case Qt::AccessibleTextRole:
        return accessibleText(*m);
    case IdRole:
        return m->id.toString();
    case ClientMsgIdRole:
        return m->clientMsgId;
    case SeqRole:
        return m->seq;
    case AuthorIdRole:
        return m->author.id.toString();
    case AuthorNameRole: {
        const QString name = m->author.displayName.isEmpty() ? m->author.username : m->author.displayName;
        return m->author.deactivated ? tr("%1 (deactivated)").arg(name) : name; // history keeps their messages
    }
    case CreatedAtRole:
        return timeFromWire(m->createdAt);
    case EditedRole:
        return m->isEdited();
    case DeletedRole:
        return m->isDeleted();
    case SendStateRole:
        return int(m->state);
    case ReactionsRole: {
        QVariantList chips;
        chips.reserve(m->reactions.size());
        for (const Wire::Reaction &r : m->reactions)
            chips.append(QVariantMap { { u"emoji"_qs, r.emoji }, { u"count"_qs, r.count }, { u"me"_qs, r.me } });
        return chips;
    }
    case PinnedRole:
        return m->pinned;
    case MessageRole:
        return QVariant::fromValue(*m);
    case LastReplyAtRole:
        return timeFromWire(m_lastReplyAt.value(m->id));
    case UnreadDividerRole:
        return index.row() == unreadDividerRow();
    case HighlightRole:
    case MentionsMeRole:
    case AuthorOnlineRole:
    case ReadByRole:
    case Qt::ToolTipRole:
        return m_marks.data(*m, role);
    case ChannelStartRole:
        return index.row() == 0 && !m_hasOlder && !m_messages.isEmpty();
    case DayStartRole: {
        const Message *prev = at(index.row() - 1);
        return !prev || localDay(prev->createdAt) != localDay(m->createdAt);
    }
    case GroupStartRole: {
        const Message *prev = at(index.row() - 1);
        return !prev || prev->author.id != m->author.id
            || localDay(prev->createdAt) != localDay(m->createdAt)
            || m->createdAt - prev->createdAt > GroupGapSeconds * 1000;
    }
    }
    return {};
}

QHash<int, QByteArray> MessageListModel::roleNames() const
{
    return { { IdRole, "messageId" }, { ClientMsgIdRole, "clientMsgId" }, { SeqRole, "seq" },
        { AuthorIdRole, "authorId" }, { AuthorNameRole, "authorName" }, { TextRole, "text" },
        { CreatedAtRole, "createdAt" }, { EditedRole, "edited" }, { DeletedRole, "deleted" },
        { SendStateRole, "sendState" }, { GroupStartRole, "groupStart" }, { DayStartRole, "dayStart" },
        { ChannelStartRole, "channelStart" }, { ReactionsRole, "reactions" }, { PinnedRole, "pinned" }, { UnreadDividerRole, "unreadDivider" }, { HighlightRole, "highlight" },
        { MentionsMeRole, "mentionsMe" }, { AuthorOnlineRole, "authorOnline" }, { ReadByRole, "readBy" } };
}

bool MessageListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_source && m_hasOlder && !m_loadingOlder;
}

void MessageListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent)) return;
    m_loadingOlder = true;
    emit loadingChanged();
    const Wire::Id before = m_messages.isEmpty() ? Wire::Id() : m_messages.constFirst().id;
    QPointer<MessageListModel> self(this);
    const quint64 generation = m_generation;
    m_source->fetchOlder(
        m_channelId, before, m_pageSize, [self, generation](const MessagePageSource::Page &page) {
            if (self && self->m_generation == generation) self->onOlderPage(page);
        });
}

void MessageListModel::onOlderPage(const MessagePageSource::Page &page)
{
    m_loadingOlder = false;
    QList<Message> fresh;
    fresh.reserve(page.messages.size());
    const qint64 firstSeq
        = m_messages.isEmpty() ? std::numeric_limits<qint64>::max() : m_messages.constFirst().seq;
    for (const Message &m : page.messages)
        if (!m_ids.contains(m.id) && m.seq < firstSeq && accepts(m)) fresh.append(m);
    std::sort(fresh.begin(), fresh.end(), seqLess);
    const bool hadOlder = m_hasOlder;
    if (page.ok) m_hasOlder = page.hasMore;
    if (!fresh.isEmpty()) {
        const int added = int(fresh.size());
        beginInsertRows({}, 0, added - 1);
        for (const Message &m : std::as_const(fresh))
            m_ids.insert(m.id);
        fresh.append(m_messages);
        m_messages = std::move(fresh);
        endInsertRows();
        // The former first row may lose its author header or day separator now that it has a predecessor.
        touchRow(added);
        const int excess = int(m_messages.size()) - m_maxRows;
        if (excess > 0) trimBottom(excess);
    } else if (hadOlder != m_hasOlder) {
        touchRow(0);
    }
    settleReactions(page.messages);
    emit loadingChanged();
    emit olderPageLoaded(int(page.messages.size()));
}

bool MessageListModel::canFetchNewer() const
{
    return m_source && m_hasNewer && !m_loadingNewer;
}

void MessageListModel::fetchNewer()
{
    if (!canFetchNewer() || m_messages.isEmpty()) return;
    m_loadingNewer = true;
    emit loadingChanged();
    QPointer<MessageListModel> self(this);
    const quint64 generation = m_generation;
    m_source->fetchNewer(m_channelId, m_messages.constLast().id, m_pageSize,
        [self, generation](const MessagePageSource::Page &page) {
            if (self && self->m_generation == generation) self->onNewerPage(page);
        });
}

void MessageListModel::onNewerPage(const MessagePageSource::Page &page)
{
    m_loadingNewer = false;
    if (page.ok) m_hasNewer = page.hasMore;
    QList<Message> fresh;
    const qint64 lastSeq = m_messages.isEmpty() ? 0 : m_messages.constLast().seq;
    for (const Message &m : page.messages)
        if (!m_ids.contains(m.id) && m.seq > lastSeq && accepts(m)) fresh.append(m);
    std::sort(fresh.begin(), fresh.end(), seqLess);
    if (!fresh.isEmpty()) {
        const int first = int(m_messages.size());
        beginInsertRows({}, first, first + int(fresh.size()) - 1);
        for (const Message &m : std::as_const(fresh))
            m_ids.insert(m.id);
        m_messages.append(fresh);
        endInsertRows();
        touchRow(first + int(fresh.size()));
        const int excess = int(m_messages.size()) - m_maxRows;
        if (excess > 0) trimTop(excess);
    }
    settleReactions(page.messages);
    emit loadingChanged();
}

void MessageListModel::trimTop(int count)
{
    count = std::min(count, int(m_messages.size()));
    if (count <= 0) return;
    beginRemoveRows({}, 0, count - 1);
    for (int i = 0; i < count; ++i)
        m_ids.remove(m_messages.at(i).id);
    m_messages.remove(0, count);
    endRemoveRows();
    m_hasOlder = true;
    touchRow(0);
}

void MessageListModel::trimBottom(int count)
{
    count = std::min(count, int(m_messages.size()));
    if (count <= 0) return;
    const int first = int(m_messages.size()) - count;
    beginRemoveRows({}, first, first + count - 1);
    for (int i = first; i < m_messages.size(); ++i)
        m_ids.remove(m_messages.at(i).id);
    m_messages.remove(first, count);
    endRemoveRows();
    m_hasNewer = true;
    touchRow(first);
}

void MessageListModel::touchRow(int row)
{
    if (row >= 0 && row < rowCount()) {
        const QModelIndex i = index(row);
        emit dataChanged(i, i, { GroupStartRole, DayStartRole, ChannelStartRole });
    }
}

bool MessageListModel::accepts(const Message &message) const
{
    return message.channelId == m_channelId && !message.isReply();
}

void MessageListModel::noteOther(const Message &message)
{
    if (!message.isReply() || message.channelId != m_channelId) return;
    m_lastReplyAt.insert(message.parentId, std::max(m_lastReplyAt.value(message.parentId), message.createdAt));
    const int row = rowOfId(message.parentId);
    if (row >= 0) emit dataChanged(index(row), index(row), { LastReplyAtRole });
}

void MessageListModel::setReactions(Wire::Id messageId, const QList<Wire::Reaction> &reactions)
{
    const int row = rowOfId(messageId);
    if (row < 0) return;
    m_messages[row].reactions = reactions;
    emit dataChanged(index(row), index(row), { ReactionsRole });
}

void MessageListModel::setPinnedIds(const QSet<Wire::Id> &ids)
{
    for (int row = 0; row < m_messages.size(); ++row) {
        const bool pinned = ids.contains(m_messages.at(row).id);
        if (m_messages.at(row).pinned == pinned) continue;
        m_messages[row].pinned = pinned;
        emit dataChanged(index(row), index(row), { PinnedRole });
    }
}

bool MessageListModel::isPinned(Wire::Id messageId) const
{
    const int row = rowOfId(messageId);
    return row >= 0 && m_messages.at(row).pinned;
}

void MessageListModel::addMessage(const Message &incoming)
{
    if (!incoming.id.isValid()) return;
    if (!accepts(incoming)) {
        noteOther(incoming);
        return;
    }
    Message message = incoming;
    message.state = SendState::Sent;
    if (m_ids.contains(message.id)) return; // an echo or replay of a row already shown
    const int pendingIndex
        = incoming.clientMsgId.isEmpty() ? -1 : rowOfClientMsgId(incoming.clientMsgId) - confirmedCount();
    if (pendingIndex >= 0) {
        const bool lastInOrder = m_messages.isEmpty() || !seqLess(message, m_messages.constLast());
        if (pendingIndex == 0 && lastInOrder && !m_hasNewer) {
            // The common case: the oldest pending row becomes the newest confirmed one without moving.
            m_pending.removeFirst();
            m_messages.append(message);
            m_ids.insert(message.id);
            const QModelIndex i = index(confirmedCount() - 1);
            emit dataChanged(i, i);
            return;
        }
        const int row = confirmedCount() + pendingIndex;
        beginRemoveRows({}, row, row);
        m_pending.removeAt(pendingIndex);
        endRemoveRows();
        touchRow(row);
    }
    if (m_hasNewer) return; // beyond the loaded window; fetchNewer() brings it
    insertConfirmed(message);
    const int excess = int(m_messages.size()) - m_maxRows;
    if (excess > m_pageSize) trimTop(excess);
}

void MessageListModel::insertConfirmed(const Message &message)
{
    const auto pos = std::upper_bound(m_messages.begin(), m_messages.end(), message, seqLess);
    const int row = int(pos - m_messages.begin());
    if (row == 0 && m_hasOlder && !m_messages.isEmpty())
        return; // older than the window: it belongs to a page not loaded
    beginInsertRows({}, row, row);
    m_messages.insert(row, message);
    m_ids.insert(message.id);
    endInsertRows();
    touchRow(row + 1);
}

void MessageListModel::addPending(const Message &message)
{
    if (!accepts(message) || rowOfClientMsgId(message.clientMsgId) >= 0) return;
    const int row = rowCount();
    beginInsertRows({}, row, row);
    m_pending.append(message);
    endInsertRows();
}

void MessageListModel::setSendState(const QString &clientMsgId, SendState state)
{
    const int row = rowOfClientMsgId(clientMsgId);
    if (row < confirmedCount()) return;
    Message &m = m_pending[row - confirmedCount()];
    if (m.state == state) return;
    m.state = state;
    const QModelIndex i = index(row);
    emit dataChanged(i, i, { SendStateRole });
}

void MessageListModel::updateMessage(const Message &message)
{
    const int row = rowOfId(message.id);
    if (row < 0) return;
    Message updated = message;
    updated.state = SendState::Sent;
    updated.keepLocalState(m_messages.at(row));
    m_messages[row] = std::move(updated);
    const QModelIndex i = index(row);
    emit dataChanged(i, i);
}

template<class F> void MessageListModel::changeMessage(Wire::Id messageId, const QList<int> &roles, F change)
{
    const int row = rowOfId(messageId);
    if (row < 0 || !change(m_messages[row])) return;
    const QModelIndex i = index(row);
    emit dataChanged(i, i, roles);
}

void MessageListModel::markDeleted(Wire::Id messageId, qint64 deletedAt)
{
    changeMessage(messageId, {}, [deletedAt](Message &m) {
        if (m.isDeleted()) return false;
        m.makeTombstone(deletedAt);
        return true;
    });
}


void MessageListModel::setPinned(Wire::Id messageId, bool pinned)
{
    changeMessage(messageId, { PinnedRole }, [pinned](Message &m) {
        if (m.pinned == pinned || m.isDeleted()) return false;
        m.pinned = pinned;
        return true;
    });
}

int MessageListModel::rowOfId(Wire::Id id) const
{
    if (!id.isValid() || !m_ids.contains(id)) return -1;
    for (int i = int(m_messages.size()) - 1; i >= 0; --i)
        if (m_messages.at(i).id == id) return i;
    return -1;
}

int MessageListModel::rowOfClientMsgId(const QString &clientMsgId) const
{
    if (clientMsgId.isEmpty()) return -1;
    for (int i = 0; i < m_pending.size(); ++i)
        if (m_pending.at(i).clientMsgId == clientMsgId) return confirmedCount() + i;
    return -1;
}

QString MessageListModel::accessibleText(const Message &m) const
{
    // What a screen reader says for the row: who, when, what, then files, reactions, replies and state.
    const QString author = m.author.displayName.isEmpty() ? m.author.username : m.author.displayName;
    const QDateTime when = timeFromWire(m.createdAt).toLocalTime();
    const QString time = when.date() == QDate::currentDate()
        ? QLocale().toString(when.time(), QLocale::ShortFormat)
        : QLocale().toString(when, QLocale::ShortFormat);
    QStringList parts;
    parts << tr("%1 at %2").arg(author, time);
    if (m.isDeleted()) {
        parts << tr("This message was deleted.");
        return parts.join(u". "_qs);
    }
    if (!m.text.isEmpty()) parts << m.text;
    if (!m.attachments.isEmpty()) {
        QStringList names;
        for (const Wire::Attachment &a : m.attachments)
            names << a.name;
        parts << tr("%n file(s): %1", nullptr, int(m.attachments.size())).arg(names.join(u", "_qs));
    }
    if (!m.reactions.isEmpty()) {
        QStringList chips;
        for (const Wire::Reaction &r : m.reactions)
            chips << tr("%1 %n time(s)", nullptr, r.count).arg(r.emoji);
        parts << tr("Reactions: %1").arg(chips.join(u", "_qs));
    }
    if (m.replyCount > 0) parts << tr("%n reply(s) in the thread", nullptr, m.replyCount);
    if (m.isEdited()) parts << tr("Edited");
    if (m.pinned) parts << tr("Pinned");
    if (m.state == SendState::Sending) parts << tr("Sending");
    if (m.state == SendState::Failed) parts << tr("Not sent");
    return parts.join(u". "_qs);
}

} // namespace Natter::Client
