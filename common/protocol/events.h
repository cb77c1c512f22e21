#pragma once

#include "channel.h"
#include "error.h"
#include "frametype.h"
#include "id.h"
#include "message.h"
#include "reaction.h"
#include "user.h"

#include <QList>
#include <QString>

class JsonReader;
class JsonWriter;

namespace Natter::Wire {

// The frames a server sends (PROTOCOL.md "Server → client" and docs/protocol.md). Same shape as requests.h:
// frameType(), readFields(), writeFields(); frame.h adds the envelope.

// The first frame of every connection.
struct Ready
{
    QString sessionId;
    User user;
    int heartbeatMs = 0;
    QList<Channel> channels;

    FrameType frameType() const { return FrameType::Ready; }
    static Ready readFields(JsonReader &reader);
    void writeFields(JsonWriter &writer) const;
};

struct Pong
{
    FrameType frameType() const { return FrameType::Pong; }
    static Pong readFields(JsonReader &reader);
    void writeFields(JsonWriter &writer) const;
};

// `{type: "error", reqId?, error}`.
struct ErrorFrame
{
    Error error;

    FrameType frameType() const { return FrameType::Error; }
    static ErrorFrame readFields(JsonReader &reader);
    void writeFields(JsonWriter &writer) const;
};

// An `ack` with no result fields (message.delete, typing, …).
struct Ack
{
    FrameType frameType() const { return FrameType::Ack; }
    static Ack readFields(JsonReader &reader);
    void writeFields(JsonWriter &writer) const;
};

// The ack of message.send and message.edit: {message}.
struct MessageAck
{
    Message message;

    FrameType frameType() const { return FrameType::Ack; }
    static MessageAck readFields(JsonReader &reader);
    void writeFields(JsonWriter &writer) const;
    // The same frame around a message already serialised (the server's send path renders a message once).
    static QByteArray encode(const QString &reqId, const QByteArray &messageJson);
};

// The ack of sync: per channel {lastSeq, reset[, error]}.
struct SyncAck
{
    struct Result
    {
        Id channelId;
        qint64 lastSeq = 0;
        bool reset = false;
        std::optional<Error> error; // the caller may not read the channel
        friend bool operator==(const Result &, const Result &) = default;
    };
    QList<Result> channels;

    FrameType frameType() const { return FrameType::Ack; }
    static SyncAck readFields(JsonReader &reader);
    void writeFields(JsonWriter &writer) const;
};

// The ack of read.mark: {moved}.
struct ReadMarkAck
{
    bool moved = false;

    FrameType frameType() const { return FrameType::Ack; }
    static ReadMarkAck readFields(JsonReader &reader);
    void writeFields(JsonWriter &writer) const;
};

// The ack of reaction.add/remove: {changed, reactions} with `me` for the caller.
struct ReactionAck
{
    bool changed = false;
    QList<Reaction> reactions;

    FrameType frameType() const { return FrameType::Ack; }
    static ReactionAck readFields(JsonReader &reader);
    void writeFields(JsonWriter &writer) const;
};

// The ack of message.pin/unpin (and the REST answer of POST/DELETE /messages/{id}/pin): {changed, pinned}.
struct PinAck
{
    bool changed = false;
    bool pinned = false;

    FrameType frameType() const { return FrameType::Ack; }
    static PinAck readFields(JsonReader &reader);
    void writeFields(JsonWriter &writer) const;
};

// The ack of presence.subscribe: {count}.
struct PresenceAck
{
    int count = 0;

    FrameType frameType() const { return FrameType::Ack; }
    static PresenceAck readFields(JsonReader &reader);
    void writeFields(JsonWriter &writer) const;
};

// message.new and message.updated: {channelId, seq, message}.
struct MessageEvent
{
    bool updated = false;
    Id channelId;
    qint64 seq = 0;
    Message message;

    FrameType frameType() const { return updated ? FrameType::MessageUpdated : FrameType::MessageNew; }
    static MessageEvent readFields(JsonReader &reader);
    void writeFields(JsonWriter &writer) const;
    // The whole frame around a message already serialised, as the server's send path and replay write it.
    static QByteArray encode(FrameType type, Id channelId, qint64 seq, const QByteArray &messageJson);
};

struct MessageDeleted
{
    Id channelId;
    qint64 seq = 0;
    Id messageId;

    FrameType frameType() const { return FrameType::MessageDeleted; }
    static MessageDeleted readFields(JsonReader &reader);
    void writeFields(JsonWriter &writer) const;
    friend bool operator==(const MessageDeleted &, const MessageDeleted &) = default;
};

// reaction.added / reaction.removed: {channelId, seq, messageId, emoji, userId}.
struct ReactionChanged
{
    bool added = true;
    Id channelId;
    qint64 seq = 0;
    Id messageId;
    QString emoji;
    Id userId;

