#include "imageviewer.h"
#include "media/medialoader.h"
#include "messagedelegate.h"
#include "messageview.h"
#include "models/messagelistmodel.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUrl>

namespace Natter::Client {

void MessageView::setMediaLoader(MediaLoader *media)
{
    if (m_media) m_media->disconnect(this);
    m_media = media;
    m_delegate->setMediaLoader(media);
    if (!media) return;
    connect(media, &MediaLoader::downloadFinished, this, [this](const QString &path, const QString &target) {
        if (m_openAfterDownload.take(path) == target) {
            QDesktopServices::openUrl(QUrl::fromLocalFile(target));
            return;
        }
        showNotice(tr("Saved to %1").arg(QDir::toNativeSeparators(target)));
    });
    connect(media, &MediaLoader::downloadFailed, this,
        [this](const QString &path, MediaLoader::Status, const QString &message) {
            m_openAfterDownload.remove(path);
            showNotice(message);
        });
}

void MessageView::openImage(int row, int attachment)
{
    const Message m = messageAt(row);
    if (attachment < 0 || attachment >= m.attachments.size()) return;
    auto *viewer = new ImageViewer(m_media, m.attachments.at(attachment), m_downloadDir, window());
    viewer->setAttribute(Qt::WA_DeleteOnClose);
    viewer->show();
    emit imageViewerOpened(viewer);
}

void MessageView::saveFile(int row, int attachment, const QString &target)
{
    const Message m = messageAt(row);
    if (!m_media || attachment < 0 || attachment >= m.attachments.size()) return;
    const Wire::Attachment &a = m.attachments.at(attachment);
    const QString path = target.isEmpty()
        ? QFileDialog::getSaveFileName(this, tr("Save file"), m_downloadDir + u'/' + a.name)
        : target;
    if (path.isEmpty()) return;
    m_media->download(a.url, path);
}

void MessageView::openFile(int row, int attachment)
{
    const Message m = messageAt(row);
    if (!m_media || attachment < 0 || attachment >= m.attachments.size()) return;
    const Wire::Attachment &a = m.attachments.at(attachment);
    // Each file in its own folder named by its id, so two files of the same name never overwrite each other.
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::TempLocation) + u"/natter-open/"_qs
        + a.id.toString();
    QDir().mkpath(dir);
    const QString target = dir + u'/' + QFileInfo(a.name).fileName();
    m_openAfterDownload.insert(a.url, target);
    m_media->download(a.url, target);
}

} // namespace Natter::Client
