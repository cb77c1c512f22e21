#include "attachmenttray.h"
#include "chatpalette.h"
#include "media/uploadclient.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QStandardPaths>
#include <QToolButton>
#include <QVBoxLayout>

namespace Natter::Client {

AttachmentTray::AttachmentTray(QWidget *parent)
    : QWidget(parent)
    , m_tempDir(QStandardPaths::writableLocation(QStandardPaths::TempLocation) + u"/natter-paste"_qs)
{
    setObjectName(u"attachmentTray"_qs);
    m_layout = new QHBoxLayout(this);
    m_layout->setContentsMargins(16, 4, 16, 4);
    m_layout->setSpacing(8);
    m_layout->addStretch();
    setAccessibleName(tr("Files to send"));
    hide();
}

QList<Wire::Attachment> AttachmentTray::attachments() const
{
    QList<Wire::Attachment> out;
    for (const Item &i : m_items)
        if (i.done) out.append(i.attachment);
    return out;
}

bool AttachmentTray::isUploading() const
{
    return std::any_of(m_items.cbegin(), m_items.cend(), [](const Item &i) { return !i.done; });
}

void AttachmentTray::addFiles(const QStringList &paths)
{
    for (const QString &p : paths)
        add(p, QFileInfo(p).fileName());
}

void AttachmentTray::addImage(const QImage &image)
{
    QDir().mkpath(m_tempDir);
    const QString name = u"pasted-image-%1.png"_qs.arg(QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_qs));
    const QString path = m_tempDir + u'/' + name;
    if (!image.save(path, "PNG")) {
        emit failed(tr("The pasted image could not be saved."));
        return;
    }
    add(path, name);
}

void AttachmentTray::add(const QString &path, const QString &shownName)
{
    if (!m_uploads) return;
    auto *row = new QWidget;
    row->setObjectName(u"attachment"_qs);
    setThemedStyleSheet(row, u"#attachment { background: @chip; border: 1px solid @border; border-radius: 6px; }"_qs);
    auto *name = new QLabel(fontMetrics().elidedText(shownName, Qt::ElideMiddle, 180));
    name->setToolTip(shownName);
    auto *bar = new QProgressBar;
    bar->setRange(0, 1000);
    bar->setTextVisible(false);
    bar->setFixedHeight(6);
    setThemedStyleSheet(bar, u"QProgressBar { background: @progressTrack; border: none; border-radius: 3px; }"
                             " QProgressBar::chunk { background: @accent; border-radius: 3px; }"_qs);
    bar->setAccessibleName(tr("Upload of %1").arg(shownName));
    auto *close = new QToolButton;
    close->setText(u"×"_qs);
    close->setAutoRaise(true);
    close->setToolTip(tr("Cancel or remove %1").arg(shownName));
    close->setAccessibleName(close->toolTip());
    auto *text = new QVBoxLayout;
    text->setSpacing(2);
    text->addWidget(name);
    text->addWidget(bar);
    auto *box = new QHBoxLayout(row);
    box->setContentsMargins(8, 4, 4, 4);
    box->addLayout(text);
    box->addWidget(close);
    row->setFixedWidth(240);
    m_layout->insertWidget(m_layout->count() - 1, row);

    Upload *upload = m_uploads->start(path);
    m_items.append({ row, upload, {}, false });
    show();
    connect(close, &QToolButton::clicked, this, [this, row] { remove(row); });
    connect(upload, &Upload::progress, bar, [bar](qint64 sent, qint64 total) { bar->setValue(int(sent * 1000 / total)); });
    connect(upload, &Upload::finished, this, [this, row, bar](const Wire::Attachment &a) {
        bar->setValue(1000);
        for (Item &i : m_items)
            if (i.row == row) {
                i.attachment = a;
                i.done = true;
            }
        emit changed();
    });
    connect(upload, &Upload::failed, this, [this, row](Upload::Error error, const QString &message) {
        if (error != Upload::Error::Cancelled) emit failed(message);
        remove(row);
    });
    emit changed();
}

void AttachmentTray::remove(QWidget *row)
{
    for (int i = 0; i < m_items.size(); ++i) {
        if (m_items.at(i).row != row) continue;
        const Item item = m_items.takeAt(i);
        if (item.upload && !item.done) {
            item.upload->disconnect(this);
            item.upload->cancel();
        }
        row->deleteLater();
        break;
    }
    setVisible(!m_items.isEmpty());
    emit changed();
}

void AttachmentTray::clear()
{
    while (!m_items.isEmpty())
        remove(m_items.first().row);
}

} // namespace Natter::Client
