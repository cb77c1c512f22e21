#include "pinspanel.h"
#include "resultdelegate.h"
#include "session/channelservice.h"

#include <QLabel>
#include <QListView>
#include <QPointer>
#include <QVBoxLayout>

namespace Natter::Client {

PinsPanel::PinsPanel(ChannelService *service, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_status(new QLabel)
    , m_list(new QListView)
{
    m_status->setObjectName(u"pinsStatus"_qs);
    m_status->setStyleSheet(u"color: #6b7280; padding: 6px 12px;"_qs);
    m_status->setWordWrap(true);
    m_list->setObjectName(u"pins"_qs);
    m_list->setModel(&m_model);
    m_list->setItemDelegate(new ResultDelegate(m_list));
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(m_status);
    layout->addWidget(m_list, 1);
    connect(m_list, &QListView::clicked, this, [this](const QModelIndex &index) {
        emit openRequested(Wire::Id::fromString(index.data(SearchModel::ChannelIdRole).toString()),
            Wire::Id::fromString(index.data(SearchModel::MessageIdRole).toString()));
    });
}

void PinsPanel::setChannel(Wire::Id channelId)
{
    if (channelId == m_channelId) return;
    m_channelId = channelId;
    m_model.setMessages({});
    if (isVisible()) reload();
}

void PinsPanel::reload()
{
    if (!m_channelId.isValid()) return;
    m_status->setText(tr("Loading pinned messages…"));
    const quint64 generation = ++m_generation;
    QPointer<PinsPanel> self(this);
    m_service->pins(m_channelId, [self, generation](const QList<Message> &pins, const QString &error) {
        if (!self || generation != self->m_generation) return;
        self->m_model.setMessages(pins);
        self->m_status->setText(!error.isEmpty() ? tr("Could not load the pins: %1").arg(error)
                : pins.isEmpty()                  ? tr("No pinned messages in this channel yet.")
                : pins.size() == 1                ? tr("%n pinned message", nullptr, 1)
                                                  : tr("%n pinned messages", nullptr, int(pins.size())));
    });
}

QString PinsPanel::statusText() const
{
    return m_status->text();
}

} // namespace Natter::Client
