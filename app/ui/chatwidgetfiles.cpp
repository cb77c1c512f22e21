#include "attachmenttray.h"
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
    auto *attach = new QToolButton;
    attach->setObjectName(u"attach"_qs);
    attach->setText(u"📎"_qs);
    attach->setAutoRaise(true);
    attach->setToolTip(tr("Attach files (%1)").arg(QKeySequence(u"Ctrl+Shift+U"_qs).toString(QKeySequence::NativeText)));
    attach->setAccessibleName(tr("Attach files"));
    composerRow->addWidget(attach);
    connect(attach, &QToolButton::clicked, this, &ChatWidget::chooseFiles);
    new QShortcut(QKeySequence(u"Ctrl+Shift+U"_qs), this, [this] { chooseFiles(); });
    connect(m_composer, &Composer::filesAdded, m_tray, &AttachmentTray::addFiles);
    connect(m_composer, &Composer::imagePasted, m_tray, &AttachmentTray::addImage);
    connect(m_tray, &AttachmentTray::failed, m_view, &MessageView::showNotice);
    connect(m_composer, &Composer::sendRefused, m_view, &MessageView::showNotice);
    connect(m_tray, &AttachmentTray::changed, this, [this] { m_composer->setAllowEmpty(m_tray->count() > 0); });
    m_composer->setSendGuard([this] {
        return m_tray->isUploading() ? tr("Wait until the files have finished uploading, or remove them.") : QString();
    });
}

void ChatWidget::setMedia(UploadClient *uploads, MediaLoader *media, const QString &downloadDir)
{
    m_tray->setUploadClient(uploads);
    for (MessageView *view : findChildren<MessageView *>()) {
        view->setMediaLoader(media);
        view->setDownloadDir(downloadDir);
    }
}

void ChatWidget::chooseFiles()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Attach files"));
    if (!files.isEmpty()) m_tray->addFiles(files);
}

void ChatWidget::sendWithFiles(const QString &text)
{
    if (!m_channelId.isValid()) return;
    m_session->sendMessage(m_channelId, text, m_tray->attachments());
    m_tray->clear();
    m_view->jumpToBottom();
}

} // namespace Natter::Client
