#include "threadpanel.h"
#include "chatpalette.h"
#include "attachmenttray.h"
#include "composer.h"
#include "composerattachments.h"
#include "messageactioncontroller.h"
#include "messagedelegate.h"
#include "messageview.h"
#include "models/threadmodel.h"
#include "session/messageactions.h"
#include "session/session.h"

#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

namespace Natter::Client {

ThreadPanel::ThreadPanel(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_title(new QLabel(tr("Thread")))
    , m_view(new MessageView)
    , m_composer(new Composer)
{
    setObjectName(u"threadPanel"_qs);
    setThemedStyleSheet(this, u"#threadPanel { background: @base; border-left: 1px solid @border; }"_qs);
    QFont f = m_title->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.15);
    m_title->setFont(f);
    auto *close = new QToolButton;
    close->setObjectName(u"closeThread"_qs);
    close->setText(u"✕"_qs);
    close->setToolTip(tr("Close the thread (Esc)"));
    close->setAutoRaise(true);
    connect(close, &QToolButton::clicked, this, &ThreadPanel::closeRequested);
    auto *header = new QHBoxLayout;
    header->setContentsMargins(16, 12, 10, 12);
    header->addWidget(m_title, 1);
    header->addWidget(close);
    m_view->messageDelegate()->setShowThreads(false);
    m_controller = new MessageActionController(m_view, m_session, true, this);
    m_composer->setPlaceholderText(tr("Reply…"));
    setThemedStyleSheet(m_composer, u"QPlainTextEdit { border: 1px solid @cardStripe; border-radius: 8px; padding: 6px 8px;"
                              " background: @base; }"_qs);
    connect(m_composer, &Composer::sendRequested, this, &ThreadPanel::send);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(header);
    layout->addWidget(m_view, 1);
    // Files as in the channel's composer: the 📎 button, drops and pastes, the upload tray above.
    m_files = new ComposerAttachments(m_composer, this);
    connect(m_files, &ComposerAttachments::notice, m_view, &MessageView::showNotice);
    layout->addWidget(m_files->tray());
    auto *composerBox = new QHBoxLayout;
    composerBox->setContentsMargins(12, 6, 12, 14);
    composerBox->setSpacing(6);
    composerBox->addWidget(m_files->attachButton());
    composerBox->addWidget(m_composer, 1);
    layout->addLayout(composerBox);
}

AttachmentTray *ThreadPanel::attachmentTray() const
{
    return m_files->tray();
}

ThreadPanel::~ThreadPanel()
{
    m_view->setMessageModel(nullptr);
}

Wire::Id ThreadPanel::rootId() const
{
    return m_model ? m_model->rootId() : Wire::Id();
}

void ThreadPanel::open(const Message &root)
{
    if (m_model && m_model->rootId() == root.id) return;
    auto source = m_session->actions()->threadSource(root);
    auto model = std::make_unique<ThreadModel>(source.get());
    m_session->attach(model.get());
    m_view->setMessageModel(model.get());
    m_model = std::move(model);
    m_source = std::move(source);
    m_model->setRoot(root);
    const Channel c = m_session->channel(root.channelId);
    m_title->setText(c.name.isEmpty() ? tr("Thread") : tr("Thread · #%1").arg(c.name));
    m_composer->setFocus();
}

void ThreadPanel::send(const QString &text)
{
    if (!m_model) return;
    const QString id = m_session->actions()->sendReply(m_model->root(), text, [this](const QString &error) {
        if (!error.isEmpty()) m_view->showNotice(error);
    }, m_files->tray()->attachments());
    if (!id.isEmpty()) m_files->tray()->clear();
    if (id.isEmpty()) {
        // Refused at once (offline): the text goes back into the box rather than being lost.
        m_composer->setPlainText(text);
        m_composer->moveCursor(QTextCursor::End);
    } else {
        m_view->jumpToBottom();
    }
}

} // namespace Natter::Client
