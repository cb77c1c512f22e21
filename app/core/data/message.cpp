#include "data/message.h"

#include <isotime.h>

namespace Natter::Client {

QDateTime timeFromWire(QStringView text)
{
    const qint64 ms = parseIsoTime(text);
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC) : QDateTime();
}

QString timeToWire(const QDateTime &time)
{
    return time.isValid() ? isoTime(time.toMSecsSinceEpoch()) : QString();
}

Message Message::fromJson(const QJsonObject &json)
{
    Message m;
    m.id = json.value(u"id").toString();
    m.channelId = json.value(u"channelId").toString();
    m.seq = json.value(u"seq").toInteger();
    m.clientMsgId = json.value(u"clientMsgId").toString();
    const QJsonObject author = json.value(u"author").toObject();
    m.author = { author.value(u"id").toString(), author.value(u"username").toString(),
        author.value(u"displayName").toString() };
    m.text = json.value(u"text").toString();
    m.createdAt = timeFromWire(json.value(u"createdAt").toString());
    m.editedAt = timeFromWire(json.value(u"editedAt").toString());
    m.deleted = !json.value(u"deletedAt").isNull() && json.contains(u"deletedAt");
    return m;
}

QJsonObject Message::toJson() const
{
    QJsonObject author { { u"id"_qs, this->author.id }, { u"username"_qs, this->author.username },
        { u"displayName"_qs, this->author.displayName } };
    return { { u"id"_qs, id }, { u"channelId"_qs, channelId }, { u"seq"_qs, seq },
        { u"clientMsgId"_qs, clientMsgId }, { u"author"_qs, author }, { u"text"_qs, text },
        { u"createdAt"_qs, timeToWire(createdAt) },
        { u"editedAt"_qs, editedAt.isValid() ? QJsonValue(timeToWire(editedAt)) : QJsonValue() },
        { u"deletedAt"_qs, deleted ? QJsonValue(timeToWire(createdAt)) : QJsonValue() } };
}

} // namespace Natter::Client
