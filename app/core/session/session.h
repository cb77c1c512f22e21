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

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>

namespace Natter::Client {

class ApiClient;
class MessageListModel;

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
    void loadMembers(const QString &channelId);
    Channel channel(const QString &channelId) const;
    qint64 cursor(const QString &channelId) const { return m_cursors.value(channelId, -1); }
    // True once the current connection has finished its `sync`.
    bool isSynced() const { return m_synced; }

    // Adds a channel the caller just created or joined through REST.
    void addChannel(const Channel &channel);
    // Channel changes through REST. On success the channel is in the list before the callback runs; on
    // failure the callback gets a sentence for the user.
    using ChannelCallback = std::function<void(const Channel &channel, const QString &error)>;
    void createGroupChannel(const QString &name, bool isPrivate, ChannelCallback callback);
    void joinChannel(const QString &channelId, ChannelCallback callback);
    void openDirectChannel(const QString &userId, ChannelCallback callback);
    // Searches through REST. On failure the callback gets an empty list and a sentence for the user.
    using ChannelsCallback = std::function<void(const QList<Channel> &channels, const QString &error)>;
    using UsersCallback = std::function<void(const QList<User> &users, const QString &error)>;
    // Public channels whose name matches QUERY (all of them for an empty query).
    void browseChannels(const QString &query, ChannelsCallback callback);
    // Up to LIMIT people whose username matches QUERY, the signed-in user left out.
    void findUsers(const QString &query, int limit, UsersCallback callback);
    // Points MODEL at CHANNELID (pending messages included) and treats it as the channel being read.
    void openChannel(MessageListModel *model, const QString &channelId);
    // Wires live events, acks and send states into MODEL.
    void attach(MessageListModel *model);

    // Queues TEXT for CHANNELID and returns its clientMsgId; it is shown at once as sending.
    QString sendMessage(const QString &channelId, const QString &text);
    void retry(const QString &clientMsgId);
    void setTyping(const QString &channelId, bool typing);
    QList<Message> pendingMessages(const QString &channelId) const;
    int outboxSize() const { return int(m_outbox.size()); }

    void fetchOlder(
        const QString &channelId, const QString &beforeId, int limit, PageCallback callback) override;
    void fetchNewer(
        const QString &channelId, const QString &afterId, int limit, PageCallback callback) override;
    void fetchAround(
        const QString &channelId, const QString &messageId, int limit, PageCallback callback) override;

signals:
    void messageReceived(const Message &message);
    void messageChanged(const Message &message);
    void messageDeleted(const QString &channelId, const QString &messageId);
    void pendingAdded(const Message &message);
    void sendStateChanged(const QString &channelId, const QString &clientMsgId, SendState state);
    // The gap was too long for `sync`: models showing the channel must reload it.
    void channelReset(const QString &channelId);
    void typingChanged(const QString &channelId, const QString &userId, bool typing);
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
    void requestSync(const QHash<QString, qint64> &channels);
    void finishSync(const Wire::SyncAck &ack);
    void pumpOutbox();
    void completeSend(const QString &clientMsgId, const Message &message);
    void failSend(const QString &clientMsgId);
    void setCursor(const QString &channelId, qint64 seq);
    void updateChannel(const Channel &channel);
    void removeChannel(const QString &channelId);
    Message localMessage(const OutboxEntry &entry) const;
    int outboxIndex(const QString &clientMsgId) const;

    ApiClient *m_api;
    GatewayClient *m_gateway;
    Cache *m_cache;
    User m_me;
    ChannelListModel m_channels;
    QHash<QString, qint64> m_cursors;
    QHash<QString, QString> m_lastMessageIds;
    QHash<QString, QString> m_peers; // direct channel id -> the other member's user id
    QHash<QString, bool> m_online; // user id -> online, for the peers subscribed to
    QString m_activeChannel;
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
};

} // namespace Natter::Client
