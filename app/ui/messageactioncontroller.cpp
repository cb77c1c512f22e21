#include "messageactioncontroller.h"
#include "admin/reportdialog.h"
#include "session/moderation.h"
#include "emojipicker.h"
#include "messageview.h"
#include "models/messagelistmodel.h"
#include "session/messageactions.h"
#include "session/session.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QMessageBox>

namespace Natter::Client {

Q_LOGGING_CATEGORY(lcUiActions, "natter.ui.actions", QtWarningMsg)

MessageActionController::MessageActionController(MessageView *view, Session *session, bool inThread, QObject *parent)
    : QObject(parent)
    , m_view(view)
    , m_session(session)
    , m_inThread(inThread)
{
    m_view->setPermissions([this](const Message &m) {
        MessageActionMenu::Permissions p;
        p.canEdit = m_session->actions()->canEdit(m);
        p.canDelete = m_session->actions()->canDelete(m);
        p.pinned = m_view->messageModel() && m_view->messageModel()->isPinned(m.id);
        p.inThread = m_inThread;
        p.canReport = m.author.id != m_session->me().id;
        return p;
    });
    m_view->setNameResolver([this](const QString &id) { return nameOf(id); });
    m_view->setReactorNames([this](const Message &m, const QString &emoji) {
        QStringList names;
        const Wire::Id me = m_session->me().id;
        for (const Wire::Reaction &r : m.reactions)
            if (r.emoji == emoji && r.me) names.append(tr("You"));
        for (const Wire::Id user : m_session->reactors(m.id, emoji))
            if (user != me) names.append(nameOf(user.toString()));
        return names;
    });
    connect(m_view, &MessageView::actionRequested, this, &MessageActionController::perform);
    connect(m_view, &MessageView::reactionToggled, this, &MessageActionController::toggleReaction);
    connect(m_view, &MessageView::linkActivated, this, [](const QUrl &url) {
        if (url.scheme() == u"http" || url.scheme() == u"https") QDesktopServices::openUrl(url);
    });
    connect(m_view, &MessageView::editSubmitted, this, [this](const Message &m, const QString &text) {
        QPointer<MessageView> view(m_view);
        m_session->actions()->edit(m.id, text, [view](const QString &error) {
            if (!view) return;
            if (error.isEmpty())
                view->finishEdit();
            else
                view->editFailed(error);
        });
    });
}

EmojiPicker *MessageActionController::picker() const
{
    return m_picker;
}

QString MessageActionController::nameOf(const QString &userId) const
{
    if (Wire::Id::fromString(userId) == m_session->me().id) return tr("You");
    const MessageListModel *model = m_view->messageModel();
    for (int row = model ? model->rowCount() - 1 : -1; row >= 0; --row) {
        const Message m = model->messageAt(row);
        if (m.author.id.toString() == userId)
            return m.author.displayName.isEmpty() ? m.author.username : m.author.displayName;
    }
    return tr("Someone");
}

void MessageActionController::report(const QString &error)
{
    if (error.isEmpty()) return;
    qCInfo(lcUiActions) << "action refused:" << error;
    m_view->showNotice(error);
}

QUrl MessageActionController::linkTo(const Message &message) const
{
    const QUrl server = m_session->serverUrl();
    QUrl link;
    link.setScheme(u"natter"_qs);
    link.setHost(server.host());
    link.setPort(server.port());
    link.setPath(u"/channels/%1/messages/%2"_qs.arg(message.channelId.toString(), message.id.toString()));
    return link;
}

void MessageActionController::reportMessage(const Message &message)
{
    QString reason = m_reportReason;
    if (reason.isEmpty()) {
        ReportDialog dialog(
            message.author.displayName.isEmpty() ? message.author.username : message.author.displayName, message.text, m_view);
        if (dialog.exec() != QDialog::Accepted) return;
        reason = dialog.reason();
    }
    m_session->moderation()->report(message.id, reason, [this, view = QPointer<MessageView>(m_view)](const QString &error) {
        if (!view) return;
        if (!error.isEmpty()) return report(error);
        view->showNotice(tr("Thank you. The administrators will look at your report and tell you what they decided."));
    });
}

void MessageActionController::toggleReaction(const Message &message, const QString &emoji)
{
    bool mine = false;
    for (const Wire::Reaction &r : message.reactions)
        if (r.emoji == emoji) mine = r.me;
    m_session->actions()->react(message.id, emoji, !mine, [this, view = QPointer<MessageView>(m_view)](const QString &e) {
        if (view) report(e);
    });
}

void MessageActionController::perform(MessageAction action, const Message &message, const QPoint &anchor)
{
    MessageActions *actions = m_session->actions();
    auto done = [this, view = QPointer<MessageView>(m_view)](const QString &error) {
        if (view) report(error);
    };
    switch (action) {
    case MessageAction::React: {
        if (!m_picker) {
            m_picker = new EmojiPicker(m_view);
        }
        m_picker->disconnect(this);
        const Message target = message;
        connect(m_picker, &EmojiPicker::emojiChosen, this, [this, target](const QString &emoji) {
            bool mine = false;
            for (const Wire::Reaction &r : target.reactions)
                if (r.emoji == emoji) mine = r.me;
            if (!mine) toggleReaction(target, emoji);
        });
        m_picker->popup(anchor.isNull() ? m_view->mapToGlobal(QPoint(40, 40)) : anchor);
        return;
    }
    case MessageAction::ReplyInThread:
        emit threadRequested(message);
        return;
    case MessageAction::Edit: {
        const int row = m_view->messageModel() ? m_view->messageModel()->rowOfId(message.id) : -1;
        if (row >= 0) m_view->startEdit(row);
        return;
    }
    case MessageAction::Delete:
        if (m_confirmDeletes) {
            const bool others = message.author.id != m_session->me().id;
            const auto answer = QMessageBox::question(m_view, tr("Delete message"),
                others ? tr("Delete this message by %1 for everyone? This cannot be undone.")
                             .arg(message.author.displayName.isEmpty() ? message.author.username
                                                                        : message.author.displayName)
                       : tr("Delete this message for everyone? This cannot be undone."),
                QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
            if (answer != QMessageBox::Yes) return;
        }
        actions->remove(message.id, done);
        return;
    case MessageAction::Pin:
    case MessageAction::Unpin:
        actions->setPinned(message.id, action == MessageAction::Pin, done);
        return;
    case MessageAction::CopyText:
        QGuiApplication::clipboard()->setText(message.text);
        m_view->showNotice(tr("Copied the text."));
        return;
    case MessageAction::CopyLink:
        QGuiApplication::clipboard()->setText(linkTo(message).toString());
        m_view->showNotice(tr("Copied the link to the message."));
        return;
    case MessageAction::Report:
        reportMessage(message);
        return;
    }
}

} // namespace Natter::Client
