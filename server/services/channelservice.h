#pragma once

#include "services/authorizer.h"
#include "services/eventlog.h"
#include "store/records.h"

#include <common/result.h>

#include <common/protocol/channel.h>
#include <common/protocol/rest.h>

#include <QJsonObject>

class SnowflakeGenerator;

namespace Natter::Server {

class Database;
class ChannelStore;
class UserStore;
class Hub;
class Views;
class ModerationStore;

// Channels and membership, and the one place that decides whether a user may touch a channel.
class ChannelService
{
public:
    struct Access
    {
        ChannelRecord channel;
        MemberRecord member;
    };
    struct Created
    {
        Wire::Channel channel;
        bool created = false;
    };

    ChannelService(Database &db, ChannelStore &channels, UserStore &users, EventLog &events, Hub &hub,
        Views &views, SnowflakeGenerator &ids);

    // A member gets the channel and its membership. A non-member gets not_found for a private channel (its
    // existence is not leaked) and forbidden for a public one; an unknown channel is not_found.
    Result<Access> access(qint64 userId, qint64 channelId);
    // access(), then whether the caller may do ACTION there (services/authorizer.h: the rules, in one place).
    // TARGETID is the member acted on (RemoveMember, SetRole, Mute), NEWROLE the role asked for (SetRole).
    Result<Access> authorize(qint64 userId, qint64 channelId, ChannelAction action, qint64 targetId = 0,
        const QString &newRole = {});
    // authorize() for Write and React, the send hot path (docs/benchmarks.md): a member of a channel that is not
    // read-only is answered from the caches (member ids, read-only flags, mutes) without a database query, and
    // decide() still makes the decision; anyone else goes through authorize(). nullopt when allowed.
    std::optional<Wire::Error> authorizeWrite(qint64 userId, qint64 channelId, ChannelAction action);
    void setModeration(ModerationStore *store) { m_moderation = store; }

    QList<Wire::Channel> listFor(qint64 userId);
    Result<Wire::Channel> get(qint64 userId, qint64 channelId);
    Result<Created> create(qint64 userId, const QJsonObject &body);
    QList<Wire::Channel> browse(qint64 userId, const QString &query);
    Result<Wire::Channel> join(qint64 userId, qint64 channelId);
    Result<Wire::MemberList> members(qint64 userId, qint64 channelId);
    // The users that were not members yet (the answer's `added`).
    Result<QList<Wire::Id>> addMembers(qint64 actorId, qint64 channelId, const Wire::AddMembers &request);
    Result<bool> removeMember(qint64 actorId, qint64 channelId, qint64 targetId);

private:
    Result<Created> createGroup(qint64 userId, const QJsonObject &body);
    Result<Created> openDirect(qint64 userId, const QJsonObject &body);
    // Inside a transaction: adds USERID and logs member.joined.
    bool addMemberLogged(
        const ChannelRecord &channel, qint64 userId, const QString &role, QList<EventLog::Event> &events);
    // Ends a failed transaction: rolls back and forgets what the cache learnt inside it.
    Wire::Error abort(qint64 channelId);
    void announceAdded(qint64 channelId, const QList<qint64> &userIds);

    Database &m_db;
    ChannelStore &m_channels;
    UserStore &m_users;
    EventLog &m_events;
    Hub &m_hub;
    Views &m_views;
    SnowflakeGenerator &m_ids;
    ModerationStore *m_moderation = nullptr;
};

} // namespace Natter::Server
