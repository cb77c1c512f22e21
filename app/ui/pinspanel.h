#pragma once

#include "models/searchmodel.h"

#include <QWidget>

class QLabel;
class QListView;

namespace Natter::Client {

class ChannelService;

// The pinned messages of the open channel (GET /channels/{id}/pins); activating one opens it in place.
class PinsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit PinsPanel(ChannelService *service, QWidget *parent = nullptr);

    void setChannel(Wire::Id channelId);
    // Fetches the pins again (a pin event arrived, or the panel was opened).
    void reload();
    SearchModel *model() { return &m_model; }
    QString statusText() const;

signals:
    void openRequested(Natter::Wire::Id channelId, Natter::Wire::Id messageId);

private:
    ChannelService *m_service;
    Wire::Id m_channelId;
    SearchModel m_model;
    QLabel *m_status;
    QListView *m_list;
    quint64 m_generation = 0;
};

} // namespace Natter::Client
