#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

class ChannelStore;
class Hub;

// The per-channel event log that `sync` replays. append() runs inside the caller's transaction and gives the
// event the channel's next seq; publish() runs only after that transaction committed.
class EventLog
{
public:
    struct Event
    {
        qint64 channelId = 0;
        qint64 seq = 0;
        QByteArray frame;
    };

    EventLog(ChannelStore &channels, Hub &hub);

    // SEQ is the seq already taken with ChannelStore::nextSeq() for this event, or 0 to take the next one
    // here.
    std::optional<Event> append(qint64 channelId, const QString &type, QJsonObject fields, qint64 seq = 0);
    // The same for a frame {type, KEY: JSON, channelId, seq} whose one field is already serialised (the send
    // path's message.new).
    std::optional<Event> appendJson(
        qint64 channelId, const QString &type, const char *key, const QByteArray &json, qint64 seq);
    void publish(const Event &event, qint64 exceptUser = 0);

private:
    ChannelStore &m_channels;
    Hub &m_hub;
};
