#pragma once

#include "data/message.h"
#include "models/messagemarks.h"
#include "models/messagepagesource.h"

#include <QAbstractListModel>
#include <QList>
#include <QElapsedTimer>
#include <QSet>

namespace Natter::Client {

// The messages of one channel as a list: a window of confirmed messages in seq order followed by the local
// messages still being sent. Only a bounded window (maxRows) stays in memory: loading older pages drops rows
// at the bottom and loading newer pages drops rows at the top, so a million-message channel costs the same as
// a short one. Older history comes through canFetchMore()/fetchMore() (rows are prepended, existing rows keep
// their identity); newer history through canFetchNewer()/fetchNewer() once the bottom was dropped.
class MessageListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        ClientMsgIdRole,
        SeqRole,
        AuthorIdRole,
        AuthorNameRole,
        TextRole,
        CreatedAtRole,
        EditedRole,
        DeletedRole,
        SendStateRole,
        // True when the row starts a new block (other author, other day or a pause): it shows author and
        // time.
        GroupStartRole,
        // True when the row is the first one of its local day in the window.
        DayStartRole,
        // True on the first row when nothing older exists: the view shows the start of the channel above it.
        ChannelStartRole,
        // The reaction chips: a QVariantList of QVariantMaps {emoji: QString, count: int, me: bool}, in the
        // order the server lists them (first reaction first).
        ReactionsRole,
        // True while the message is pinned (known from live pin events only).
        PinnedRole,
        // The whole Message (QVariant of Natter::Client::Message): reactions, preview, replies, parentId.
        MessageRole,
        // When the newest reply under this message arrived, if one was seen (QDateTime, else invalid).
        LastReplyAtRole,
        // Marks (models/messagemarks.h): the "unread messages" divider sits above this row; the row was opened
        // from search or a notification; it mentions the reader; its author is online; who read it (own
        // messages only, as a QStringList of names; the tooltip says the same).
        UnreadDividerRole,
        HighlightRole,
        MentionsMeRole,
        AuthorOnlineRole,
        ReadByRole,
    };
    Q_ENUM(Role)

    explicit MessageListModel(MessagePageSource *source, QObject *parent = nullptr);

    // Shows CHANNELID, starting with its newest page; an invalid id shows nothing.
    void setChannel(Wire::Id channelId);
    Wire::Id channelId() const { return m_channelId; }
    void setPageSize(int size) { m_pageSize = size; }
    int pageSize() const { return m_pageSize; }
    void setMaxRows(int rows) { m_maxRows = rows; }
    int maxRows() const { return m_maxRows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    bool canFetchNewer() const;
    void fetchNewer();
    bool isLoading() const { return m_loadingOlder || m_loadingNewer; }
    bool isLoadingOlder() const { return m_loadingOlder; }
    bool hasOlder() const { return m_hasOlder; }
    // False when the window was moved away from the newest messages; live messages are then not inserted.
    bool atLiveEnd() const { return !m_hasNewer; }

    // A message from the server (event, echo, ack or sync replay). Replaces the pending row with the same
    // clientMsgId; drops it when that id is already shown.
    void addMessage(const Message &message);
    // A local message that is being sent; shown at the bottom until addMessage() confirms it.
    void addPending(const Message &message);
    void setSendState(const QString &clientMsgId, SendState state);
    // An edited or deleted message, in place (the local state, send state and pin, is kept).
    void updateMessage(const Message &message);
    // Live events on a shown message, in place; nothing happens when the message is not in the window.
    void markDeleted(Wire::Id messageId, qint64 deletedAt);
    // A live reaction.added/removed (messagelistreactions.cpp). A history page's aggregate may or may not
    // already count an event that arrives around it (the page and the event travel on different connections),
    // so an event that meets a message whose page was in flight or has just arrived is not counted on top of
    // the page: the message's reactions are read again from the server (fetchAround) instead.
    void applyReaction(Wire::Id messageId, const QString &emoji, bool added, bool mine);
    // Reaction re-reads asked for so far (tests).
    int reactionRereads() const { return m_rereads; }
    void setPinned(Wire::Id messageId, bool pinned);
    // Drops everything and loads the newest page again (after a sync reset).
    void reload();
    // The caller's own aggregate from a reaction ack ({emoji, count, me}), which is authoritative.
    void setReactions(Wire::Id messageId, const QList<Wire::Reaction> &reactions);
    // The pins of the channel (GET /channels/{id}/pins): exactly these rows are pinned.
    void setPinnedIds(const QSet<Wire::Id> &ids);
    bool isPinned(Wire::Id messageId) const;
    // Shows CHANNELID from the page centred on MESSAGEID (search result, notification), highlighted; paging
    // works in both directions from there. Emits aroundLoaded() with its row once the page is in.
    void openAround(Wire::Id channelId, Wire::Id messageId);

    const MessageMarks &marks() const { return m_marks; }
    // Replaces the marks and repaints what they change.
    void setMarks(const MessageMarks &marks);
    void setReadMarker(Wire::Id marker);
    void setHighlighted(Wire::Id message);
    // The reader's receipts or presence changed: the mark roles of every row are asked again.
    void refreshMarks();
    // The row of the unread divider, or -1.
    int unreadDividerRow() const;

    Message messageAt(int row) const;
    int rowOfId(Wire::Id id) const;
    int rowOfClientMsgId(const QString &clientMsgId) const;
    int confirmedCount() const { return int(m_messages.size()); }
    int pendingCount() const { return int(m_pending.size()); }

    // The row as one sentence for screen readers (Qt::AccessibleTextRole): author, time, text, files, reactions,
    // replies and state, in the user's locale.
    QString accessibleText(const Message &message) const;

protected:
    // Whether MESSAGE belongs in this list: the channel's top-level messages (replies live in threads).
    virtual bool accepts(const Message &message) const;
    // A message that is not shown here but may change a row (a reply counts toward its root's summary).
    virtual void noteOther(const Message &message);

signals:
    void olderPageLoaded(int count);
    void aroundLoaded(int row);
    void loadingChanged();

private:
    void onOlderPage(const MessagePageSource::Page &page);
    void onNewerPage(const MessagePageSource::Page &page);
    void onAroundPage(Wire::Id messageId, const MessagePageSource::Page &page);
    void insertConfirmed(const Message &message);
    void trimTop(int count);
    void trimBottom(int count);
    const Message *at(int row) const;
    template<class F> void changeMessage(Wire::Id messageId, const QList<int> &roles, F change);
    void touchRow(int row);
    // After a page: re-reads the reactions of its messages that had events while it was in flight.
    void settleReactions(const QList<Message> &page);
    struct HeldReaction
    {
        QString emoji;
        bool added = false;
        bool mine = false;
    };
    void rereadReactions(Wire::Id messageId, QList<HeldReaction> held = {}, int round = 0);

    MessagePageSource *m_source;
    Wire::Id m_channelId;
    QList<Message> m_messages;
    QList<Message> m_pending;
    QSet<Wire::Id> m_ids;
    int m_pageSize = 50;
    int m_maxRows = 500;
    bool m_hasOlder = false;
    bool m_hasNewer = false;
    bool m_loadingOlder = false;
    bool m_loadingNewer = false;
    quint64 m_generation = 0;
    // Reactions whose count a page may or may not include (messagelistreactions.cpp).
    QSet<Wire::Id> m_reactedWhileLoading; // events for messages not shown while a page was in flight
    QSet<Wire::Id> m_freshPage; // the last page's messages, for FreshPageMs after it arrived
    QElapsedTimer m_freshSince;
    // Messages being read again, with the events that came before the request (counted in the answer; applied
    // only if it fails) and while it was in flight (maybe counted: read once more).
    struct Reread
    {
        QList<HeldReaction> before;
        QList<HeldReaction> during;
    };
    QHash<Wire::Id, Reread> m_rereading;
    int m_rereads = 0;
    QHash<Wire::Id, qint64> m_lastReplyAt;
    MessageMarks m_marks;
};

} // namespace Natter::Client
