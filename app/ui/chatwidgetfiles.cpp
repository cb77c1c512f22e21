#include "attachmenttray.h"
#include "composerattachments.h"
#include "chatwidget.h"
#include "composer.h"
#include "messageview.h"
#include "threadpanel.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QShortcut>
#include <QToolButton>

namespace Natter::Client {

void ChatWidget::setUpFiles(QLayout *composerRow)
{
    // The same files machinery as the thread panel's composer (ComposerAttachments).
    m_files = new ComposerAttachments(m_composer, this);
    m_tray = m_files->tray();
    composerRow->addWidget(m_files->attachButton());
    new QShortcut(QKeySequence(u"Ctrl+Shift+U"_qs), this, [this] { chooseFiles(); });
    connect(m_files, &ComposerAttachments::notice, m_view, &MessageView::showNotice);
}

void ChatWidget::setMedia(UploadClient *uploads, MediaLoader *media, const QString &downloadDir)
{
    m_tray->setUploadClient(uploads);
    m_thread->attachmentTray()->setUploadClient(uploads);
    for (MessageView *view : findChildren<MessageView *>()) {
        view->setMediaLoader(media);
        view->setDownloadDir(downloadDir);
    }
}

void ChatWidget::chooseFiles()
{
    m_files->chooseFiles();
}

void ChatWidget::sendWithFiles(const QString &text)
{
    if (!m_channelId.isValid()) return;
    m_session->sendMessage(m_channelId, text, m_tray->attachments());
    m_tray->clear();
    m_view->jumpToBottom();
}

} // namespace Natter::Client
