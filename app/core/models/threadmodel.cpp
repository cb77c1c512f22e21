#include "models/threadmodel.h"

namespace Natter::Client {

ThreadModel::ThreadModel(MessagePageSource *source, QObject *parent)
    : MessageListModel(source, parent)
{
}

void ThreadModel::setRoot(const Message &root)
{
    m_root = root;
    setChannel(root.channelId);
}

bool ThreadModel::accepts(const Message &message) const
{
    return m_root.id.isValid() && message.channelId == m_root.channelId
        && (message.parentId == m_root.id || message.id == m_root.id);
}

QVariant ThreadModel::data(const QModelIndex &index, int role) const
{
    // A thread has no "start of the conversation" banner: its first row is the root itself.
    if (role == ChannelStartRole) return false;
    return MessageListModel::data(index, role);
}

} // namespace Natter::Client
