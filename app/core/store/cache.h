#pragma once

#include "data/channel.h"
#include "data/message.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace Natter::Client {

struct OutboxEntry
{
    QString clientMsgId;
    Wire::Id channelId;
    QString text;
    QDateTime createdAt;
    bool failed = false;
    // Uploaded files the message carries (sent as attachmentIds; kept whole so the pending row shows them).
    QList<Wire::Attachment> attachments;
};

// The profile's local SQLite cache: the channel list, the most recent contiguous run of messages per channel
// (ending at that channel's seq cursor), the cursors themselves and the outbox. Everything here can be
// rebuilt from the server except the outbox.
class Cache
{
public:
    Cache();
    ~Cache();
    Cache(const Cache &) = delete;
    Cache &operator=(const Cache &) = delete;

    bool open(const QString &path);
    bool isOpen() const { return m_db.isOpen(); }

    QString meta(const QString &key) const;
    void setMeta(const QString &key, const QString &value);

    // Channels are kept as the wire JSON (every field the server sent); the local peer fields are not kept.
    QList<Channel> channels() const;
    void saveChannels(const QList<Channel> &channels);
    void saveChannel(const Channel &channel);
    void removeChannel(Wire::Id channelId);

    // Up to `limit` newest cached messages of the channel, oldest first.
    QList<Message> recentMessages(Wire::Id channelId, int limit) const;
    // One cached message, or nullopt when it is not in the cached run.
    std::optional<Message> message(Wire::Id channelId, Wire::Id messageId) const;
    void storeMessages(const QList<Message> &messages);
    // Replaces the cached run of the channel by MESSAGES (a fresh newest page).
    void replaceMessages(Wire::Id channelId, const QList<Message> &messages);
    void clearMessages(Wire::Id channelId);
    // Keeps the newest `keep` messages of the channel.
    void trimMessages(Wire::Id channelId, int keep);

    QHash<Wire::Id, qint64> cursors() const;
    void setCursor(Wire::Id channelId, qint64 seq);

    QList<OutboxEntry> outbox() const;
    void enqueue(const OutboxEntry &entry);
    void setOutboxFailed(const QString &clientMsgId, bool failed);
    void dequeue(const QString &clientMsgId);

private:
    bool migrateOutbox();
    bool exec(const QString &sql) const;

    QString m_connectionName;
    QSqlDatabase m_db;
};

} // namespace Natter::Client
