#include "data/message.h"
#include "logging.h"

#include <protocol/codec.h>

namespace Natter::Client {

QDateTime timeFromWire(qint64 unixMs)
{
    return unixMs > 0 ? QDateTime::fromMSecsSinceEpoch(unixMs, Qt::UTC) : QDateTime();
}

qint64 timeToWire(const QDateTime &time)
{
    return time.isValid() ? time.toMSecsSinceEpoch() : 0;
}

QByteArray Message::toWireJson() const
{
    return Wire::encode(wire());
}

std::optional<Message> Message::fromWireJson(const QByteArray &json)
{
    QString error;
    const std::optional<QJsonObject> object = JsonReader::parseObject(json, &error);
    std::optional<Wire::Message> m = object ? Wire::decode<Wire::Message>(*object, &error) : std::nullopt;
    if (!m) {
        qCWarning(lcCache) << "not a message:" << error;
        return std::nullopt;
    }
    return Message(std::move(*m));
}

} // namespace Natter::Client
