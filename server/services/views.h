#pragma once

#include "services/viewencoder.h"
#include "store/records.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Natter::Server {

class ViewAssembler;

// PROTOCOL.md's objects as JSON: loads what each needs through ViewAssembler and writes it with ViewEncoder.
// Channel views are per viewer (role, unread, a direct channel's name).
class Views
{
public:
    explicit Views(const ViewAssembler &assembler);

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
    const ViewAssembler &m_load;
};

} // namespace Natter::Server
