#pragma once

#include <common/protocol/message.h>

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

#include <optional>

namespace Natter::Client {

enum class SendState { Sent, Sending, Failed };

// One chat message as the client keeps it: the server's message with every field it sends (replies,
// attachments, reactions, preview, mentions, edit and delete times), plus local state: the send state and
// whether it is pinned (learnt from live pin events only: the wire message does not say, and the cache does
// not keep it). Local (not yet acknowledged) messages have no id and a clientMsgId; the server's copy always
// carries both.
struct Message : Wire::Message
{
    SendState state = SendState::Sent;
    bool pinned = false;

    Message() = default;
    Message(Wire::Message wire)
        : Wire::Message(std::move(wire))
    {
    }

    bool isLocal() const { return !id.isValid(); }
    const Wire::Message &wire() const { return *this; }

    // Applies a reaction.added/removed event to the `reactions` aggregate: the emoji's count goes up or down
    // (an entry whose count reaches 0 is dropped, a new emoji is appended) and, for the signed-in user's own
    // reaction (MINE), `me` follows. MINE events are idempotent (adding a reaction `me` already has changes
    // nothing); other users' are not distinguishable, so each one counts. False when nothing changed.
    bool applyReaction(const QString &emoji, bool added, bool mine);
    // Takes over what only the client knows from PREVIOUS, an older copy of the same message: the pin and the
    // `me` of each reaction (frames shared by every recipient, like message.updated, always say false).
    void keepLocalState(const Message &previous);
    // Turns the message into the tombstone the server keeps for a deleted message (PROTOCOL.md "Message"):
    // text, attachments, reactions, preview and mentions gone, not pinned, DELETEDAT set; id, channel, seq,
    // author, reply links and times stay.
    void makeTombstone(qint64 deletedAt);

    // The message as the wire writes it, and back (strict: nullopt for JSON that is not a message).
    QByteArray toWireJson() const;
    static std::optional<Message> fromWireJson(const QByteArray &json);
};

// Wire times (Unix ms, 0 for none) as QDateTime for views: an invalid QDateTime stands for "no time".
QDateTime timeFromWire(qint64 unixMs);
qint64 timeToWire(const QDateTime &time);

} // namespace Natter::Client

Q_DECLARE_METATYPE(Natter::Client::Message)
