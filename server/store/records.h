#pragma once

#include <QList>
#include <QString>

namespace Natter::Server {

// Rows as the services see them. Times are Unix milliseconds; 0 means "none".
struct UserRecord
{
    qint64 id = 0;
    QString username;
    QString displayName;
    qint64 createdAt = 0;
    qint64 lastSeen = 0;
    QString serverRole = QStringLiteral("member"); // "admin" | "member" (server administrators moderate)
    qint64 deactivatedAt = 0; // 0 while the account is active
    bool mustChangePassword = false; // an administrator reset the password

    bool isServerAdmin() const { return serverRole == u"admin"; }
};

struct ChannelRecord
{
    qint64 id = 0;
    QString type; // "group" | "direct"
    QString name;
    QString topic;
    QString visibility; // "public" | "private"
    qint64 createdBy = 0;
    qint64 createdAt = 0;
    qint64 lastMessageAt = 0;
    qint64 lastSeq = 0;
    qint64 messageCount = 0;
    int memberCount = 0;
    QString directKey;
    QString pinPolicy; // "members" | "admins"
    bool readOnly = false; // only owners and admins write

    bool isDirect() const { return type == u"direct"; }
    bool isPublic() const { return visibility == u"public"; }
    // For a direct channel, the member that is not USERID.
    qint64 directPeer(qint64 userId) const;
};

struct MemberRecord
{
    qint64 channelId = 0;
    qint64 userId = 0;
    QString role; // "owner" | "admin" | "member"
    qint64 joinedAt = 0;
    qint64 lastReadMessageId = 0;
    qint64 readOrdinal = 0;
    qint64 mentionCount = 0;

    bool isValid() const { return userId != 0; }
    bool canManage() const { return role == u"owner" || role == u"admin"; }
};

struct MessageRecord
{
    qint64 id = 0;
    qint64 channelId = 0;
    qint64 seq = 0;
    qint64 ordinal = 0;
    qint64 authorId = 0;
    QString clientMsgId;
    QString text;
    qint64 parentId = 0;
    int replyCount = 0;
    QList<qint64> mentions;
    qint64 createdAt = 0;
    qint64 editedAt = 0;
    qint64 deletedAt = 0;
    QByteArray previewJson; // the link preview object as JSON, empty when there is none

    bool isValid() const { return id != 0; }
};

} // namespace Natter::Server
