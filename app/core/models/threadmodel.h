#pragma once

#include "models/messagelistmodel.h"

namespace Natter::Client {

// One thread: its root message followed by the replies under it, oldest first. The same windowed list as a
// channel (pending replies at the bottom, acks merged by clientMsgId, older pages through fetchMore()), fed by
// a page source that reads GET /messages/{root}/replies and puts the root before the oldest page.
class ThreadModel : public MessageListModel
{
    Q_OBJECT
public:
    explicit ThreadModel(MessagePageSource *source, QObject *parent = nullptr);

    // Shows the thread under ROOT (the source must already be pointed at it).
    void setRoot(const Message &root);
    Message root() const { return m_root; }
    Wire::Id rootId() const { return m_root.id; }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    bool accepts(const Message &message) const override;
    void noteOther(const Message &) override { }

private:
    Message m_root;
};

} // namespace Natter::Client
