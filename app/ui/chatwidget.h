#pragma once

#include "models/messagelistmodel.h"
#include "session/session.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QTimer>
#include <QWidget>

class QLabel;
class QListView;
class QPushButton;

namespace Natter::Client {

class Composer;
class MessageActionController;
class MessageView;
class ThreadPanel;

// The signed-in window content: channel sidebar, channel header, connection banner, messages and composer.
class ChatWidget : public QWidget
{
    Q_OBJECT
public:
    explicit ChatWidget(Session *session, QWidget *parent = nullptr);

    void selectChannel(Wire::Id channelId);
    Wire::Id currentChannel() const { return m_channelId; }
    MessageListModel *messageModel() { return &m_messages; }
    MessageView *messageView() const { return m_view; }
    Composer *composer() const { return m_composer; }
    QListView *channelList() const { return m_channelList; }
    QString bannerText() const;
    ThreadPanel *threadPanel() const { return m_thread; }
    MessageActionController *actionController() const { return m_actionController; }
    // Opens the side panel on the thread under ROOT.
    void openThread(const Message &root);
    void closeThread();

public slots:
    void createChannel();
    void browseChannels();
    void startDirectMessage();

private:
    void onConnectionState(Session::ConnectionState state);
    void onTyping(Wire::Id channelId, Wire::Id userId, bool typing);
    void updateHeader();
    void updateTypingLabel();
    QString nameOf(Wire::Id userId) const;
    QWidget *buildSidebar();
    QWidget *buildHeader();

    Session *m_session;
    MessageListModel m_messages;
    Wire::Id m_channelId;
    QListView *m_channelList = nullptr;
    QLabel *m_userLabel = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_topic = nullptr;
    QLabel *m_members = nullptr;
    QLabel *m_banner = nullptr;
    MessageView *m_view = nullptr;
    QLabel *m_typingLabel = nullptr;
    Composer *m_composer = nullptr;
    QHash<Wire::Id, QDeadlineTimer> m_typers;
    QTimer m_typingSweep;
    bool m_everConnected = false;
    ThreadPanel *m_thread = nullptr;
    MessageActionController *m_actionController = nullptr;
};

} // namespace Natter::Client
