#include "messagehoverbar.h"
#include "chatpalette.h"

#include <QHBoxLayout>
#include <QToolButton>

namespace Natter::Client {

MessageHoverBar::MessageHoverBar(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(u"hoverBar"_qs);
    setThemedStyleSheet(this, u"#hoverBar { background: @base; border: 1px solid @border; border-radius: 6px; }"
                  " QToolButton { border: none; padding: 3px 6px; border-radius: 4px; }"
                  " QToolButton:hover { background: @chip; }"_qs);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(0);
    QToolButton *react = button(tr("☺+"), tr("Add reaction"));
    m_thread = button(tr("💬"), tr("Reply in thread"));
    m_edit = button(tr("✎"), tr("Edit message"));
    QToolButton *more = button(tr("⋯"), tr("More actions"));
    react->setObjectName(u"hoverReact"_qs);
    m_thread->setObjectName(u"hoverThread"_qs);
    m_edit->setObjectName(u"hoverEdit"_qs);
    more->setObjectName(u"hoverMore"_qs);
    for (QToolButton *b : { react, m_thread, m_edit, more })
        layout->addWidget(b);
    connect(react, &QToolButton::clicked, this, [this] { emit actionRequested(MessageAction::React); });
    connect(m_thread, &QToolButton::clicked, this, [this] { emit actionRequested(MessageAction::ReplyInThread); });
    connect(m_edit, &QToolButton::clicked, this, [this] { emit actionRequested(MessageAction::Edit); });
    connect(more, &QToolButton::clicked, this, &MessageHoverBar::moreRequested);
    hide();
}

QToolButton *MessageHoverBar::button(const QString &text, const QString &tip)
{
    auto *b = new QToolButton;
    b->setText(text);
    b->setToolTip(tip);
    b->setCursor(Qt::PointingHandCursor);
    b->setFocusPolicy(Qt::NoFocus);
    return b;
}

void MessageHoverBar::configure(bool canEdit, bool canThread)
{
    m_edit->setVisible(canEdit);
    m_thread->setVisible(canThread);
    adjustSize();
}

} // namespace Natter::Client
