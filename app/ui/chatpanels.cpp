#include "chatpanels.h"
#include "memberspanel.h"
#include "pinspanel.h"
#include "searchpanel.h"
#include "session/channelservice.h"
#include "session/session.h"
#include "sidepanel.h"

#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>

namespace Natter::Client {

namespace {
QPushButton *toolButton(const QString &text, const QString &name, const QString &tip)
{
    auto *b = new QPushButton(text);
    b->setObjectName(name);
    b->setToolTip(tip);
    b->setCursor(Qt::PointingHandCursor);
    b->setStyleSheet(u"QPushButton { border: 1px solid #e5e7eb; border-radius: 6px; padding: 4px 10px; color: #374151;"
                     " background: white; } QPushButton:hover { background: #f3f4f6; }"_qs);
    return b;
}
}

ChatPanels::ChatPanels(Session *session, QWidget *parent)
    : QObject(parent)
    , m_session(session)
    , m_service(new ChannelService(session->api(), this))
    , m_side(new SidePanel)
    , m_members(new MembersPanel(session, m_service))
    , m_search(new SearchPanel(m_service))
    , m_pins(new PinsPanel(m_service))
    , m_tools(new QWidget)
{
    m_side->addPage(m_members, tr("Members"));
    m_side->addPage(m_search, tr("Search"));
    m_side->addPage(m_pins, tr("Pinned messages"));
    m_search->setChannelNames([this](Wire::Id channel) {
        const Channel c = m_session->channel(channel);
        return !c.id.isValid() ? QString() : c.isDirect() ? c.name : u"#"_qs + c.name;
    });

    auto *searchButton = toolButton(tr("⌕ Search"), u"searchButton"_qs, tr("Search all channels (Ctrl+F)"));
    auto *pinsButton = toolButton(tr("Pins"), u"pinsButton"_qs, tr("Pinned messages of this channel"));
    m_membersButton = toolButton(QString(), u"membersButton"_qs, tr("Members of this channel"));
    auto *layout = new QHBoxLayout(m_tools);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(searchButton);
    layout->addWidget(pinsButton);
    layout->addWidget(m_membersButton);
    connect(searchButton, &QPushButton::clicked, this, &ChatPanels::showSearch);
    connect(pinsButton, &QPushButton::clicked, this, &ChatPanels::showPins);
    connect(m_membersButton, &QPushButton::clicked, this, &ChatPanels::showMembers);

    connect(m_search, &SearchPanel::openRequested, this, &ChatPanels::openRequested);
    connect(m_pins, &PinsPanel::openRequested, this, &ChatPanels::openRequested);
    connect(m_members, &MembersPanel::browseRequested, this, &ChatPanels::browseRequested);
    connect(m_members, &MembersPanel::directMessageRequested, this, &ChatPanels::directMessageRequested);
    connect(m_members, &MembersPanel::membersChanged, this, &ChatPanels::updatePresenceInterest);
    connect(m_side, &SidePanel::pageChanged, this, &ChatPanels::updatePresenceInterest);
    connect(m_side, &SidePanel::closed, this, &ChatPanels::updatePresenceInterest);
    connect(session->channelModel(), &QAbstractItemModel::dataChanged, this, &ChatPanels::updateMembersButton);
    connect(session, &Session::membersLoaded, this, &ChatPanels::updateMembersButton);
}

void ChatPanels::setMuteList(MuteList *mutes)
{
    m_members->setMuteList(mutes);
}

void ChatPanels::setChannel(Wire::Id channelId)
{
    m_channelId = channelId;
    m_members->setChannel(channelId);
    m_pins->setChannel(channelId);
    updateMembersButton();
}

void ChatPanels::showMembers()
{
    m_side->showPage(m_members);
}

void ChatPanels::showSearch()
{
    m_side->showPage(m_search);
    m_search->focusQuery();
}

void ChatPanels::showPins()
{
    m_side->showPage(m_pins);
    m_pins->reload();
}

void ChatPanels::updateMembersButton()
{
    const int count = m_session->channel(m_channelId).memberCount;
    m_membersButton->setText(count == 1 ? tr("%n member", nullptr, count) : tr("%n members", nullptr, count));
}

void ChatPanels::updatePresenceInterest()
{
    // Only the members on screen: an open members panel.
    m_session->presence()->setInterest(u"members"_qs, m_side->isShowing(m_members) ? m_members->model()->userIds() : QList<Wire::Id>());
}

} // namespace Natter::Client
