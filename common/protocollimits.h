#pragma once

#include <QtGlobal>

// The protocol's limits (PROTOCOL.md), in one place so that server, app and tools agree.
namespace Limits {
inline constexpr qint64 MaxFrameBytes = 64 * 1024;
inline constexpr int MaxTextChars = 4000;
inline constexpr int MaxEmojiBytes = 32;
inline constexpr int MaxReqIdChars = 64;
inline constexpr int MaxClientMsgIdChars = 64;
inline constexpr int MinUsernameChars = 3;
inline constexpr int MaxUsernameChars = 32;
inline constexpr int MinPasswordChars = 8;
inline constexpr int MaxPasswordChars = 1024;
inline constexpr int MaxDisplayNameChars = 64;
inline constexpr int MaxChannelNameChars = 80;
inline constexpr int MaxTopicChars = 250;
inline constexpr int MaxQueryChars = 100;
inline constexpr int MaxMembersPerRequest = 500;
inline constexpr int MaxPresenceSubscriptions = 500;
inline constexpr int MaxSyncChannels = 2000;
inline constexpr int MaxAttachmentsPerMessage = 10;
inline constexpr int HistoryDefaultLimit = 50;
inline constexpr int HistoryMaxLimit = 100;
inline constexpr int UserSearchDefaultLimit = 20;
inline constexpr int UserSearchMaxLimit = 100;
inline constexpr int SyncResetThreshold = 1000;
inline constexpr int HeartbeatMs = 30000;
// Clients reconnect with exponential backoff and jitter, 1 s doubling to 30 s.
inline constexpr int ReconnectInitialBackoffMs = 1000;
inline constexpr int ReconnectMaxBackoffMs = 30000;
inline constexpr double SendRatePerSecond = 5.0;
inline constexpr double SendBurst = 10.0;
inline constexpr int TypingRelayIntervalMs = 2000;
inline constexpr qint64 DefaultUploadBytes = 25 * 1024 * 1024;
inline constexpr qint64 MaxHttpHeaderBytes = 16 * 1024;
inline constexpr qint64 MaxJsonBodyBytes = 1024 * 1024;
inline constexpr quint16 DefaultPort = 8787;
} // namespace Limits
