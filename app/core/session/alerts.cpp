#include "session/alerts.h"
#include "logging.h"
#include "models/channellistmodel.h"
#include "store/mutelist.h"

namespace Natter::Client {

Alerts::Alerts(const ChannelListModel *channels, MuteList *mutes, QObject *parent)
    : QObject(parent)
    , m_channels(channels)
    , m_mutes(mutes)
{
    connect(channels, &QAbstractItemModel::dataChanged, this, &Alerts::recount);
    connect(channels, &QAbstractItemModel::modelReset, this, &Alerts::recount);
    connect(channels, &QAbstractItemModel::rowsInserted, this, &Alerts::recount);
    connect(channels, &QAbstractItemModel::rowsRemoved, this, &Alerts::recount);
    if (mutes) connect(mutes, &MuteList::changed, this, &Alerts::recount);
    recount();
}

bool Alerts::mentionsMe(const Message &message) const
{
    return m_me.isValid() && message.mentions.contains(m_me);
}

bool Alerts::wants(const Message &m) const
{
    if (!m.id.isValid() || m.isDeleted() || m.author.id == m_me) return false;
    if (m_mutes && m_mutes->isMuted(m.channelId)) return false;
    const Channel c = m_channels->channelAt(m_channels->rowOf(m.channelId));
    if (!c.id.isValid()) return false;
    return c.isDirect() || mentionsMe(m);
}

void Alerts::consider(const Message &m)
{
    // Acks, echoes and replays of a message already seen come through here too.
    if (m_seen.contains(m.id) || !wants(m)) return;
    m_seen.insert(m.id);
    const Channel c = m_channels->channelAt(m_channels->rowOf(m.channelId));
    const QString author = m.author.displayName.isEmpty() ? m.author.username : m.author.displayName;
    Notification n { m.channelId, m.id, c.isDirect() ? author : tr("%1 in #%2").arg(author, c.name),
        m.text.left(200) };
    Notifier *target = nullptr;
    if (!m_windowActive) {
        target = m_notifier && m_notifier->isAvailable() ? m_notifier.data() : m_inApp.data();
    } else if (m.channelId != m_current) {
        target = m_inApp;
    }
    if (!target) return;
    qCInfo(lcSession) << "notifying" << n.title;
    target->show(n);
    emit raised(n);
}

void Alerts::recount()
{
    int total = 0;
    for (int row = 0; row < m_channels->rowCount(); ++row) {
        const Channel c = m_channels->channelAt(row);
        if (m_mutes && m_mutes->isMuted(c.id)) continue;
        total += int(c.unreadCount);
    }
    if (total == m_unreadTotal) return;
    m_unreadTotal = total;
    emit unreadTotalChanged(total);
}

} // namespace Natter::Client
