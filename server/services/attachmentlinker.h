#pragma once

#include <common/protocol/attachment.h>
#include <common/protocol/error.h>

#include <QHash>
#include <QList>

#include <optional>

namespace Natter::Server {

// What the message path needs from file storage: checking and linking uploads to messages, and their JSON.
// Implemented by FileService; MessageService and Views see only this.
class AttachmentLinker
{
public:
    virtual ~AttachmentLinker() = default;
    // An error when USERID may not attach IDS (unknown ids, or uploads of somebody else).
    virtual std::optional<Wire::Error> checkAttachable(qint64 userId, const QList<qint64> &ids) = 0;
    // Inside the caller's transaction: the uploads now belong to MESSAGEID in CHANNELID, in this order.
    virtual bool link(qint64 messageId, qint64 channelId, const QList<qint64> &ids) = 0;
    // Inside the caller's transaction: a deleted message's attachments are gone.
    virtual bool unlinkAll(qint64 messageId) = 0;
    // PROTOCOL.md's Attachment objects of MESSAGEID, in order.
    virtual QList<Wire::Attachment> attachments(qint64 messageId) = 0;
    // The same for each of MESSAGEIDS that has attachments, in one query (history pages).
    virtual QHash<qint64, QList<Wire::Attachment>> attachments(const QList<qint64> &messageIds) = 0;
};

} // namespace Natter::Server
