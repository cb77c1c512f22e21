#include "data/channel.h"
#include "logging.h"

#include <common/protocol/codec.h>

namespace Natter::Client {

QByteArray Channel::toWireJson() const
{
    return Wire::encode(wire());
}

std::optional<Channel> Channel::fromWireJson(const QByteArray &json)
{
    QString error;
    const std::optional<QJsonObject> object = JsonReader::parseObject(json, &error);
    std::optional<Wire::Channel> c = object ? Wire::decode<Wire::Channel>(*object, &error) : std::nullopt;
    if (!c) {
        qCWarning(lcCache) << "not a channel:" << error;
        return std::nullopt;
    }
    return Channel(std::move(*c));
}

bool channelNewerThan(const Channel &a, const Channel &b)
{
    // 0 is "no message yet": such channels go last.
    if (a.lastMessageAt != b.lastMessageAt) return a.lastMessageAt > b.lastMessageAt;
    return a.id > b.id;
}

} // namespace Natter::Client
