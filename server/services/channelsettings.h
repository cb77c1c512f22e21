#pragma once

#include <common/result.h>

#include <common/protocol/channel.h>
#include <common/protocol/rest.h>

namespace Natter::Server {

class ChannelService;
class ChannelStore;
class Database;
class EventLog;
class Views;

// A group channel's settings (PATCH /channels/{id}): name, topic, pin policy; owners and admins only. The
// change is stored with its channel.updated event in one transaction and fanned out after the commit.
class ChannelSettings
{
public:
    ChannelSettings(Database &db, ChannelService &access, ChannelStore &channels, EventLog &events, Views &views);

    Result<Wire::Channel> update(qint64 userId, qint64 channelId, const Wire::ChannelSettings &settings);

private:
    Database &m_db;
    ChannelService &m_access;
    ChannelStore &m_channels;
    EventLog &m_events;
    Views &m_views;
};

} // namespace Natter::Server
