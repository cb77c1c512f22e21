#include "sidepanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace Natter::Client {

SidePanel::SidePanel(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel)
    , m_stack(new QStackedWidget)
{
    setObjectName(u"sidePanel"_qs);
    setAttribute(Qt::WA_StyledBackground);
    setStyleSheet(u"#sidePanel { background: white; border-left: 1px solid #e5e7eb; }"_qs);
    setMinimumWidth(280);
    QFont f = m_title->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.1);
    m_title->setFont(f);
    auto *closeButton = new QToolButton;
    closeButton->setObjectName(u"closePanel"_qs);
    closeButton->setText(u"✕"_qs);
    closeButton->setToolTip(tr("Close (Esc)"));
    closeButton->setAutoRaise(true);
    auto *header = new QHBoxLayout;
    header->setContentsMargins(14, 12, 8, 8);
    header->addWidget(m_title, 1);
    header->addWidget(closeButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(header);
    layout->addWidget(m_stack, 1);
    connect(closeButton, &QToolButton::clicked, this, &SidePanel::close);
    hide();
}

void SidePanel::addPage(QWidget *page, const QString &title)
{
    page->setProperty("panelTitle", title);
    m_stack->addWidget(page);
}

void SidePanel::showPage(QWidget *page)
{
    m_stack->setCurrentWidget(page);
    m_title->setText(page->property("panelTitle").toString());
    show();
    emit pageChanged(page);
}

QWidget *SidePanel::currentPage() const
{
    return m_stack->currentWidget();
}

void SidePanel::close()
{
    if (isHidden()) return;
    hide();
    emit closed();
}

} // namespace Natter::Client
