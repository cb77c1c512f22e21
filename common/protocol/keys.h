#pragma once

#include <QLatin1StringView>

// Every JSON key of the wire contract (PROTOCOL.md and docs/protocol.md), spelled once. Keys are Latin-1
// views so that QJsonObject lookups and JsonWriter take them without converting or allocating.
namespace Natter::Wire::Key {
using namespace Qt::StringLiterals;

// Frame envelope and errors
inline constexpr QLatin1StringView Type = "type"_L1;
inline constexpr QLatin1StringView ReqId = "reqId"_L1;
inline constexpr QLatin1StringView Error = "error"_L1;
inline constexpr QLatin1StringView Code = "code"_L1;
inline constexpr QLatin1StringView Message = "message"_L1;
inline constexpr QLatin1StringView RetryAfterMs = "retryAfterMs"_L1;

// ready
inline constexpr QLatin1StringView SessionId = "sessionId"_L1;
inline constexpr QLatin1StringView User = "user"_L1;
inline constexpr QLatin1StringView HeartbeatMs = "heartbeatMs"_L1;
inline constexpr QLatin1StringView Channels = "channels"_L1;

// Common fields of events and requests
inline constexpr QLatin1StringView Channel = "channel"_L1;
inline constexpr QLatin1StringView ChannelId = "channelId"_L1;
inline constexpr QLatin1StringView Seq = "seq"_L1;
inline constexpr QLatin1StringView MessageId = "messageId"_L1;
inline constexpr QLatin1StringView UserId = "userId"_L1;
inline constexpr QLatin1StringView UserIds = "userIds"_L1;
inline constexpr QLatin1StringView MemberIds = "memberIds"_L1;
inline constexpr QLatin1StringView Emoji = "emoji"_L1;
inline constexpr QLatin1StringView Typing = "typing"_L1;
inline constexpr QLatin1StringView Online = "online"_L1;
inline constexpr QLatin1StringView LastSeen = "lastSeen"_L1;
inline constexpr QLatin1StringView AttachmentIds = "attachmentIds"_L1;

// Answers
inline constexpr QLatin1StringView Reset = "reset"_L1;
inline constexpr QLatin1StringView Moved = "moved"_L1;
inline constexpr QLatin1StringView Changed = "changed"_L1;
inline constexpr QLatin1StringView Pinned = "pinned"_L1;
inline constexpr QLatin1StringView Added = "added"_L1;
inline constexpr QLatin1StringView Count = "count"_L1;

// User, author
inline constexpr QLatin1StringView Id = "id"_L1;
inline constexpr QLatin1StringView Username = "username"_L1;
inline constexpr QLatin1StringView DisplayName = "displayName"_L1;
inline constexpr QLatin1StringView Password = "password"_L1;
inline constexpr QLatin1StringView Token = "token"_L1;

// Channel
inline constexpr QLatin1StringView Name = "name"_L1;
inline constexpr QLatin1StringView Topic = "topic"_L1;
inline constexpr QLatin1StringView Visibility = "visibility"_L1;
inline constexpr QLatin1StringView CreatedBy = "createdBy"_L1;
inline constexpr QLatin1StringView CreatedAt = "createdAt"_L1;
inline constexpr QLatin1StringView MemberCount = "memberCount"_L1;
inline constexpr QLatin1StringView LastMessageAt = "lastMessageAt"_L1;
inline constexpr QLatin1StringView LastSeq = "lastSeq"_L1;
inline constexpr QLatin1StringView UnreadCount = "unreadCount"_L1;
inline constexpr QLatin1StringView MentionCount = "mentionCount"_L1;
inline constexpr QLatin1StringView LastReadMessageId = "lastReadMessageId"_L1;
inline constexpr QLatin1StringView Role = "role"_L1;
inline constexpr QLatin1StringView PinPolicy = "pinPolicy"_L1;

// Member
inline constexpr QLatin1StringView JoinedAt = "joinedAt"_L1;
inline constexpr QLatin1StringView Members = "members"_L1;

// Message
inline constexpr QLatin1StringView ClientMsgId = "clientMsgId"_L1;
inline constexpr QLatin1StringView Author = "author"_L1;
inline constexpr QLatin1StringView Text = "text"_L1;
inline constexpr QLatin1StringView ParentId = "parentId"_L1;
inline constexpr QLatin1StringView ReplyCount = "replyCount"_L1;
inline constexpr QLatin1StringView Attachments = "attachments"_L1;
inline constexpr QLatin1StringView Reactions = "reactions"_L1;
inline constexpr QLatin1StringView Preview = "preview"_L1;
inline constexpr QLatin1StringView Mentions = "mentions"_L1;
inline constexpr QLatin1StringView EditedAt = "editedAt"_L1;
inline constexpr QLatin1StringView DeletedAt = "deletedAt"_L1;

// Attachment
inline constexpr QLatin1StringView Mime = "mime"_L1;
inline constexpr QLatin1StringView Size = "size"_L1;
inline constexpr QLatin1StringView Url = "url"_L1;
inline constexpr QLatin1StringView Width = "width"_L1;
inline constexpr QLatin1StringView Height = "height"_L1;
inline constexpr QLatin1StringView ThumbnailUrl = "thumbnailUrl"_L1;

// Reaction
inline constexpr QLatin1StringView Me = "me"_L1;

// Link preview
inline constexpr QLatin1StringView Title = "title"_L1;
inline constexpr QLatin1StringView Description = "description"_L1;
inline constexpr QLatin1StringView ImageUrl = "imageUrl"_L1;

// Pages and lists (REST)
inline constexpr QLatin1StringView Messages = "messages"_L1;
inline constexpr QLatin1StringView HasMore = "hasMore"_L1;
inline constexpr QLatin1StringView HasMoreAfter = "hasMoreAfter"_L1;
inline constexpr QLatin1StringView Users = "users"_L1;
// Health (GET /api/v1/health)
inline constexpr QLatin1StringView Status = "status"_L1;
inline constexpr QLatin1StringView Store = "store"_L1;
inline constexpr QLatin1StringView Engine = "engine"_L1;
inline constexpr QLatin1StringView Ok = "ok"_L1;
inline constexpr QLatin1StringView Version = "version"_L1;
inline constexpr QLatin1StringView UptimeMs = "uptimeMs"_L1;
inline constexpr QLatin1StringView Connections = "connections"_L1;

// Moderation and administration (docs/protocol.md, Moderation)
inline constexpr QLatin1StringView ServerRole = "serverRole"_L1;
inline constexpr QLatin1StringView Deactivated = "deactivated"_L1;
inline constexpr QLatin1StringView ReadOnly = "readOnly"_L1;
inline constexpr QLatin1StringView Invite = "invite"_L1;
inline constexpr QLatin1StringView NewPassword = "newPassword"_L1;
inline constexpr QLatin1StringView TemporaryPassword = "temporaryPassword"_L1;
inline constexpr QLatin1StringView DurationSeconds = "durationSeconds"_L1;
inline constexpr QLatin1StringView MutedUntil = "mutedUntil"_L1;
inline constexpr QLatin1StringView Reason = "reason"_L1;
inline constexpr QLatin1StringView MaxUses = "maxUses"_L1;
inline constexpr QLatin1StringView Uses = "uses"_L1;
inline constexpr QLatin1StringView ExpiresInSeconds = "expiresInSeconds"_L1;
inline constexpr QLatin1StringView ExpiresAt = "expiresAt"_L1;
inline constexpr QLatin1StringView Reports = "reports"_L1;
inline constexpr QLatin1StringView ReportId = "reportId"_L1;
inline constexpr QLatin1StringView ReporterId = "reporterId"_L1;
inline constexpr QLatin1StringView Action = "action"_L1;
inline constexpr QLatin1StringView Outcome = "outcome"_L1;
inline constexpr QLatin1StringView Open = "open"_L1;
inline constexpr QLatin1StringView Entries = "entries"_L1;
inline constexpr QLatin1StringView At = "at"_L1;
inline constexpr QLatin1StringView ActorId = "actorId"_L1;
inline constexpr QLatin1StringView TargetType = "targetType"_L1;
inline constexpr QLatin1StringView TargetId = "targetId"_L1;
inline constexpr QLatin1StringView Detail = "detail"_L1;
inline constexpr QLatin1StringView Invites = "invites"_L1;
inline constexpr QLatin1StringView ResolvedAt = "resolvedAt"_L1;
inline constexpr QLatin1StringView ResolvedBy = "resolvedBy"_L1;
inline constexpr QLatin1StringView Registration = "registration"_L1;
} // namespace Natter::Wire::Key
