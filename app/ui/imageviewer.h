#pragma once

#include <common/protocol/attachment.h>

#include <QDialog>
#include <QImage>

class QLabel;
class QScrollArea;

namespace Natter::Client {

class MediaLoader;

// The full picture of an image attachment: loaded through the MediaLoader (disk cache, decoded off the UI
// thread), shown fitted to the window first; zoom with Ctrl+Plus/Minus, the wheel with Ctrl, or the buttons;
// Ctrl+0 fits again; Save… writes the original file where the user says.
class ImageViewer : public QDialog
{
    Q_OBJECT
public:
    ImageViewer(MediaLoader *media, const Wire::Attachment &attachment, const QString &downloadDir,
        QWidget *parent = nullptr);

    double zoom() const { return m_zoom; }
    bool isFitted() const { return m_fit; }
    void setZoom(double zoom);
    void fit();
    bool hasImage() const { return !m_image.isNull(); }
    QString statusText() const;

protected:
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showImage();
    void render();
    void save();

    MediaLoader *m_media;
    Wire::Attachment m_attachment;
    QString m_downloadDir;
    QImage m_image;
    QScrollArea *m_scroll;
    QLabel *m_label;
    QLabel *m_zoomLabel;
    double m_zoom = 1.0;
    bool m_fit = true;
};

} // namespace Natter::Client
