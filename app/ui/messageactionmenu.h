#pragma once

#include "data/message.h"

#include <QMenu>

namespace Natter::Client {

// What can be done to one message, from its hover toolbar, its context menu or the keyboard.
enum class MessageAction { React, ReplyInThread, Edit, Delete, Pin, Unpin, CopyText, CopyLink, Report };

// The context menu of a message: only the actions the caller may take (edit for the author, delete for the
// author and the channel's owners and admins, pin or unpin depending on its state).
class MessageActionMenu : public QMenu
{
    Q_OBJECT
public:
    struct Permissions
    {
        bool canEdit = false;
        bool canDelete = false;
        bool pinned = false;
        bool inThread = false; // replies cannot start threads of their own
        bool canReport = false; // someone else's message: anyone may report it to the administrators
    };

    MessageActionMenu(const Message &message, const Permissions &permissions, QWidget *parent = nullptr);

signals:
    void triggeredAction(Natter::Client::MessageAction action);

private:
    void add(const QString &text, MessageAction action, const QKeySequence &hint = {});
};

} // namespace Natter::Client
