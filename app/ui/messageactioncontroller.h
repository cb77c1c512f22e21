#pragma once

#include "messageactionmenu.h"

#include <QObject>
#include <QPointer>

namespace Natter::Client {

class EmojiPicker;
class MessageView;
class Session;

// Carries out what a MessageView asks for (toolbar, context menu, keyboard, chips) through the session's
// MessageActions: the emoji picker for reactions, the inline editor for edits, a confirmation for deletes,
// the clipboard for copies. Refusals appear as the view's notice (or under the editor).
class MessageActionController : public QObject
{
    Q_OBJECT
public:
    // INTHREAD: the view shows a thread (its rows offer no "reply in thread").
    MessageActionController(MessageView *view, Session *session, bool inThread, QObject *parent = nullptr);

    // Deletes ask for confirmation unless switched off (tests).
    void setConfirmDeletes(bool confirm) { m_confirmDeletes = confirm; }
    // Reports ask for a reason in a dialog unless one is set here (tests).
    void setReportReason(const QString &reason) { m_reportReason = reason; }
    // Carries out ACTION on MESSAGE (ANCHOR: where a popup goes).
    void perform(MessageAction action, const Message &message, const QPoint &anchor = {});
    void toggleReaction(const Message &message, const QString &emoji);
    EmojiPicker *picker() const;
    // A link to a message: natter://HOST:PORT/channels/CHANNEL/messages/MESSAGE.
    QUrl linkTo(const Message &message) const;

signals:
    void threadRequested(const Natter::Client::Message &root);

private:
    void report(const QString &error);
    void reportMessage(const Message &message);
    QString nameOf(const QString &userId) const;

    MessageView *m_view;
    Session *m_session;
    bool m_inThread;
    bool m_confirmDeletes = true;
    QString m_reportReason;
    QPointer<EmojiPicker> m_picker;
};

} // namespace Natter::Client
