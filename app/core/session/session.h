#pragma once

#include "data/channel.h"
#include "data/message.h"
#include "models/channellistmodel.h"
#include "models/messagepagesource.h"
#include "net/gatewayclient.h"
#include "session/presencetracker.h"
#include "session/readreceipts.h"
#include "session/readtracker.h"
#include "store/cache.h"

#include <common/protocol/events.h>

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>
#include <memory>

namespace Natter::Client {

class ApiClient;
class MessageActions;
class MessageListModel;
class Moderation;

// One signed-in user on one server: applies gateway events in seq order to the cache and the models, keeps
// the seq cursors, runs `sync` after every (re)connect, and sends the outbox in order. It is also the history
// source of the message models (cache first, then REST).
class Session : public QObject, public MessagePageSource
{
    Q_OBJECT
public:
    // None of the three is owned. API must already carry the base URL and the token.
    Session(ApiClient *api, GatewayClient *gateway, Cache *cache, QObject *parent = nullptr);
    ~Session() override;

    // Shows the cached state at once, then connects the gateway.
    void start();
    void stop();

    using ConnectionState = GatewayClient::State;
    ConnectionState connectionState() const { return m_gateway->state(); }
    // The server's REST address.
    QUrl serverUrl() const;
    User me() const { return m_me; }
    void setMe(const User &me);
    ChannelListModel *channelModel() { return &m_channels; }
    const ChannelListModel *channelModel() const { return &m_channels; }
    ApiClient *api() const { return m_api; }
    // Whose presence is followed, and who is online.
    PresenceTracker *presence() { return &m_presence; }
    // The channels' members' read markers (seeded by loadMembers(), moved by read.updated).
    ReadReceipts *readReceipts() { return &m_receipts; }
    // Sends read.mark for what the user has seen while the window is active; nothing is marked otherwise.
    ReadTracker *readTracker() { return &m_reads; }
    // Fetches CHANNELID's members: seeds the read receipts, then membersLoaded().
    void loadMembers(Wire::Id channelId);
    // The channel with CHANNELID, or a Channel without id when the list has none.
    Channel channel(Wire::Id channelId) const;
    qint64 cursor(Wire::Id channelId) const { return m_cursors.value(channelId, -1); }
    // True once the current connection has finished its `sync`.
    bool isSynced() const { return m_synced; }

    // Adds a channel the caller just created or joined through REST.
    void addChannel(const Channel &channel);
    // Channel changes through REST. On success the channel is in the list before the callback runs; on
    // failure the callback gets a sentence for the user.
    using ChannelCallback = std::function<void(const Channel &channel, const QString &error)>;
    void createGroupChannel(const QString &name, bool isPrivate, ChannelCallback callback);
    void joinChannel(Wire::Id channelId, ChannelCallback callback);
    void openDirectChannel(Wire::Id userId, ChannelCallback callback);
    // Searches through REST. On failure the callback gets an empty list and a sentence for the user.
    using ChannelsCallback = std::function<void(const QList<Channel> &channels, const QString &error)>;
    using UsersCallback = std::function<void(const QList<User> &users, const QString &error)>;
    // Public channels whose name matches QUERY (all of them for an empty query).
    void browseChannels(const QString &query, ChannelsCallback callback);
    // Up to LIMIT people whose username matches QUERY, the signed-in user left out.
    void findUsers(const QString &query, int limit, UsersCallback callback);
    // Points MODEL at CHANNELID (pending messages included) and treats it as the channel being read.
    void openChannel(MessageListModel *model, Wire::Id channelId);
    // Wires live events, acks and send states into MODEL.
    void attach(MessageListModel *model);
    // Edit, delete, pin, react and reply in threads (session/messageactions.h).
    MessageActions *actions() const { return m_actions.get(); }
    // Reports, roles, mutes and administration (session/moderation.h).
    Moderation *moderation() const { return m_moderation.get(); }

    // Queues TEXT (and files already uploaded) for CHANNELID and returns its clientMsgId; it is shown at once as
    // sending. The outbox keeps the attachments, so a reconnect sends the same clientMsgId and attachmentIds.
    QString sendMessage(Wire::Id channelId, const QString &text, const QList<Wire::Attachment> &attachments = {});
    void retry(const QString &clientMsgId);
    void setTyping(Wire::Id channelId, bool typing);
    // Adds (or removes) the signed-in user's EMOJI on MESSAGEID. Fire and forget: the model changes when the
    // reaction.added/removed event comes back, like everybody else's.
    void setReaction(Wire::Id messageId, const QString &emoji, bool add);
    // Who reacted with EMOJI on MESSAGEID, oldest first, as far as this client saw reaction events (live and in
    // sync replays): history pages carry only the count and whether the reader is among them.
    QList<Wire::Id> reactors(Wire::Id messageId, const QString &emoji) const;
    QList<Message> pendingMessages(Wire::Id channelId) const;
    int outboxSize() const { return int(m_outbox.size()); }

