#pragma once

#include <QLatin1StringView>

// The audit log's vocabulary (GET /api/v1/admin/audit, docs/protocol.md "Moderation"): what was done and to
// what kind of thing. Entries are written by the server and read by administrators' clients.
namespace Natter::Wire::Audit {
using namespace Qt::StringLiterals;

inline constexpr QLatin1StringView MessageDelete = "message.delete"_L1;
inline constexpr QLatin1StringView ChannelReadOnly = "channel.read_only"_L1;
inline constexpr QLatin1StringView ChannelWritable = "channel.writable"_L1;
inline constexpr QLatin1StringView MemberRole = "member.role"_L1;
inline constexpr QLatin1StringView MemberMute = "member.mute"_L1;
inline constexpr QLatin1StringView MemberUnmute = "member.unmute"_L1;
inline constexpr QLatin1StringView UserDeactivate = "user.deactivate"_L1;
inline constexpr QLatin1StringView UserReactivate = "user.reactivate"_L1;
inline constexpr QLatin1StringView UserRole = "user.role"_L1;
inline constexpr QLatin1StringView UserResetPassword = "user.reset_password"_L1;
inline constexpr QLatin1StringView UserCreate = "user.create"_L1;
inline constexpr QLatin1StringView InviteCreate = "invite.create"_L1;
inline constexpr QLatin1StringView InviteRevoke = "invite.revoke"_L1;
inline constexpr QLatin1StringView ReportCreate = "report.create"_L1;
inline constexpr QLatin1StringView ReportResolve = "report.resolve"_L1;

// What an entry's target is.
namespace Target {
    inline constexpr QLatin1StringView User = "user"_L1;
    inline constexpr QLatin1StringView Message = "message"_L1;
    inline constexpr QLatin1StringView Channel = "channel"_L1;
    inline constexpr QLatin1StringView Invite = "invite"_L1;
    inline constexpr QLatin1StringView Report = "report"_L1;
} // namespace Target
} // namespace Natter::Wire::Audit
