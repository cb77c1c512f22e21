#pragma once

#include <common/protocol/id.h>

#include <QObject>

class QPushButton;
class QWidget;

namespace Natter::Client {

class ChannelService;
class MembersPanel;
class MuteList;
class PinsPanel;
class SearchPanel;
class Session;
class SidePanel;

// The right-hand panels of the chat (members, search, pins) and the header buttons that open them. The chat
// widget places sidePanel() and headerTools(); everything else is wired here.
class ChatPanels : public QObject
{
    Q_OBJECT
public:
    ChatPanels(Session *session, QWidget *parent);

    QWidget *headerTools() const { return m_tools; }
    SidePanel *sidePanel() const { return m_side; }
    MembersPanel *members() const { return m_members; }
    SearchPanel *search() const { return m_search; }
    PinsPanel *pins() const { return m_pins; }
    ChannelService *service() const { return m_service; }
    void setMuteList(MuteList *mutes);
    void setChannel(Wire::Id channelId);

public slots:
    void showMembers();
    void showSearch();
    void showPins();

signals:
    void openRequested(Natter::Wire::Id channelId, Natter::Wire::Id messageId);
    void browseRequested();
    void directMessageRequested(Natter::Wire::Id userId);

private:
    void updateMembersButton();
    void updatePresenceInterest();

    Session *m_session;
    ChannelService *m_service;
    SidePanel *m_side;
    MembersPanel *m_members;
    SearchPanel *m_search;
    PinsPanel *m_pins;
    QWidget *m_tools;
    QPushButton *m_membersButton;
    Wire::Id m_channelId;
};

} // namespace Natter::Client
