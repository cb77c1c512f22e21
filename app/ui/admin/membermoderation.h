#pragma once

#include <common/protocol/channel.h>

#include <QObject>

class QCheckBox;
class QLabel;
class QMenu;

namespace Natter::Client {

class ChannelService;
class MembersPanel;
class Session;

// Moderation in the members panel: the context menu of each member (direct message, make admin or take it
// back, mute for a while or unmute, remove from the channel) as the caller's role allows, the read-only
// (announcements) switch for owners and admins, and a notice with the server's reason when it refuses. The
// list follows member.updated live.
class MemberModeration : public QObject
{
    Q_OBJECT
public:
    MemberModeration(MembersPanel *panel, Session *session, ChannelService *service, QObject *parent = nullptr);

    // The menu for the member in ROW (owned by the caller), or null when there is none. Tests look at it.
    QMenu *menuFor(int row, QWidget *parent = nullptr);
    // A confirmation before removing someone (switched off by tests); a custom mute asks for its length.
    void setConfirm(bool confirm) { m_confirm = confirm; }
    void setCustomMuteMinutes(std::function<int()> ask) { m_askMinutes = std::move(ask); }
    QCheckBox *readOnlySwitch() const { return m_readOnly; }
    QString notice() const;

signals:
    void directMessageRequested(Natter::Wire::Id userId);

private:
    void update();
    void showNotice(const QString &text, bool error);
    void act(const Wire::Member &member, const QString &doneText, const QString &error);
    void mute(const Wire::Member &member, qint64 seconds);
    void remove(const Wire::Member &member);

    MembersPanel *m_panel;
    Session *m_session;
    ChannelService *m_service;
    QCheckBox *m_readOnly;
    QLabel *m_notice;
    bool m_confirm = true;
    std::function<int()> m_askMinutes;
};

} // namespace Natter::Client
