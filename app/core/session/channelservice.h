#pragma once

#include "data/message.h"
#include "models/searchsource.h"

#include <common/protocol/channel.h>

#include <QObject>

#include <functional>

namespace Natter::Client {

class ApiClient;

// The REST side of the panels: members (list, add, leave), the topic, pins and search. Every callback gets a
// sentence for the user on failure (empty on success); callbacks never run after this object is gone.
class ChannelService : public QObject, public SearchSource
{
    Q_OBJECT
public:
    explicit ChannelService(ApiClient *api, QObject *parent = nullptr);

    using Done = std::function<void(const QString &error)>;
    using MembersCallback = std::function<void(const QList<Wire::Member> &members, const QString &error)>;
    using MessagesCallback = std::function<void(const QList<Message> &messages, const QString &error)>;

    void members(Wire::Id channel, MembersCallback callback);
    void addMembers(Wire::Id channel, const QList<Wire::Id> &users, Done done);
    // Removes USER from CHANNEL: the caller themselves (leave), or a member an owner/admin removes.
    void removeMember(Wire::Id channel, Wire::Id user, Done done);
    void setTopic(Wire::Id channel, const QString &topic, Done done);
    void pins(Wire::Id channel, MessagesCallback callback);
    void search(const QString &query, Wire::Id before, int limit, Callback callback) override;

private:
    ApiClient *m_api;
};

} // namespace Natter::Client
