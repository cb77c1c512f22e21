#pragma once

#include <result.h>

#include <QJsonObject>

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

    Result<QJsonObject> update(qint64 userId, qint64 channelId, const QJsonObject &body);

private:
    Database &m_db;
    ChannelService &m_access;
    ChannelStore &m_channels;
    EventLog &m_events;
    Views &m_views;
};

} // namespace Natter::Server
