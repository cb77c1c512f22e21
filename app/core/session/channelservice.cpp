#include "session/channelservice.h"
#include "logging.h"
#include "net/apiclient.h"

#include <common/protocol/codec.h>
#include <common/protocol/rest.h>

#include <QUrlQuery>

namespace Natter::Client {

namespace {
QString failure(const ApiResult &result)
{
    if (result.networkError) return ChannelService::tr("The server cannot be reached right now.");
    if (!result.errorMessage.isEmpty()) return result.errorMessage;
    return ChannelService::tr("The server refused (%1).").arg(result.status);
}

template<class T> std::optional<T> answerAs(const ApiResult &result, QString *error)
{
    if (!result.ok()) {
        *error = failure(result);
        return std::nullopt;
    }
    QString problem;
    std::optional<T> value = Wire::decode<T>(result.json, &problem);
    if (!value) {
        qCWarning(lcSession) << "unexpected answer:" << problem;
        *error = ChannelService::tr("The server sent an answer Natter does not understand.");
    }
    return value;
}
}

ChannelService::ChannelService(ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_api(api)
{
}

void ChannelService::members(Wire::Id channel, MembersCallback callback)
{
    m_api->get(Wire::Rest::channelMembersPath(channel), {}, this, [callback](const ApiResult &result) {
        QString error;
        const auto list = answerAs<Wire::MemberList>(result, &error);
        callback(list ? list->members : QList<Wire::Member>(), error);
    });
}

void ChannelService::addMembers(Wire::Id channel, const QList<Wire::Id> &users, Done done)
{
    m_api->post(Wire::Rest::channelMembersPath(channel), Wire::encode(Wire::AddMembers { users }), this,
        [done](const ApiResult &result) { done(result.ok() ? QString() : failure(result)); });
}

void ChannelService::removeMember(Wire::Id channel, Wire::Id user, Done done)
{
    m_api->del(Wire::Rest::channelMemberPath(channel, user), this,
        [done](const ApiResult &result) { done(result.ok() ? QString() : failure(result)); });
}

void ChannelService::setTopic(Wire::Id channel, const QString &topic, Done done)
{
    Wire::ChannelSettings settings;
    settings.topic = topic;
    m_api->patch(Wire::Rest::channelPath(channel), Wire::encode(settings), this,
        [done](const ApiResult &result) { done(result.ok() ? QString() : failure(result)); });
}

void ChannelService::pins(Wire::Id channel, MessagesCallback callback)
{
    m_api->get(Wire::Rest::channelPinsPath(channel), {}, this, [callback](const ApiResult &result) {
        QString error;
        QList<Message> messages;
        if (const auto page = answerAs<Wire::HistoryPage>(result, &error))
            for (const Wire::Message &m : page->messages)
                messages.append(Message(m));
        callback(messages, error);
    });
}

void ChannelService::search(const QString &query, Wire::Id before, int limit, Callback callback)
{
    QUrlQuery q;
    q.addQueryItem(Wire::Rest::Query::Q, query);
    q.addQueryItem(Wire::Rest::Query::Limit, QString::number(limit));
    if (before.isValid()) q.addQueryItem(Wire::Rest::Query::Before, before.toString());
    m_api->get(Wire::Rest::searchPath(), q, this, [callback](const ApiResult &result) {
        Results results;
        if (const auto page = answerAs<Wire::SearchResults>(result, &results.error)) {
            for (const Wire::Message &m : page->messages)
                results.messages.append(Message(m));
            results.hasMore = page->hasMore;
        }
        callback(results);
    });
}

} // namespace Natter::Client
