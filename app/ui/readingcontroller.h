#pragma once

#include <common/protocol/id.h>

#include <QObject>
#include <QTimer>

namespace Natter::Client {

class MessageListModel;
class MessageView;
class Session;

// What the reader sees in the message view, told to the session: the newest message on screen while the window
// is active is "seen" (read.mark, through Session::readTracker()); the authors on screen are the "authors" whose
// presence is followed. It also sets the list's marks (unread divider at the reader's marker, receipts, presence)
// and scrolls to the divider when a channel opens, or to the message a search result or notification opened.
class ReadingController : public QObject
{
    Q_OBJECT
public:
    ReadingController(Session *session, MessageView *view, MessageListModel *model, QObject *parent = nullptr);

    // CHANNEL was just opened in the model: the divider goes where the reader's marker is now.
    void channelOpened(Wire::Id channelId);
    // The model is loading the page around MESSAGEID: scroll there and keep it highlighted.
    void messageOpened(Wire::Id channelId, Wire::Id messageId);
    // The newest message on screen, or an invalid id.
    Wire::Id lastVisibleMessage() const;

private:
    void schedule() { m_check.start(); }
    void check();
    void firstPageLoaded();

    Session *m_session;
    MessageView *m_view;
    MessageListModel *m_model;
    Wire::Id m_channel;
    bool m_jumpPending = false;
    QTimer m_check;
};

} // namespace Natter::Client
