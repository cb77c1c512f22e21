#pragma once

#include <QLatin1StringView>
#include <QStringView>

namespace Natter::Wire {

// Every frame type of the gateway, both directions, with its name on the wire. The list is the one table:
// FrameType, frameTypeName() and frameTypeFromName() are generated from it, so a name cannot drift.
#define NATTER_WIRE_FRAME_TYPES(X)                                                                           \
    /* client -> server */                                                                                   \
    X(Ping, "ping")                                                                                          \
    X(MessageSend, "message.send")                                                                           \
    X(MessageEdit, "message.edit")                                                                           \
    X(MessageDelete, "message.delete")                                                                       \
    X(ReactionAdd, "reaction.add")                                                                           \
    X(ReactionRemove, "reaction.remove")                                                                     \
    X(MessagePin, "message.pin")                                                                             \
    X(MessageUnpin, "message.unpin")                                                                         \
    X(TypingStart, "typing.start")                                                                           \
    X(TypingStop, "typing.stop")                                                                             \
    X(ReadMark, "read.mark")                                                                                 \
    X(PresenceSubscribe, "presence.subscribe")                                                               \
    X(Sync, "sync")                                                                                          \
    /* server -> client: answers */                                                                          \
    X(Ready, "ready")                                                                                        \
    X(Pong, "pong")                                                                                          \
    X(Ack, "ack")                                                                                            \
    X(Error, "error")                                                                                        \
    /* server -> client: channel events (carry seq) */                                                       \
    X(MessageNew, "message.new")                                                                             \
    X(MessageUpdated, "message.updated")                                                                     \
    X(MessageDeleted, "message.deleted")                                                                     \
    X(ReactionAdded, "reaction.added")                                                                       \
    X(ReactionRemoved, "reaction.removed")                                                                   \
    X(MessagePinned, "message.pinned")                                                                       \
    X(MessageUnpinned, "message.unpinned")                                                                   \
    X(MemberJoined, "member.joined")                                                                         \
    X(MemberLeft, "member.left")                                                                             \
    X(ChannelUpdated, "channel.updated")                                                                     \
    /* server -> client: ephemeral events */                                                                 \
    X(Typing, "typing")                                                                                      \
    X(ReadUpdated, "read.updated")                                                                           \
    X(Presence, "presence")                                                                                  \
    X(ChannelAdded, "channel.added")                                                                         \
    X(ChannelRemoved, "channel.removed")                                                                     \
    X(ReportsCount, "reports.count")                                                                         \
    X(ReportResolved, "report.resolved")                                                                     \
    X(MemberUpdated, "member.updated")

enum class FrameType : quint8 {
    Unknown,
#define NATTER_WIRE_ENUMERATOR(id, name) id,
    NATTER_WIRE_FRAME_TYPES(NATTER_WIRE_ENUMERATOR)
#undef NATTER_WIRE_ENUMERATOR
};

// The name on the wire; empty for Unknown.
QLatin1StringView frameTypeName(FrameType type);
// Unknown for a name that is not a frame type.
FrameType frameTypeFromName(QStringView name);

// Channel events are numbered per channel (seq) and replayed by `sync`.
bool isChannelEvent(FrameType type);
// Frames a client sends to the server.
bool isClientFrame(FrameType type);

} // namespace Natter::Wire