    FrameType frameType() const { return added ? FrameType::ReactionAdded : FrameType::ReactionRemoved; }
    static ReactionChanged readFields(JsonReader &reader);
    void writeFields(JsonWriter &writer) const;
    friend bool operator==(const ReactionChanged &, const ReactionChanged &) = default;
};

// message.pinned / message.unpinned: {channelId, seq, messageId, userId}.
struct PinChanged
{
    bool pinned = true;
    Id channelId;
    qint64 seq = 0;
    Id messageId;
    Id userId;

    FrameType frameType() const { return pinned ? FrameType::MessagePinned : FrameType::MessageUnpinned; }
    static PinChanged readFields(JsonReader &reader);
    void writeFields(JsonWriter &writer) const;
    friend bool operator==(const PinChanged &, const PinChanged &) = default;
};

// member.joined / member.left: {channelId, seq, user}.
struct MemberChanged
{
    bool joined = true;
    Id channelId;
    qint64 seq = 0;
    User user;

    FrameType frameType() const { return joined ? FrameType::MemberJoined : FrameType::MemberLeft; }
    static MemberChanged readFields(JsonReader &reader);
    void writeFields(JsonWriter &writer) const;
};

struct ChannelUpdated
{
    Id channelId;
    qint64 seq = 0;
    Channel channel;

    FrameType frameType() const { return FrameType::ChannelUpdated; }
    static ChannelUpdated readFields(JsonReader &reader);
    void writeFields(JsonWriter &writer) const;
};

// Ephemeral: typing {channelId, userId, typing}.
struct TypingEvent
{
    Id channelId;
    Id userId;
    bool typing = false;

    FrameType frameType() const { return FrameType::Typing; }
    static TypingEvent readFields(JsonReader &reader);
    void writeFields(JsonWriter &writer) const;
    friend bool operator==(const TypingEvent &, const TypingEvent &) = default;
};

// Ephemeral: read.updated {channelId, userId, messageId}: where a member's read marker now stands.
struct ReadState
{
    Id channelId;
    Id userId;
    Id messageId;

    FrameType frameType() const { return FrameType::ReadUpdated; }
    static ReadState readFields(JsonReader &reader);
    void writeFields(JsonWriter &writer) const;
    friend bool operator==(const ReadState &, const ReadState &) = default;
};

// Ephemeral: presence {userId, online, lastSeen}.
struct PresenceEvent
{
    Id userId;
    bool online = false;
    qint64 lastSeen = 0;

    FrameType frameType() const { return FrameType::Presence; }
    static PresenceEvent readFields(JsonReader &reader);
    void writeFields(JsonWriter &writer) const;
    friend bool operator==(const PresenceEvent &, const PresenceEvent &) = default;
};

struct ChannelAdded
{
    Channel channel;

    FrameType frameType() const { return FrameType::ChannelAdded; }
    static ChannelAdded readFields(JsonReader &reader);
    void writeFields(JsonWriter &writer) const;
};

struct ChannelRemoved
{
    Id channelId;

    FrameType frameType() const { return FrameType::ChannelRemoved; }
    static ChannelRemoved readFields(JsonReader &reader);
    void writeFields(JsonWriter &writer) const;
};

// Ephemeral, to server administrators: how many reports wait in the queue (docs/protocol.md, Moderation).
struct ReportsCount
{
    qint64 open = 0;

    FrameType frameType() const { return FrameType::ReportsCount; }
    static ReportsCount readFields(JsonReader &reader);
    void writeFields(JsonWriter &writer) const;
};

// Ephemeral, to the reporter: what became of their report. OUTCOME is dismissed, deleted, muted or deactivated.
struct ReportResolved
{
    Id reportId;
    Id messageId;
    QString outcome;

    FrameType frameType() const { return FrameType::ReportResolved; }
    static ReportResolved readFields(JsonReader &reader);
    void writeFields(JsonWriter &writer) const;
};

// Ephemeral, to the channel's members (docs/protocol.md, Moderation): a member's role or mute changed.
// {channelId, userId, role, mutedUntil}; mutedUntil is null when the member is not muted.
struct MemberUpdated
{
    Id channelId;
    Id userId;
    Role role = Role::Member;
    qint64 mutedUntil = 0;

    FrameType frameType() const { return FrameType::MemberUpdated; }
    static MemberUpdated readFields(JsonReader &reader);
    void writeFields(JsonWriter &writer) const;
    friend bool operator==(const MemberUpdated &, const MemberUpdated &) = default;
};

void setFrameType(MessageEvent &event, FrameType type);
void setFrameType(ReactionChanged &event, FrameType type);
void setFrameType(PinChanged &event, FrameType type);
void setFrameType(MemberChanged &event, FrameType type);

} // namespace Natter::Wire
