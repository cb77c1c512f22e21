// The channel-management half of Session: create, join and direct channels through REST, and the presence of
// the people on the other end of direct channels.
#include "logging.h"
#include "net/apiclient.h"
#include "session/session.h"

#include <common/protocol/codec.h>
#include <common/protocol/requests.h>
#include <common/protocol/rest.h>

#include <QUrlQuery>

namespace Natter::Client {

namespace {
// The answer of a REST call as T, or nullopt (logged) when it does not have T's shape.
template<class T> std::optional<T> answerAs(const ApiResult &result)
{
    QString problem;
    std::optional<T> value = Wire::decode<T>(result.json, &problem);
    if (!value) qCWarning(lcSession) << "unexpected answer:" << problem;
    return value;
}
}

void Session::channelRequest(const QString &path, const QByteArray &body, ChannelCallback callback)
{
    m_api->post(path, body, this, [this, callback](const ApiResult &result) {
        const std::optional<Wire::Channel> wire = result.ok() ? answerAs<Wire::Channel>(result) : std::nullopt;
        if (!wire) {
            callback({},
                result.networkError                 ? tr("The server cannot be reached right now.")
                    : result.ok()                   ? tr("The server sent an answer Natter does not understand.")
                    : result.errorMessage.isEmpty() ? tr("The server refused (%1).").arg(result.status)
                                                    : result.errorMessage);
            return;
        }
        const Channel channel(*wire);
        addChannel(channel);
        callback(channel, {});
    });
}

void Session::createGroupChannel(const QString &name, bool isPrivate, ChannelCallback callback)
{
    Wire::CreateChannel body;
    body.type = Wire::ChannelType::Group;
    body.name = name;
    body.visibility = isPrivate ? Wire::Visibility::Private : Wire::Visibility::Public;
    channelRequest(Wire::Rest::channelsPath(), Wire::encode(body), std::move(callback));
}

void Session::joinChannel(Wire::Id channelId, ChannelCallback callback)
{
    channelRequest(Wire::Rest::channelJoinPath(channelId), {}, std::move(callback));
}

void Session::openDirectChannel(Wire::Id userId, ChannelCallback callback)
{
    Wire::CreateChannel body;
    body.type = Wire::ChannelType::Direct;
    body.memberIds = { userId };
    channelRequest(Wire::Rest::channelsPath(), Wire::encode(body), std::move(callback));
}

void Session::browseChannels(const QString &query, ChannelsCallback callback)
{
    QUrlQuery q;
    q.addQueryItem(Wire::Rest::Query::Query, query);
    m_api->get(Wire::Rest::channelsBrowsePath(), q, this, [callback](const ApiResult &result) {
        QList<Channel> channels;
        const auto list = result.ok() ? answerAs<Wire::ChannelList>(result) : std::nullopt;
        if (list)
            for (const Wire::Channel &c : list->channels)
                channels.append(Channel(c));
        callback(channels, list ? QString() : tr("Could not load channels."));
    });
}

void Session::findUsers(const QString &query, int limit, UsersCallback callback)
{
    QUrlQuery q;
    q.addQueryItem(Wire::Rest::Query::Query, query);
    q.addQueryItem(Wire::Rest::Query::Limit, QString::number(limit));
    m_api->get(Wire::Rest::usersPath(), q, this, [this, callback](const ApiResult &result) {
        QList<User> users;
        const auto list = result.ok() ? answerAs<Wire::UserList>(result) : std::nullopt;
        if (list)
            for (const Wire::User &u : list->users)
                if (u.id != m_me.id) users.append(User(u));
        callback(users, list ? QString() : tr("Could not search people."));
    });
}

void Session::withPeer(Channel &channel) const
{
    if (!channel.isDirect()) return;
    channel.peerId = m_peers.value(channel.id);
    channel.peerOnline = channel.peerId.isValid() && m_online.value(channel.peerId);
}

void Session::findPeers(const QList<Channel> &channels)
{
    for (const Channel &c : channels) {
        if (!c.isDirect() || m_peers.contains(c.id)) continue;
        const Wire::Id channelId = c.id;
        m_api->get(Wire::Rest::channelMembersPath(channelId), {}, this,
            [this, channelId](const ApiResult &result) {
                const auto list = result.ok() ? answerAs<Wire::MemberList>(result) : std::nullopt;
                if (!list) return;
                for (const Wire::Member &member : list->members)
                    if (member.user.id != m_me.id) m_peers.insert(channelId, member.user.id);
                const Channel current = channel(channelId);
                if (current.id.isValid()) updateChannel(current);
                subscribePresence();
            });
    }
}

void Session::subscribePresence()
{
    // The people of direct messages are always followed; the UI adds whom it shows (members, authors).
    const QSet<Wire::Id> users(m_peers.cbegin(), m_peers.cend());
    QList<Wire::Id> ids(users.cbegin(), users.cend());
    std::sort(ids.begin(), ids.end());
    m_presence.setInterest(u"direct"_qs, ids);
}

void Session::loadMembers(Wire::Id channel)
{
    m_api->get(Wire::Rest::channelMembersPath(channel), {}, this, [this, channel](const ApiResult &result) {
        const auto list = result.ok() ? answerAs<Wire::MemberList>(result) : std::nullopt;
        if (!list) return;
        m_receipts.seed(channel, list->members);
        emit membersLoaded(channel, list->members);
    });
}

} // namespace Natter::Client
