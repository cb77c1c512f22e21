#pragma once

#include "models/memberlistmodel.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QListView;
class QPushButton;

namespace Natter::Client {

class ChannelService;
class MuteList;
class Session;

// The members of the open channel with role and presence, and what can be done with it: add people, edit the
// topic (owner/admin), mute it locally, leave it, browse other public channels.
class MembersPanel : public QWidget
{
    Q_OBJECT
public:
    MembersPanel(Session *session, ChannelService *service, QWidget *parent = nullptr);

    void setMuteList(MuteList *mutes);
    void setChannel(Wire::Id channelId);
    Wire::Id channelId() const { return m_channelId; }
    // Adds W to the actions under the list (moderation puts its read-only switch and notices there).
    void addFooterWidget(QWidget *w);
    MemberListModel *model() { return &m_model; }
    QListView *list() const { return m_list; }
    QString statusText() const;

public slots:
    void addPeople();
    void editTopic();
    void leaveChannel();

signals:
    void browseRequested();
    void directMessageRequested(Natter::Wire::Id userId);
    // The members on screen changed (for presence subscriptions).
    void membersChanged();
    void channelChanged(Natter::Wire::Id channelId);

private:
    void updateActions();
    void showError(const QString &error);

    Session *m_session;
    ChannelService *m_service;
    MuteList *m_mutes = nullptr;
    Wire::Id m_channelId;
    MemberListModel m_model;
    QLabel *m_status;
    QListView *m_list;
    QPushButton *m_add;
    QPushButton *m_topic;
    QPushButton *m_leave;
    QCheckBox *m_mute;
};

} // namespace Natter::Client
