#include "imageviewer.h"
#include "media/medialoader.h"

#include <QApplication>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QShortcut>
#include <QVBoxLayout>
#include <QWheelEvent>

namespace Natter::Client {

ImageViewer::ImageViewer(
    MediaLoader *media, const Wire::Attachment &attachment, const QString &downloadDir, QWidget *parent)
    : QDialog(parent)
    , m_media(media)
    , m_attachment(attachment)
    , m_downloadDir(downloadDir)
{
    setWindowTitle(attachment.name);
    setAccessibleName(tr("Image viewer"));
    setAccessibleDescription(attachment.name);
    m_scroll = new QScrollArea(this);
    m_scroll->setAlignment(Qt::AlignCenter);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_label = new QLabel(tr("Loading…"));
    m_label->setAlignment(Qt::AlignCenter);
    m_label->setAccessibleName(attachment.name);
    m_scroll->setWidget(m_label);
    m_scroll->setWidgetResizable(false);
    m_scroll->viewport()->installEventFilter(this);

    auto *zoomOut = new QPushButton(tr("Zoom out"));
    auto *zoomIn = new QPushButton(tr("Zoom in"));
    auto *fitButton = new QPushButton(tr("Fit"));
    auto *actual = new QPushButton(tr("100 %"));
    auto *saveButton = new QPushButton(tr("Save…"));
    m_zoomLabel = new QLabel;
    zoomOut->setToolTip(tr("Zoom out (Ctrl+-)"));
    zoomIn->setToolTip(tr("Zoom in (Ctrl++)"));
    fitButton->setToolTip(tr("Fit to the window (Ctrl+0)"));
    connect(zoomOut, &QPushButton::clicked, this, [this] { setZoom(m_zoom / 1.25); });
    connect(zoomIn, &QPushButton::clicked, this, [this] { setZoom(m_zoom * 1.25); });
    connect(fitButton, &QPushButton::clicked, this, &ImageViewer::fit);
    connect(actual, &QPushButton::clicked, this, [this] { setZoom(1.0); });
    connect(saveButton, &QPushButton::clicked, this, &ImageViewer::save);
    new QShortcut(QKeySequence::ZoomIn, this, [this] { setZoom(m_zoom * 1.25); });
    new QShortcut(QKeySequence(u"Ctrl+="_qs), this, [this] { setZoom(m_zoom * 1.25); });
    new QShortcut(QKeySequence::ZoomOut, this, [this] { setZoom(m_zoom / 1.25); });
    new QShortcut(QKeySequence(u"Ctrl+0"_qs), this, [this] { fit(); });
    new QShortcut(QKeySequence::Save, this, [this] { save(); });

    auto *bar = new QHBoxLayout;
    bar->addWidget(zoomOut);
    bar->addWidget(zoomIn);
    bar->addWidget(fitButton);
    bar->addWidget(actual);
    bar->addWidget(m_zoomLabel);
    bar->addStretch();
    bar->addWidget(saveButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 8);
    layout->addWidget(m_scroll, 1);
    auto *barHost = new QHBoxLayout;
    barHost->setContentsMargins(8, 0, 8, 0);
    barHost->addLayout(bar);
    layout->addLayout(barHost);
    resize(900, 680);

    if (m_media) {
        connect(m_media, &MediaLoader::imageReady, this, [this](const QString &path) {
            if (path == m_attachment.url) showImage();
        });
        connect(m_media, &MediaLoader::imageFailed, this, [this](const QString &path, MediaLoader::Status) {
            if (path == m_attachment.url) m_label->setText(statusText());
        });
        showImage();
    }
}

QString ImageViewer::statusText() const
{
    if (!m_media) return {};
    const MediaLoader::Status s = m_media->status(m_attachment.url);
    return s == MediaLoader::Status::Loading ? tr("Loading…") : mediaStatusText(s);
}

void ImageViewer::showImage()
{
    m_image = m_media->image(m_attachment.url);
    if (m_image.isNull()) {
        m_label->setText(statusText());
        m_label->adjustSize();
        return;
    }
    render();
}

void ImageViewer::fit()
{
    m_fit = true;
    render();
}

void ImageViewer::setZoom(double zoom)
{
    m_fit = false;
    m_zoom = std::clamp(zoom, 0.05, 16.0);
    render();
}

void ImageViewer::render()
{
    if (m_image.isNull()) return;
    const qreal dpr = devicePixelRatioF();
    if (m_fit) {
        const QSize avail = m_scroll->viewport()->size() * dpr;
        const QSize fitted = m_image.size().scaled(avail, Qt::KeepAspectRatio);
        m_zoom = std::min(1.0, double(fitted.width()) / m_image.width());
    }
    // Zoom 1.0 is one image pixel per device pixel.
    const QSize device = (QSizeF(m_image.size()) * m_zoom).toSize().expandedTo(QSize(1, 1));
    QPixmap pixmap = QPixmap::fromImage(m_image.scaled(device, Qt::KeepAspectRatio, Qt::SmoothTransformation));
    pixmap.setDevicePixelRatio(dpr);
    m_label->setPixmap(pixmap);
    m_label->resize(pixmap.deviceIndependentSize().toSize());
    m_zoomLabel->setText(tr("%1 %").arg(qRound(m_zoom * 100)));
}

void ImageViewer::resizeEvent(QResizeEvent *event)
{
    QDialog::resizeEvent(event);
    if (m_fit) render();
}

bool ImageViewer::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_scroll->viewport() && event->type() == QEvent::Wheel) {
        auto *wheel = static_cast<QWheelEvent *>(event);
        if (wheel->modifiers() & Qt::ControlModifier) {
            setZoom(wheel->angleDelta().y() > 0 ? m_zoom * 1.15 : m_zoom / 1.15);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void ImageViewer::save()
{
    const QString target = QFileDialog::getSaveFileName(
        this, tr("Save image"), m_downloadDir + u'/' + m_attachment.name);
    if (target.isEmpty() || !m_media) return;
    m_media->download(m_attachment.url, target);
}

} // namespace Natter::Client
