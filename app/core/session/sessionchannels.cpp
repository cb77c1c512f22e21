// The channel-management half of Session: create, join and direct channels through REST, and the presence of
// the people on the other end of direct channels.
#include "net/apiclient.h"
#include "session/session.h"

#include <QJsonArray>
#include <QUrlQuery>

namespace Natter::Client {

void Session::channelRequest(const QString &path, const QJsonObject &body, ChannelCallback callback)
{
    m_api->post(path, body, this, [this, callback](const ApiResult &result) {
        if (!result.ok()) {
            callback({},
                result.networkError                 ? tr("The server cannot be reached right now.")
                    : result.errorMessage.isEmpty() ? tr("The server refused (%1).").arg(result.status)
                                                    : result.errorMessage);
            return;
        }
        const Channel channel = Channel::fromJson(result.json);
        addChannel(channel);
        callback(channel, {});
    });
}

void Session::createGroupChannel(const QString &name, bool isPrivate, ChannelCallback callback)
{
    channelRequest(u"/api/v1/channels"_qs,
        { { u"type"_qs, u"group"_qs }, { u"name"_qs, name },
            { u"visibility"_qs, isPrivate ? u"private"_qs : u"public"_qs } },
        std::move(callback));
}

void Session::joinChannel(const QString &channelId, ChannelCallback callback)
{
    channelRequest(u"/api/v1/channels/"_qs + channelId + u"/join"_qs, {}, std::move(callback));
}

void Session::openDirectChannel(const QString &userId, ChannelCallback callback)
{
    channelRequest(u"/api/v1/channels"_qs,
        { { u"type"_qs, u"direct"_qs }, { u"memberIds"_qs, QJsonArray { userId } } }, std::move(callback));
}

void Session::browseChannels(const QString &query, ChannelsCallback callback)
{
    QUrlQuery q;
    q.addQueryItem(u"query"_qs, query);
    m_api->get(u"/api/v1/channels/browse"_qs, q, this, [callback](const ApiResult &result) {
        QList<Channel> channels;
        for (const QJsonValue &v : result.json.value(u"channels").toArray())
            channels.append(Channel::fromJson(v.toObject()));
        callback(channels, result.ok() ? QString() : tr("Could not load channels."));
    });
}

void Session::findUsers(const QString &query, int limit, UsersCallback callback)
{
    QUrlQuery q;
    q.addQueryItem(u"query"_qs, query);
    q.addQueryItem(u"limit"_qs, QString::number(limit));
    m_api->get(u"/api/v1/users"_qs, q, this, [this, callback](const ApiResult &result) {
        QList<User> users;
        for (const QJsonValue &v : result.json.value(u"users").toArray()) {
            const User user = User::fromJson(v.toObject());
            if (user.id != m_me.id) users.append(user);
        }
        callback(users, result.ok() ? QString() : tr("Could not search people."));
    });
}

void Session::withPeer(Channel &channel) const
{
    if (!channel.isDirect()) return;
    channel.peerId = m_peers.value(channel.id);
    channel.peerOnline = !channel.peerId.isEmpty() && m_online.value(channel.peerId);
}

void Session::findPeers(const QList<Channel> &channels)
{
    for (const Channel &c : channels) {
        if (!c.isDirect() || m_peers.contains(c.id)) continue;
        const QString channelId = c.id;
        m_api->get(u"/api/v1/channels/"_qs + channelId + u"/members"_qs, {}, this,
            [this, channelId](const ApiResult &result) {
                if (!result.ok()) return;
                for (const QJsonValue &v : result.json.value(u"members").toArray()) {
                    const QString userId = v.toObject().value(u"user").toObject().value(u"id").toString();
                    if (userId != m_me.id) m_peers.insert(channelId, userId);
                }
                const Channel current = channel(channelId);
                if (!current.id.isEmpty()) updateChannel(current);
                subscribePresence();
            });
    }
}

void Session::subscribePresence()
{
    QStringList users = m_peers.values();
    users.removeDuplicates();
    if (users.isEmpty()) return;
    // Answered by one `presence` event per user, then by changes as they happen.
    m_gateway->call(
        { { u"type"_qs, u"presence.subscribe"_qs }, { u"userIds"_qs, QJsonArray::fromStringList(users) } });
}

} // namespace Natter::Client
