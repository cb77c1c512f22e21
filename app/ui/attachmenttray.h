#pragma once

#include "media/uploadclient.h"

#include <common/protocol/attachment.h>

#include <QImage>
#include <QList>
#include <QPointer>
#include <QWidget>

class QHBoxLayout;

namespace Natter::Client {




// The files of the message being written, above the composer: each uploads at once (several in parallel) with
// its own progress bar and a × that cancels it (or removes a finished one). The message is sent with the
// finished ones; a refused file (too large, unreadable) says why and goes away.
class AttachmentTray : public QWidget
{
    Q_OBJECT
public:
    explicit AttachmentTray(QWidget *parent = nullptr);

    // Not owned; null disables attaching.
    void setUploadClient(UploadClient *uploads) { m_uploads = uploads; }
    // Uploads each local file.
    void addFiles(const QStringList &paths);
    // A pasted image, saved as PNG in DIR (a temporary folder) and uploaded as "pasted-image-TIME.png".
    void addImage(const QImage &image);
    void setTempDir(const QString &dir) { m_tempDir = dir; }

    QList<Wire::Attachment> attachments() const;
    int count() const { return int(m_items.size()); }
    bool isUploading() const;
    // Drops every file (cancelling uploads still running).
    void clear();

signals:
    void changed();
    void failed(const QString &message);

private:
    struct Item
    {
        QWidget *row = nullptr;
        QPointer<Upload> upload;
        Wire::Attachment attachment;
        bool done = false;
    };
    void add(const QString &path, const QString &shownName);
    void remove(QWidget *row);

    QPointer<UploadClient> m_uploads;
    QString m_tempDir;
    QList<Item> m_items;
    QHBoxLayout *m_layout;
};

} // namespace Natter::Client
