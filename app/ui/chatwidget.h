#pragma once

#include "models/messagelistmodel.h"
#include "session/session.h"
#include "session/typingtracker.h"

#include <QWidget>

class QLabel;
class QListView;
class QPushButton;
class QStackedWidget;

namespace Natter::Client {

class AttachmentTray;
class ComposerAttachments;
class ComposerLock;
class MemberModeration;
class ChatPanels;
class MediaLoader;
class UploadClient;
class Composer;
class MentionCompleter;
class MessageActionController;
class MessageView;
class MuteList;
class ReadingController;
class ThreadPanel;
class WelcomeWidget;

// The signed-in window content: channel sidebar, channel header, connection banner, messages, composer, and the
// panels on the right (members, search, pins).
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
    // Files (chatwidgetfiles.cpp): uploads for the composer, thumbnails and downloads for the message lists
    // (the channel's and the thread's). None is owned.
    void setMedia(UploadClient *uploads, MediaLoader *media, const QString &downloadDir);
    AttachmentTray *attachmentTray() const { return m_tray; }
    // Asks for files to attach (the attach button, Ctrl+Shift+U).
    void chooseFiles();
    QListView *channelList() const { return m_channelList; }
    QString bannerText() const;
    QString typingText() const;
    ChatPanels *panels() const { return m_panels; }
    MentionCompleter *mentionCompleter() const { return m_completer; }
    ReadingController *reading() const { return m_reading; }
    WelcomeWidget *welcome() const { return m_welcome; }
    // What stands where the messages go: the messages, the first-run welcome or "no messages yet".
    QWidget *centreWidget() const;
    void setMuteList(MuteList *mutes);
    ThreadPanel *threadPanel() const { return m_thread; }
    MessageActionController *actionController() const { return m_actionController; }
    MemberModeration *memberModeration() const { return m_memberModeration; }
    ComposerLock *composerLock() const { return m_composerLock; }
    // Opens the side panel on the thread under ROOT.
    void openThread(const Message &root);
    void closeThread();

public slots:
    void createChannel();
    void browseChannels();
    void startDirectMessage();
    // Opens CHANNELID at MESSAGEID (search result, pin, notification), highlighted.
    void openMessage(Natter::Wire::Id channelId, Natter::Wire::Id messageId);
    void showQuickSwitcher();
    // Alt+Up / Alt+Down: the channel above or below in the list.
    void selectAdjacentChannel(int step);

signals:
    void currentChannelChanged(Natter::Wire::Id channelId);

private:
    void onConnectionState(Session::ConnectionState state);
    void onTyping(Wire::Id channelId, Wire::Id userId, bool typing);
    void updateHeader();
    void updateTypingLabel();
    QString nameOf(Wire::Id userId) const;
    QWidget *buildSidebar();
    QWidget *buildHeader();
    void updateCentre();
    void setUpShortcuts();
    void openDirectWith(Wire::Id userId);

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
    AttachmentTray *m_tray = nullptr;
    ComposerAttachments *m_files = nullptr;
    void setUpFiles(QLayout *composerRow);
    void sendWithFiles(const QString &text);
    TypingTracker m_typing;
    ChatPanels *m_panels = nullptr;
    ReadingController *m_reading = nullptr;
    MentionCompleter *m_completer = nullptr;
    QStackedWidget *m_centre = nullptr;
    WelcomeWidget *m_welcome = nullptr;
    QLabel *m_emptyChannel = nullptr;
    bool m_everConnected = false;
    ThreadPanel *m_thread = nullptr;
    MessageActionController *m_actionController = nullptr;
    MemberModeration *m_memberModeration = nullptr;
    ComposerLock *m_composerLock = nullptr;
};

} // namespace Natter::Client
