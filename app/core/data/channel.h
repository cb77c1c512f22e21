#pragma once

#include <common/protocol/channel.h>
#include <common/protocol/user.h>

#include <QByteArray>
#include <QList>
#include <QMetaType>

#include <optional>

namespace Natter::Client {

// A user as the server sends it (PROTOCOL.md "User"). No local state yet; a struct of its own so that some can
// be added without touching the callers.
struct User : Wire::User
{
    User() = default;
    User(Wire::User wire)
        : Wire::User(std::move(wire))
    {
    }

    const Wire::User &wire() const { return *this; }
};

// The caller's view of a channel: the server's channel with every field it sends (PROTOCOL.md "Channel"; the
// unread counts are kept current by the session), plus local state for direct channels: the other member and
// whether they are online. The local fields are not part of the wire form and are not cached.
struct Channel : Wire::Channel
{
    Wire::Id peerId;
    bool peerOnline = false;

    Channel() = default;
    Channel(Wire::Channel wire)
        : Wire::Channel(std::move(wire))
    {
    }

    const Wire::Channel &wire() const { return *this; }

    // The channel as the wire writes it, and back (strict: nullopt for JSON that is not a channel).
    QByteArray toWireJson() const;
    static std::optional<Channel> fromWireJson(const QByteArray &json);
};

// Newest activity first, the order the server gives and the channel list keeps.
bool channelNewerThan(const Channel &a, const Channel &b);

} // namespace Natter::Client

Q_DECLARE_METATYPE(Natter::Client::Channel)
