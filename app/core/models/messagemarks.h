#pragma once

#include "data/message.h"

#include <QStringList>
#include <QVariant>

#include <functional>

namespace Natter::Client {

// What the message list shows about messages beyond their content: the unread divider, a highlighted message
// (opened from search or a notification), mentions of the reader, read receipts on the reader's own messages
// and the presence of authors. Set from outside (the session's read receipts and presence); the model answers
// its roles from here in data() without side effects.
struct MessageMarks
{
    Wire::Id me;
    // The reader's marker when the channel was opened: the divider sits above the first message after it.
    Wire::Id readMarker;
    Wire::Id highlighted;
    // Names of the others who have read MESSAGE (of the channel shown), for the reader's own messages.
    std::function<QStringList(Wire::Id message)> readers;
    std::function<bool(Wire::Id user)> isOnline;

    // ROW's value for one of MessageListModel's mark roles (but the divider, which depends on the rows around).
    QVariant data(const Message &row, int role) const;
};

} // namespace Natter::Client
