#pragma once

#include "frametype.h"
#include "id.h"

#include <QList>
#include <QString>

#include <utility>

class JsonReader;
class JsonWriter;

namespace Natter::Wire {

// The frames a client sends (PROTOCOL.md "Client → server"). Each has
//   FrameType frameType() const;
//   static T readFields(JsonReader &);   // strict, with the exact bad_request reasons the server answers
//   void writeFields(JsonWriter &) const; // the fields after `type` and `reqId`
// encodeFrame()/decodeFrame() in frame.h wrap them in the envelope. Limits come from common/protocollimits.h.

struct Ping
{
    FrameType frameType() const { return FrameType::Ping; }
    static Ping readFields(JsonReader &reader);
    void writeFields(JsonWriter &writer) const;
};

// message.send; the REST form (POST /channels/{id}/messages) is the same body without channelId.
struct SendMessage
{
    Id channelId;
    QString clientMsgId;
    QString text;
    Id parentId;
    QList<Id> attachmentIds;

    FrameType frameType() const { return FrameType::MessageSend; }
    static SendMessage readFields(JsonReader &reader);
    // The REST body: everything but channelId, which the path names.
    static SendMessage readBody(JsonReader &reader);
    void writeFields(JsonWriter &writer) const;
    friend bool operator==(const SendMessage &, const SendMessage &) = default;
};

// message.edit; the REST form (PATCH /messages/{id}) is {text}.
struct EditMessage
{
    Id messageId;
    QString text;

    FrameType frameType() const { return FrameType::MessageEdit; }
    static EditMessage readFields(JsonReader &reader);
    static EditMessage readBody(JsonReader &reader);
    void writeFields(JsonWriter &writer) const;
    friend bool operator==(const EditMessage &, const EditMessage &) = default;
};

// message.delete, message.pin and message.unpin: a frame that names one message.
struct MessageRequest
{
    FrameType type = FrameType::MessageDelete;
    Id messageId;

    FrameType frameType() const { return type; }
    static MessageRequest readFields(JsonReader &reader);
    void writeFields(JsonWriter &writer) const;
    friend bool operator==(const MessageRequest &, const MessageRequest &) = default;
};

// reaction.add / reaction.remove.
struct React
{
    bool add = true;
    Id messageId;
    QString emoji;

    FrameType frameType() const { return add ? FrameType::ReactionAdd : FrameType::ReactionRemove; }
    static React readFields(JsonReader &reader);
    void writeFields(JsonWriter &writer) const;
    friend bool operator==(const React &, const React &) = default;
};

// typing.start / typing.stop.
struct TypingRequest
{
    bool typing = true;
    Id channelId;

    FrameType frameType() const { return typing ? FrameType::TypingStart : FrameType::TypingStop; }
    static TypingRequest readFields(JsonReader &reader);
    void writeFields(JsonWriter &writer) const;
    friend bool operator==(const TypingRequest &, const TypingRequest &) = default;
};

struct ReadMark
{
    Id channelId;
    Id messageId;

    FrameType frameType() const { return FrameType::ReadMark; }
    static ReadMark readFields(JsonReader &reader);
    void writeFields(JsonWriter &writer) const;
    friend bool operator==(const ReadMark &, const ReadMark &) = default;
};

struct PresenceSubscribe
{
    QList<Id> userIds;

    FrameType frameType() const { return FrameType::PresenceSubscribe; }
    static PresenceSubscribe readFields(JsonReader &reader);
    void writeFields(JsonWriter &writer) const;
    friend bool operator==(const PresenceSubscribe &, const PresenceSubscribe &) = default;
};

struct Sync
{
    // (channel, last seq the client has), in the order the frame lists them.
    QList<std::pair<Id, qint64>> channels;

    FrameType frameType() const { return FrameType::Sync; }
    static Sync readFields(JsonReader &reader);
    void writeFields(JsonWriter &writer) const;
    friend bool operator==(const Sync &, const Sync &) = default;
};

// The part of the React frame type that the frame's name decides; set by decodeFrame() from the envelope.
void setFrameType(React &request, FrameType type);
void setFrameType(TypingRequest &request, FrameType type);
void setFrameType(MessageRequest &request, FrameType type);

} // namespace Natter::Wire
