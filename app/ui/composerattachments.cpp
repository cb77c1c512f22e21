#include "composerattachments.h"

#include "attachmenttray.h"
#include "composer.h"

#include <QFileDialog>
#include <QKeySequence>
#include <QToolButton>

namespace Natter::Client {

ComposerAttachments::ComposerAttachments(Composer *composer, QObject *parent)
    : QObject(parent)
    , m_composer(composer)
    , m_tray(new AttachmentTray)
    , m_button(new QToolButton)
{
    m_button->setObjectName(u"attach"_qs);
    m_button->setText(u"📎"_qs);
    m_button->setAutoRaise(true);
    m_button->setToolTip(tr("Attach files (%1)").arg(QKeySequence(u"Ctrl+Shift+U"_qs).toString(QKeySequence::NativeText)));
    m_button->setAccessibleName(tr("Attach files"));
    connect(m_button, &QToolButton::clicked, this, &ComposerAttachments::chooseFiles);
    connect(m_composer, &Composer::filesAdded, m_tray, &AttachmentTray::addFiles);
    connect(m_composer, &Composer::imagePasted, m_tray, &AttachmentTray::addImage);
    connect(m_tray, &AttachmentTray::failed, this, &ComposerAttachments::notice);
    connect(m_composer, &Composer::sendRefused, this, &ComposerAttachments::notice);
    connect(m_tray, &AttachmentTray::changed, this, [this] { m_composer->setAllowEmpty(m_tray->count() > 0); });
    m_composer->setSendGuard([this] {
        return m_tray->isUploading() ? tr("Wait until the files have finished uploading, or remove them.") : QString();
    });
}

void ComposerAttachments::chooseFiles()
{
    const QStringList files = QFileDialog::getOpenFileNames(m_button->window(), tr("Attach files"));
    if (!files.isEmpty()) m_tray->addFiles(files);
}

} // namespace Natter::Client
