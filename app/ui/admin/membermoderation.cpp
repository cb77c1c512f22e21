#include "admin/membermoderation.h"
#include "admin/memberactionmenu.h"
#include "chatpalette.h"
#include "memberspanel.h"
#include "models/adminmodels.h"
#include "session/channelservice.h"
#include "session/moderation.h"
#include "session/session.h"

#include <QCheckBox>
#include <QInputDialog>
#include <QLabel>
#include <QListView>
#include <QLoggingCategory>
#include <QMessageBox>

namespace Natter::Client {

Q_LOGGING_CATEGORY(lcUiModeration, "natter.ui.moderation", QtWarningMsg)

namespace {
QString nameOf(const Wire::User &u)
{
    return u.displayName.isEmpty() ? u.username : u.displayName;
}
}

MemberModeration::MemberModeration(MembersPanel *panel, Session *session, ChannelService *service, QObject *parent)
    : QObject(parent)
    , m_panel(panel)
    , m_session(session)
    , m_service(service)
    , m_readOnly(new QCheckBox(tr("Read-only (announcements)")))
    , m_notice(new QLabel)
{
    m_readOnly->setObjectName(u"readOnly"_qs);
    m_readOnly->setAccessibleName(tr("Read-only channel"));
    m_readOnly->setToolTip(tr("Only the channel's owners and admins can write in a read-only channel."));
    setThemedStyleSheet(m_readOnly, u"padding: 6px 12px;"_qs);
    m_notice->setObjectName(u"moderationNotice"_qs);
    m_notice->setWordWrap(true);
    m_notice->hide();
    m_panel->addFooterWidget(m_notice);
    m_panel->addFooterWidget(m_readOnly);
    m_askMinutes = [this] {
        bool ok = false;
        const int minutes = QInputDialog::getInt(m_panel, tr("Mute"), tr("Mute for how many minutes?"), 60, 1,
            366 * 24 * 60, 15, &ok);
        return ok ? minutes : 0;
    };

    QListView *list = m_panel->list();
    list->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(list, &QListView::customContextMenuRequested, this, [this, list](const QPoint &pos) {
        const QModelIndex index = list->indexAt(pos);
        if (!index.isValid()) return;
        if (QMenu *menu = menuFor(index.row(), list)) {
            menu->setAttribute(Qt::WA_DeleteOnClose);
            menu->popup(list->viewport()->mapToGlobal(pos));
        }
    });
    connect(m_readOnly, &QCheckBox::clicked, this, [this](bool on) {
        const Wire::Id channel = m_panel->channelId();
        m_session->moderation()->setReadOnly(channel, on, [this, on](const QString &error) {
            if (!error.isEmpty()) update(); // back to what the server has
            showNotice(error.isEmpty() ? (on ? tr("Only owners and admins can write here now.")
                                             : tr("Everyone can write here again."))
                                       : error,
                !error.isEmpty());
        });
    });
    connect(m_session->moderation(), &Moderation::memberUpdated, this, [this](Wire::Id channel) {
        if (channel == m_panel->channelId()) m_session->loadMembers(channel);
    });
    connect(m_panel, &MembersPanel::channelChanged, this, [this] {
        m_notice->hide();
        update();
    });
    connect(m_session->channelModel(), &QAbstractItemModel::dataChanged, this, &MemberModeration::update);
    update();
}

QString MemberModeration::notice() const
{
    return m_notice->isHidden() ? QString() : m_notice->text();
}

void MemberModeration::update()
{
    const Channel c = m_session->channel(m_panel->channelId());
    const QSignalBlocker block(m_readOnly);
    m_readOnly->setVisible(c.id.isValid() && !c.isDirect() && c.canManage());
    m_readOnly->setChecked(c.readOnly);
}

void MemberModeration::showNotice(const QString &text, bool error)
{
    if (text.isEmpty()) return;
    if (error) qCInfo(lcUiModeration) << "refused:" << text;
    setThemedStyleSheet(m_notice, error ? u"color: @danger; padding: 4px 12px;"_qs : u"color: @muted; padding: 4px 12px;"_qs);
    m_notice->setText(text);
    m_notice->show();
}

QMenu *MemberModeration::menuFor(int row, QWidget *parent)
{
    const Wire::Member member = m_panel->model()->memberAt(row);
    if (!member.user.id.isValid()) return nullptr;
    const Channel c = m_session->channel(m_panel->channelId());
    const bool self = member.user.id == m_session->me().id;
    const MemberPermissions can = MemberPermissions::of(c.role, member, self, c.isDirect());
    if (self && !can.any()) return nullptr;
    auto *menu = new MemberActionMenu(member, can, self, parent);
    connect(menu, &MemberActionMenu::directMessageRequested, this,
        [this, member] { emit directMessageRequested(member.user.id); });
    connect(menu, &MemberActionMenu::roleRequested, this, [this, member](Wire::Role role) {
        m_session->moderation()->setMemberRole(m_panel->channelId(), member.user.id, role,
            [this, member, role](const QString &error) {
                act(member,
                    role == Wire::Role::Admin ? tr("%1 is now an admin of this channel.").arg(nameOf(member.user))
                                              : tr("%1 is no longer an admin of this channel.").arg(nameOf(member.user)),
                    error);
            });
    });
    connect(menu, &MemberActionMenu::muteRequested, this, [this, member](qint64 seconds) { mute(member, seconds); });
    connect(menu, &MemberActionMenu::unmuteRequested, this, [this, member] {
        m_session->moderation()->unmute(m_panel->channelId(), member.user.id, [this, member](const QString &error) {
            act(member, tr("%1 can write here again.").arg(nameOf(member.user)), error);
        });
    });
    connect(menu, &MemberActionMenu::removeRequested, this, [this, member] { remove(member); });
    return menu;
}

void MemberModeration::act(const Wire::Member &, const QString &doneText, const QString &error)
{
    showNotice(error.isEmpty() ? doneText : error, !error.isEmpty());
    if (error.isEmpty()) m_session->loadMembers(m_panel->channelId());
}

void MemberModeration::mute(const Wire::Member &member, qint64 seconds)
{
    if (seconds <= 0) {
        const int minutes = m_askMinutes ? m_askMinutes() : 0;
        if (minutes <= 0) return;
        seconds = qint64(minutes) * 60;
    }
    m_session->moderation()->mute(m_panel->channelId(), member.user.id, seconds, {},
        [this, member](qint64 until, const QString &error) {
            act(member, tr("%1 is muted in this channel until %2.").arg(nameOf(member.user), shortTime(until)), error);
        });
}

void MemberModeration::remove(const Wire::Member &member)
{
    const Channel c = m_session->channel(m_panel->channelId());
    if (m_confirm
        && QMessageBox::question(m_panel, tr("Remove from channel"),
               tr("Remove %1 from #%2? They can join again if the channel is public.").arg(nameOf(member.user), c.name))
            != QMessageBox::Yes)
        return;
    m_service->removeMember(c.id, member.user.id, [this, member](const QString &error) {
        act(member, tr("%1 was removed from the channel.").arg(nameOf(member.user)), error);
    });
}

} // namespace Natter::Client
