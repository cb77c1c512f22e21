#pragma once

#include <protocol/channel.h>
#include <protocol/user.h>

#include <QDateTime>
#include <QList>
#include <QString>

namespace Natter::Client {

struct User
{
    QString id;
    QString username;
    QString displayName;
    bool online = false;

    static User fromWire(const Wire::User &user);
    Wire::User toWire() const;
};

// The caller's view of a channel (PROTOCOL.md "Channel"); unread counts are kept current by the session.
struct Channel
{
    QString id;
    QString type;
    QString name;
    QString topic;
    QString visibility;
    QString role;
    int memberCount = 0;
    QDateTime lastMessageAt;
    qint64 lastSeq = 0;
    int unreadCount = 0;
    int mentionCount = 0;
    QString lastReadMessageId;
    // Client-side only, for direct channels: the other member and whether they are online.
    QString peerId;
    bool peerOnline = false;

    bool isDirect() const { return type == Wire::toName(Wire::ChannelType::Direct); }
    // The client-side fields (peer) are left empty by fromWire() and are not part of the wire form.
    static Channel fromWire(const Wire::Channel &channel);
    Wire::Channel toWire() const;
};

// Newest activity first, the order the server gives and the channel list keeps.
bool channelNewerThan(const Channel &a, const Channel &b);

} // namespace Natter::Client
