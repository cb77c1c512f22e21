#pragma once

// REST routes of moderation and administration (issue 16; docs/protocol.md "Moderation"), beside rest.h's.
// Kept in their own header so that adding them does not rebuild every user of rest.h.
namespace Natter::Wire::Rest::Route {
inline constexpr char ChangePassword[] = "/api/v1/auth/password";
inline constexpr char MemberMute[] = "/api/v1/channels/<arg>/members/<arg>/mute";
inline constexpr char Invites[] = "/api/v1/invites";
inline constexpr char MessageReport[] = "/api/v1/messages/<arg>/report";
inline constexpr char Reports[] = "/api/v1/reports";
inline constexpr char ReportResolve[] = "/api/v1/reports/<arg>/resolve";
inline constexpr char AdminAudit[] = "/api/v1/admin/audit";
inline constexpr char AdminUser[] = "/api/v1/admin/users/<arg>";
inline constexpr char AdminUserDeactivate[] = "/api/v1/admin/users/<arg>/deactivate";
inline constexpr char AdminUserReactivate[] = "/api/v1/admin/users/<arg>/reactivate";
inline constexpr char AdminUserResetPassword[] = "/api/v1/admin/users/<arg>/reset-password";
// `natter-server admin` on a running server: loopback only, with the token of DATA/admin.token.
inline constexpr char AdminLocal[] = "/api/v1/admin/local";
} // namespace Natter::Wire::Rest::Route

// Additions of the app's administration window (docs/protocol.md, "Moderation"): the accounts, and the invites
// still usable with a way to revoke one.
namespace Natter::Wire::Rest::Route {
inline constexpr char AdminUsers[] = "/api/v1/admin/users";
inline constexpr char Invite[] = "/api/v1/invites/<arg>";
} // namespace Natter::Wire::Rest::Route
