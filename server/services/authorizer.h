#pragma once

#include "store/records.h"

#include <common/protocol/error.h>

#include <optional>

namespace Natter::Server {

// What a caller wants to do in a channel. ChannelService::authorize() is the one place that answers; the rules
// are written out in docs/protocol.md ("Moderation") and tested as a table in tst_moderation and tst_authmatrix.
enum class ChannelAction {
    Read, // history, members, pins, typing, read markers
    Write, // send, edit (muted members and, in a read-only channel, plain members may not)
    React,
    ManageSettings, // PATCH /channels/{id}: name, topic, pin policy, read-only
    AddMembers,
    RemoveMember, // someone else; leaving is always allowed
    SetRole, // PATCH /channels/{id}/members/{userId} {role}
    Mute, // mute or unmute a member
    DeleteOthersMessage,
};

// Everything a decision looks at, loaded by ChannelService::authorize().
struct AuthorizationSubject
{
    ChannelRecord channel;
    MemberRecord actor; // the caller's membership (valid: access() has let them in)
    std::optional<MemberRecord> target; // the member acted on, when the action has one
    QString newRole; // SetRole only
    qint64 actorMutedUntil = 0; // Unix ms, 0 when not muted
    qint64 targetUserId = 0;
};

// The decision for a caller who may see the channel (access() passed): nullopt when allowed, else the error.
std::optional<Wire::Error> decide(ChannelAction action, const AuthorizationSubject &subject);

// "you are muted in this channel until 2026-…Z": the refusal a muted member gets for Write and React.
QString mutedMessage(qint64 until);

} // namespace Natter::Server
