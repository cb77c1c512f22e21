#pragma once

#include "attachment.h"
#include "id.h"
#include "linkpreview.h"
#include "reaction.h"
#include "user.h"

#include <QList>
#include <QString>

#include <optional>

class JsonReader;
class JsonWriter;

namespace Natter::Wire {

// PROTOCOL.md "Message". A deleted message keeps id, channelId, seq, author, createdAt and deletedAt; its
// text is empty and it has no attachments, reactions, preview or mentions. Times are Unix ms, 0 for null.
struct Message
{
    Id id;
    Id channelId;
    qint64 seq = 0;
    QString clientMsgId;
    Author author;
    QString text;
    Id parentId;
    int replyCount = 0;
    QList<Attachment> attachments;
    QList<Reaction> reactions;
    std::optional<LinkPreview> preview;
    QList<Id> mentions;
    qint64 createdAt = 0;
    qint64 editedAt = 0;
    qint64 deletedAt = 0;

    bool isDeleted() const { return deletedAt != 0; }
    bool isReply() const { return parentId.isValid(); }
    bool isEdited() const { return editedAt != 0; }

    static Message read(JsonReader &reader);
    void write(JsonWriter &writer) const;
    // write() with the preview as already-serialised JSON (the server stores it that way) instead of
    // `preview`.
    void write(JsonWriter &writer, const QByteArray &previewJson) const;
    friend bool operator==(const Message &, const Message &) = default;

private:
    void writeFields(JsonWriter &writer, const QByteArray *previewJson) const;
};

} // namespace Natter::Wire
