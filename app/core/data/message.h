#pragma once

#include <protocol/message.h>

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

#include <optional>

namespace Natter::Client {

enum class SendState { Sent, Sending, Failed };

// One chat message as the client keeps it: the server's message with every field it sends (replies,
// attachments, reactions, preview, mentions, edit and delete times), plus the local send state. Local (not yet
// acknowledged) messages have no id and a clientMsgId; the server's copy always carries both.
struct Message : Wire::Message
{
    SendState state = SendState::Sent;

    Message() = default;
    Message(Wire::Message wire)
        : Wire::Message(std::move(wire))
    {
    }

    bool isLocal() const { return !id.isValid(); }
    const Wire::Message &wire() const { return *this; }

    // The message as the wire writes it, and back (strict: nullopt for JSON that is not a message).
    QByteArray toWireJson() const;
    static std::optional<Message> fromWireJson(const QByteArray &json);
};

// Wire times (Unix ms, 0 for none) as QDateTime for views: an invalid QDateTime stands for "no time".
QDateTime timeFromWire(qint64 unixMs);
qint64 timeToWire(const QDateTime &time);

} // namespace Natter::Client

Q_DECLARE_METATYPE(Natter::Client::Message)
