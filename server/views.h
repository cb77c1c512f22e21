#pragma once

#include "records.h"

#include <QJsonObject>

class UserStore;
class Hub;

// The JSON shapes of PROTOCOL.md's objects. Channel views are per viewer (role, unread, a direct channel's name).
class Views
{
public:
    Views(UserStore &users, const Hub &hub);

    QJsonObject user(const UserRecord &user) const;
    QJsonObject user(qint64 userId) const;
    QJsonObject author(qint64 userId) const;
    QJsonObject channel(const ChannelRecord &channel, const MemberRecord *viewer, qint64 viewerId) const;
    QJsonObject message(const MessageRecord &message) const;

private:
    UserStore &m_users;
    const Hub &m_hub;
};

// Builds a frame {type, ...fields} serialised once as compact JSON.
QString frameText(const QString &type, QJsonObject fields);
