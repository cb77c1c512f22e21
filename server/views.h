#pragma once

#include "records.h"

#include <QJsonArray>
#include <QJsonObject>

class UserStore;
class Hub;
class ReactionStore;
class AttachmentLinker;

// The JSON shapes of PROTOCOL.md's objects. Channel views are per viewer (role, unread, a direct channel's
// name).
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
    QByteArray messageJson(const MessageRecord &message, qint64 viewerId = 0) const;
    // message() of each of MESSAGES as a serialised array, with one query for all their reactions and one
    // for their attachments.
    QByteArray messagesJson(const QList<MessageRecord> &messages, qint64 viewerId) const;
    // A message that was just stored, serialised: it has no reactions yet, and attachments only if
    // HASATTACHMENTS, so the send path does not ask the database for either.
    QByteArray newMessageJson(const MessageRecord &message, bool hasAttachments) const;

private:
    QByteArray write(
        const MessageRecord &m, const QJsonArray &attachments, const QJsonArray &reactions) const;

    UserStore &m_users;
    ReactionStore &m_reactions;
    const Hub &m_hub;
    AttachmentLinker *m_attachments = nullptr;
};

// Builds a frame {type, ...fields} serialised once as compact UTF-8 JSON, the form every connection is sent.
QByteArray frameText(const QString &type, QJsonObject fields);
