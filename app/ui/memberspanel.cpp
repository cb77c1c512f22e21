#include "memberspanel.h"
#include "chatpalette.h"
#include "memberdelegate.h"
#include "pickerdialog.h"
#include "session/channelservice.h"
#include "session/session.h"
#include "store/mutelist.h"

#include <QCheckBox>
#include <QInputDialog>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace Natter::Client {

namespace {
constexpr int PeopleShown = 20;

QPushButton *actionButton(const QString &text, const QString &name)
{
    auto *b = new QPushButton(text);
    b->setObjectName(name);
    b->setCursor(Qt::PointingHandCursor);
    setThemedStyleSheet(b, u"QPushButton { text-align: left; padding: 6px 12px; border: none; color: @linkStrong; }"
                     " QPushButton:hover { background: @infoBg; }"_qs);
    return b;
}
}

MembersPanel::MembersPanel(Session *session, ChannelService *service, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_service(service)
    , m_status(new QLabel)
    , m_list(new QListView)
    , m_add(actionButton(tr("+  Add people…"), u"addPeople"_qs))
    , m_topic(actionButton(tr("✎  Edit topic…"), u"editTopic"_qs))
    , m_leave(actionButton(tr("⎋  Leave channel"), u"leaveChannel"_qs))
    , m_mute(new QCheckBox(tr("Mute notifications from this channel")))
{
    m_list->setObjectName(u"members"_qs);
    m_list->setModel(&m_model);
    m_list->setItemDelegate(new MemberDelegate(m_list));
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setMouseTracking(true);
    m_list->setUniformItemSizes(true);
    setThemedStyleSheet(m_status, u"color: @muted; padding: 4px 12px;"_qs);
    m_status->setWordWrap(true);
    m_mute->setObjectName(u"mute"_qs);
    setThemedStyleSheet(m_mute, u"padding: 6px 12px;"_qs);
    auto *browse = actionButton(tr("⌕  Browse public channels…"), u"browse"_qs);
    setThemedStyleSheet(m_leave, m_leave->property("natterStyleTemplate").toString().replace(u"@linkStrong"_qs, u"@danger"_qs));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 8);
    layout->setSpacing(0);
    layout->addWidget(m_status);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_add);
    layout->addWidget(m_topic);
    layout->addWidget(browse);
    layout->addWidget(m_mute);
    layout->addWidget(m_leave);

    connect(m_add, &QPushButton::clicked, this, &MembersPanel::addPeople);
    connect(m_topic, &QPushButton::clicked, this, &MembersPanel::editTopic);
    connect(m_leave, &QPushButton::clicked, this, &MembersPanel::leaveChannel);
    connect(browse, &QPushButton::clicked, this, &MembersPanel::browseRequested);
    connect(m_mute, &QCheckBox::toggled, this, [this](bool on) {
        if (m_mutes) m_mutes->setMuted(m_channelId, on);
    });
    connect(m_list, &QListView::doubleClicked, this, [this](const QModelIndex &index) {
        const Wire::Id id = Wire::Id::fromString(index.data(MemberListModel::IdRole).toString());
        if (id != m_session->me().id) emit directMessageRequested(id);
    });
    connect(m_session, &Session::membersLoaded, this, [this](Wire::Id channel, const QList<Wire::Member> &members) {
        if (channel != m_channelId) return;
        QList<Wire::Member> withPresence = members;
        for (Wire::Member &m : withPresence)
            m.user.online = m_session->presence()->isOnline(m.user.id) || m.user.online;
        m_model.setMembers(withPresence);
        const int n = int(members.size());
        m_status->setText(n == 1 ? tr("%n member", nullptr, n) : tr("%n members", nullptr, n));
        emit membersChanged();
    });
    connect(m_session->presence(), &PresenceTracker::presenceChanged, &m_model, &MemberListModel::setOnline);
    connect(m_session->channelModel(), &QAbstractItemModel::dataChanged, this, &MembersPanel::updateActions);
}

void MembersPanel::setMuteList(MuteList *mutes)
{
    m_mutes = mutes;
    updateActions();
}

void MembersPanel::setChannel(Wire::Id channelId)
{
    if (channelId == m_channelId) return;
    m_channelId = channelId;
    m_model.clear();
    m_status->setText(tr("Loading members…"));
    updateActions();
    if (channelId.isValid()) m_session->loadMembers(channelId);
    emit channelChanged(channelId);
}

void MembersPanel::addFooterWidget(QWidget *w)
{
    auto *box = static_cast<QVBoxLayout *>(layout());
    box->insertWidget(box->indexOf(m_leave), w);
}

QString MembersPanel::statusText() const
{
    return m_status->text();
}

void MembersPanel::updateActions()
{
    const Channel c = m_session->channel(m_channelId);
    const bool group = c.id.isValid() && !c.isDirect();
    const bool manager = c.canManage();
    m_add->setVisible(group && manager);
    m_topic->setVisible(group && manager);
    m_leave->setVisible(group);
    const QSignalBlocker block(m_mute);
    m_mute->setEnabled(m_mutes && c.id.isValid());
    m_mute->setChecked(m_mutes && m_mutes->isMuted(m_channelId));
}

void MembersPanel::showError(const QString &error)
{
    if (!error.isEmpty()) QMessageBox::warning(this, tr("Members"), error);
}

void MembersPanel::addPeople()
{
    PickerDialog dialog(
        tr("Add people"), tr("Search people by username"), tr("Add"),
        [this](const QString &query, const PickerDialog::ResultCallback &done) {
            m_session->findUsers(query, PeopleShown, [this, done](const QList<User> &users, const QString &error) {
                QList<PickerDialog::Item> items;
                for (const User &u : users)
                    if (m_model.rowOf(u.id) < 0)
                        items.append({ u.id.toString(), u.displayName.isEmpty() ? u.username : u.displayName, u"@"_qs + u.username });
                done(items, error);
            });
        },
        this);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedId().isEmpty()) return;
    const Wire::Id channelId = m_channelId;
    m_service->addMembers(channelId, { Wire::Id::fromString(dialog.selectedId()) },
        [this, channelId](const QString &error) {
            showError(error);
            if (error.isEmpty() && channelId == m_channelId) m_session->loadMembers(channelId);
        });
}

void MembersPanel::editTopic()
{
    const Channel c = m_session->channel(m_channelId);
    bool ok = false;
    const QString topic = QInputDialog::getText(
        this, tr("Edit topic"), tr("Topic of #%1").arg(c.name), QLineEdit::Normal, c.topic, &ok);
    if (!ok) return;
    m_service->setTopic(m_channelId, topic.trimmed(), [this](const QString &error) { showError(error); });
}

void MembersPanel::leaveChannel()
{
    const Channel c = m_session->channel(m_channelId);
    if (QMessageBox::question(this, tr("Leave channel"),
            tr("Leave #%1? You can join again if it is public; a private channel needs an invitation.").arg(c.name))
        != QMessageBox::Yes)
        return;
    m_service->removeMember(m_channelId, m_session->me().id,
        [this](const QString &error) { showError(error); });
}

} // namespace Natter::Client
