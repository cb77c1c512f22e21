#include "welcomewidget.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Natter::Client {

WelcomeWidget::WelcomeWidget(QWidget *parent)
    : QWidget(parent)
    , m_greeting(new QLabel)
    , m_invite(new QLabel)
{
    setObjectName(u"welcome"_qs);
    QFont f = m_greeting->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.6);
    m_greeting->setFont(f);
    m_greeting->setAlignment(Qt::AlignCenter);
    auto *lead = new QLabel(tr("There are no channels here yet. A channel is where a team talks about one thing: "
                               "start with one for everybody, such as #general."));
    lead->setWordWrap(true);
    lead->setAlignment(Qt::AlignCenter);
    lead->setStyleSheet(u"color: #374151;"_qs);
    auto *create = new QPushButton(tr("Create a channel"));
    create->setObjectName(u"welcomeCreate"_qs);
    create->setStyleSheet(u"QPushButton { background: #2563eb; color: white; border: none; border-radius: 6px;"
                          " padding: 8px 18px; font-weight: bold; } QPushButton:hover { background: #1d4ed8; }"_qs);
    auto *browse = new QPushButton(tr("Browse public channels"));
    browse->setStyleSheet(u"QPushButton { border: 1px solid #d1d5db; border-radius: 6px; padding: 8px 18px; background: white; }"_qs);
    m_invite->setWordWrap(true);
    m_invite->setAlignment(Qt::AlignCenter);
    m_invite->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // QLabel's margin, not a style sheet padding: only the margin counts in its height for a width.
    m_invite->setMargin(12);
    m_invite->setStyleSheet(u"color: #374151; background: #f3f4f6; border-radius: 8px;"_qs);
    auto *copy = new QPushButton(tr("Copy the address"));
    copy->setStyleSheet(browse->styleSheet());
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(create);
    buttons->addWidget(browse);
    buttons->addStretch();
    auto *copyRow = new QHBoxLayout;
    copyRow->addStretch();
    copyRow->addWidget(copy);
    copyRow->addStretch();
    auto *column = new QVBoxLayout;
    column->setSpacing(14);
    column->addWidget(m_greeting);
    column->addWidget(lead);
    column->addLayout(buttons);
    column->addSpacing(18);
    column->addWidget(m_invite);
    column->addLayout(copyRow);
    auto *box = new QWidget;
    box->setFixedWidth(560);
    box->setLayout(column);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(box, 0, Qt::AlignHCenter);
    layout->addStretch(3);
    connect(create, &QPushButton::clicked, this, &WelcomeWidget::createChannelRequested);
    connect(browse, &QPushButton::clicked, this, &WelcomeWidget::browseRequested);
    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_address); });
}

void WelcomeWidget::setUser(const QString &name)
{
    m_greeting->setText(tr("Welcome to Natter, %1!").arg(name));
}

void WelcomeWidget::setServerAddress(const QString &address)
{
    m_address = address;
    m_invite->setText(tr("To invite people, send them this server's address. They open Natter, enter it on the "
                         "sign-in screen and create an account:\n%1").arg(address));
    // The box has a fixed width; make the layout reserve every wrapped line of the text set after it was built.
    m_invite->setMinimumHeight(m_invite->heightForWidth(560));
}

QString WelcomeWidget::text() const
{
    return m_greeting->text() + u'\n' + m_invite->text();
}

} // namespace Natter::Client