    void fetchOlder(Wire::Id channelId, Wire::Id beforeId, int limit, PageCallback callback) override;
    void fetchNewer(Wire::Id channelId, Wire::Id afterId, int limit, PageCallback callback) override;
    void fetchAround(Wire::Id channelId, Wire::Id messageId, int limit, PageCallback callback) override;

signals:
    void messageReceived(const Message &message);
    void messageChanged(const Message &message);
    // A live message.deleted. The event carries no time: DELETEDAT is the local clock's (the server's copy,
    // fetched later, has the exact one).
    void messageDeleted(Natter::Wire::Id channelId, Natter::Wire::Id messageId, qint64 deletedAt);
    // A live reaction.added/removed; MINE when the signed-in user reacted.
    void reactionChanged(
        Natter::Wire::Id channelId, Natter::Wire::Id messageId, const QString &emoji, bool added, bool mine);
    void pinChanged(Natter::Wire::Id channelId, Natter::Wire::Id messageId, bool pinned);
    void pendingAdded(const Message &message);
    void sendStateChanged(Natter::Wire::Id channelId, const QString &clientMsgId, SendState state);
    // The gap was too long for `sync`: models showing the channel must reload it.
    void channelReset(Natter::Wire::Id channelId);
    void typingChanged(Natter::Wire::Id channelId, Natter::Wire::Id userId, bool typing);
    // A member's read marker moved (read.updated).
    void readUpdated(Natter::Wire::Id channel, Natter::Wire::Id user, Natter::Wire::Id message);
    void membersLoaded(Natter::Wire::Id channel, const QList<Natter::Wire::Member> &members);
    void connectionStateChanged(Natter::Client::Session::ConnectionState state);
    void syncFinished();
    // The server no longer accepts the token.
    void signedOut();

private:
    void channelRequest(const QString &path, const QByteArray &body, ChannelCallback callback);
    void withPeer(Channel &channel) const;
    void findPeers(const QList<Channel> &channels);
    void subscribePresence();
    void onReady(const Wire::Ready &ready);
    void onEvent(Wire::FrameType type, const QJsonObject &frame);
    void onReply(const QString &reqId, Wire::FrameType type, const QJsonObject &frame);
    // True when the channel event SEQ of CHANNELID is the next one to apply (and advances the cursor); a repeat
    // is dropped, a gap asks for a sync.
    bool acceptChannelEvent(Wire::Id channelId, qint64 seq);
    void applyMemberChange(const Wire::MemberChanged &event);
    void applyNewMessage(const Message &message);
    void applyUpdatedMessage(const Message &message);
    void applyDeletedMessage(const Wire::MessageDeleted &event);
    void applyReaction(const Wire::ReactionChanged &event);
    void applyPin(const Wire::PinChanged &event);
    void applyChannelUpdate(const Wire::ChannelUpdated &event);
    void applyReadState(const Wire::ReadState &event);
    void applyMemberUpdate(const Wire::MemberUpdated &event);
    void requestSync(const QHash<Wire::Id, qint64> &channels);
    void finishSync(const Wire::SyncAck &ack);
    void pumpOutbox();
    void completeSend(const QString &clientMsgId, const Message &message);
    void failSend(const QString &clientMsgId);
    void setCursor(Wire::Id channelId, qint64 seq);
    void updateChannel(const Channel &channel);
    void removeChannel(Wire::Id channelId);
    Message localMessage(const OutboxEntry &entry) const;
    int outboxIndex(const QString &clientMsgId) const;

    ApiClient *m_api;
    GatewayClient *m_gateway;
    Cache *m_cache;
    User m_me;
    ChannelListModel m_channels;
    QHash<Wire::Id, qint64> m_cursors;
    QHash<Wire::Id, Wire::Id> m_lastMessageIds;
    QHash<Wire::Id, QHash<QString, QList<Wire::Id>>> m_reactors; // message → emoji → users (reactors())
    QHash<Wire::Id, Wire::Id> m_peers; // direct channel id -> the other member's user id
    QHash<Wire::Id, bool> m_online; // user id -> online, for the peers subscribed to
    Wire::Id m_activeChannel;
    QList<OutboxEntry> m_outbox;
    QString m_inFlightReq;
    QString m_inFlightClientMsgId;
    QTimer m_sendTimeout;
    QTimer m_retryTimer;
    QString m_syncReq;
    QSet<QString> m_gapSyncReqs;
    bool m_synced = false;
    PresenceTracker m_presence;
    ReadReceipts m_receipts;
    ReadTracker m_reads;
    int m_storedSinceTrim = 0;
    std::unique_ptr<MessageActions> m_actions;
    std::unique_ptr<Moderation> m_moderation;
};

} // namespace Natter::Client
