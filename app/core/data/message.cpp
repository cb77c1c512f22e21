#include "data/message.h"
#include "logging.h"

#include <common/protocol/codec.h>

#include <algorithm>

namespace Natter::Client {

QDateTime timeFromWire(qint64 unixMs)
{
    return unixMs > 0 ? QDateTime::fromMSecsSinceEpoch(unixMs, Qt::UTC) : QDateTime();
}

qint64 timeToWire(const QDateTime &time)
{
    return time.isValid() ? time.toMSecsSinceEpoch() : 0;
}

bool Message::applyReaction(const QString &emoji, bool added, bool mine)
{
    if (isDeleted()) return false;
    auto it = std::find_if(reactions.begin(), reactions.end(), [&](const Wire::Reaction &r) { return r.emoji == emoji; });
    if (mine && it != reactions.end() && it->me == added) return false; // already applied
    if (added) {
        if (it == reactions.end()) {
            reactions.append({ emoji, 1, mine });
            return true;
        }
        ++it->count;
        if (mine) it->me = true;
        return true;
    }
    if (it == reactions.end()) return false;
    if (mine) it->me = false;
    if (--it->count <= 0) reactions.erase(it);
    return true;
}

void Message::keepLocalState(const Message &previous)
{
    pinned = previous.pinned && !isDeleted();
    for (Wire::Reaction &r : reactions)
        for (const Wire::Reaction &old : previous.reactions)
            if (old.emoji == r.emoji && old.me) r.me = true;
}

void Message::makeTombstone(qint64 at)
{
    deletedAt = at;
    text.clear();
    attachments.clear();
    reactions.clear();
    preview.reset();
    mentions.clear();
    pinned = false;
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
