#include "messageactionmenu.h"

namespace Natter::Client {

MessageActionMenu::MessageActionMenu(const Message &message, const Permissions &permissions, QWidget *parent)
    : QMenu(parent)
{
    setObjectName(u"messageMenu"_qs);
    if (message.isLocal() || message.isDeleted()) {
        if (!message.isDeleted()) add(tr("Copy text"), MessageAction::CopyText);
        return;
    }
    add(tr("Add reaction…"), MessageAction::React);
    if (!permissions.inThread && !message.isReply()) add(tr("Reply in thread"), MessageAction::ReplyInThread);
    addSeparator();
    if (permissions.canEdit) add(tr("Edit message"), MessageAction::Edit);
    add(permissions.pinned ? tr("Unpin from channel") : tr("Pin to channel"),
        permissions.pinned ? MessageAction::Unpin : MessageAction::Pin);
    add(tr("Copy text"), MessageAction::CopyText);
    add(tr("Copy link to message"), MessageAction::CopyLink);
    if (permissions.canReport) {
        addSeparator();
        add(tr("Report message…"), MessageAction::Report);
    }
    if (permissions.canDelete) {
        addSeparator();
        add(tr("Delete message…"), MessageAction::Delete);
    }
}

void MessageActionMenu::add(const QString &text, MessageAction action, const QKeySequence &hint)
{
    QAction *a = addAction(text);
    a->setObjectName(u"action%1"_qs.arg(int(action)));
    if (!hint.isEmpty()) a->setShortcut(hint);
    connect(a, &QAction::triggered, this, [this, action] { emit triggeredAction(action); });
}

} // namespace Natter::Client
