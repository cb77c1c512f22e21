#pragma once

#include <common/result.h>

#include <common/protocol/events.h>

#include <QByteArray>

namespace Natter::Server {

class ChannelService;
class Database;
class EventLog;
class MessageStore;
class PinStore;
class Views;

// Pinned messages: pinning follows the channel's pin policy; a pin or unpin is stored with its channel event in
// one transaction and fanned out after the commit. A second pin (or unpin) succeeds and logs nothing.
class PinService
{
public:
    PinService(Database &db, ChannelService &access, MessageStore &messages, PinStore &pins, EventLog &events,
        Views &views);

    Result<Wire::PinAck> pin(qint64 userId, qint64 messageId, bool pinned);
    // The channel's pinned messages, newest pin first (at most 100).
    Result<QByteArray> pins(qint64 userId, qint64 channelId);

private:
    Database &m_db;
    ChannelService &m_access;
    MessageStore &m_messages;
    PinStore &m_pins;
    EventLog &m_events;
    Views &m_views;
};

} // namespace Natter::Server
