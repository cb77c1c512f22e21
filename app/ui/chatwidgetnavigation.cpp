// The navigation half of ChatWidget: opening a message from search, pins or a notification, the quick switcher,
// keyboard shortcuts, and what stands in the middle when there is nothing to show.
#include "chatpanels.h"
#include "chatwidget.h"
#include "composer.h"
#include "messageview.h"
#include "quickswitcher.h"
#include "readingcontroller.h"
#include "sidepanel.h"
#include "threadpanel.h"
#include "welcomewidget.h"

#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QShortcut>
#include <QStackedWidget>

namespace Natter::Client {

void ChatWidget::setUpShortcuts()
{
    auto shortcut = [this](const QKeySequence &keys, auto slot) {
        auto *s = new QShortcut(keys, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_K), &ChatWidget::showQuickSwitcher);
    shortcut(QKeySequence(Qt::ALT | Qt::Key_Up), [this] { selectAdjacentChannel(-1); });
    shortcut(QKeySequence(Qt::ALT | Qt::Key_Down), [this] { selectAdjacentChannel(1); });
    shortcut(QKeySequence::Find, [this] { m_panels->showSearch(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M), [this] { m_panels->showMembers(); });
    shortcut(QKeySequence(Qt::Key_Escape), [this] {
        if (m_panels->sidePanel()->isVisible()) {
            m_panels->sidePanel()->close();
            m_composer->setFocus();
        } else if (threadPanel()->isVisible()) {
            closeThread();
            m_composer->setFocus();
        } else if (m_messages.marks().highlighted.isValid()) {
            m_messages.setHighlighted({});
        }
    });
}

void ChatWidget::setMuteList(MuteList *mutes)
{
    m_panels->setMuteList(mutes);
}

QWidget *ChatWidget::centreWidget() const
{
    return m_centre->currentWidget();
}

void ChatWidget::updateCentre()
{
    if (m_session->channelModel()->rowCount() == 0) {
        m_centre->setCurrentWidget(m_welcome);
        return;
    }
    const Channel c = m_session->channel(m_channelId);
    if (c.id.isValid() && m_messages.rowCount() == 0 && !m_messages.isLoading() && !m_messages.hasOlder()) {
        m_emptyChannel->setText(c.isDirect()
                ? tr("No messages with %1 yet.\nSay hello below.").arg(c.name)
                : tr("No messages in #%1 yet.\nBe the first to write something below.").arg(c.name));
        m_centre->setCurrentWidget(m_emptyChannel);
        return;
    }
    m_centre->setCurrentWidget(m_view);
}

void ChatWidget::openMessage(Wire::Id channelId, Wire::Id messageId)
{
    if (!m_session->channel(channelId).id.isValid()) return; // not a member (any more)
    selectChannel(channelId);
    m_reading->messageOpened(channelId, messageId);
    m_messages.openAround(channelId, messageId);
}

void ChatWidget::selectAdjacentChannel(int step)
{
    const ChannelListModel *channels = m_session->channelModel();
    if (channels->rowCount() == 0) return;
    const int row = channels->rowOf(m_channelId);
    const int next = std::clamp(row < 0 ? 0 : row + step, 0, channels->rowCount() - 1);
    selectChannel(channels->channelAt(next).id);
}

void ChatWidget::showQuickSwitcher()
{
    QuickSwitcher switcher(m_session, this);
    if (switcher.exec() != QDialog::Accepted) return;
    if (switcher.chosenChannel().isValid())
        selectChannel(switcher.chosenChannel());
    else if (switcher.chosenUser().isValid())
        openDirectWith(switcher.chosenUser());
}

void ChatWidget::openDirectWith(Wire::Id userId)
{
    m_session->openDirectChannel(userId, [this](const Channel &c, const QString &error) {
        if (!error.isEmpty())
            QMessageBox::warning(this, tr("New direct message"), tr("Could not start it: %1").arg(error));
        else
            selectChannel(c.id);
    });
}

} // namespace Natter::Client
