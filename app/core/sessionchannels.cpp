// The channel-management half of Session: create, join and direct channels through REST.
#include "apiclient.h"
#include "session.h"

#include <QJsonArray>

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
