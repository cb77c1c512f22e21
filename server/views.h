#pragma once

#include "records.h"

#include <QJsonObject>

class UserStore;
class Hub;
class ReactionStore;
class AttachmentLinker;

// The JSON shapes of PROTOCOL.md's objects. Channel views are per viewer (role, unread, a direct channel's name).
class Views
{
public:
    Views(UserStore &users, ReactionStore &reactions, const Hub &hub);
    void setAttachments(AttachmentLinker *attachments) { m_attachments = attachments; }

    QJsonObject user(const UserRecord &user) const;
    QJsonObject user(qint64 userId) const;
    QJsonObject author(qint64 userId) const;
    QJsonObject channel(const ChannelRecord &channel, const MemberRecord *viewer, qint64 viewerId) const;
    // VIEWERID decides reactions' `me`; 0 (for frames shared by all recipients) makes every `me` false.
    QJsonObject message(const MessageRecord &message, qint64 viewerId = 0) const;

private:
    UserStore &m_users;
    ReactionStore &m_reactions;
    const Hub &m_hub;
    AttachmentLinker *m_attachments = nullptr;
};

// Builds a frame {type, ...fields} serialised once as compact UTF-8 JSON, the form every connection is sent.
QByteArray frameText(const QString &type, QJsonObject fields);
