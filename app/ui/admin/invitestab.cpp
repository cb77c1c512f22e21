#include "admin/invitestab.h"
#include "admin/tablestyle.h"
#include "session/moderation.h"

#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

namespace Natter::Client {

InvitesTab::InvitesTab(Moderation *moderation, const QUrl &server, QWidget *parent)
    : QWidget(parent)
    , m_moderation(moderation)
    , m_server(server)
    , m_uses(new QSpinBox)
    , m_expiry(new QComboBox)
    , m_link(new QLineEdit)
    , m_table(new QTableView)
    , m_notice(new QLabel)
    , m_revoke(new QPushButton(tr("Revoke")))
    , m_copy(new QPushButton(tr("Copy link")))
{
    m_uses->setObjectName(u"inviteUses"_qs);
    m_uses->setAccessibleName(tr("Number of uses"));
    m_uses->setRange(1, 1000);
    m_uses->setValue(10);
    m_expiry->setObjectName(u"inviteExpiry"_qs);
    m_expiry->setAccessibleName(tr("Expires after"));
    m_expiry->addItem(tr("1 day"), 24 * 3600);
    m_expiry->addItem(tr("7 days"), 7 * 24 * 3600);
    m_expiry->addItem(tr("30 days"), 30 * 24 * 3600);
    m_expiry->setCurrentIndex(1);
    auto *create = new QPushButton(tr("Create invite link"));
    create->setObjectName(u"createInvite"_qs);
    m_link->setObjectName(u"inviteLink"_qs);
    m_link->setAccessibleName(tr("Invite link"));
    m_link->setReadOnly(true);
    m_link->setPlaceholderText(tr("The new link appears here"));
    auto *copyNew = new QPushButton(tr("Copy"));
    copyNew->setObjectName(u"copyNewInvite"_qs);
    setUpAdminTable(m_table, "invites");
    m_table->setAccessibleName(tr("Invites still usable"));
    m_table->setModel(&m_model);
    m_table->horizontalHeader()->resizeSection(InviteModel::CodeColumn, 320);
    m_revoke->setObjectName(u"revokeInvite"_qs);
    m_copy->setObjectName(u"copyInvite"_qs);
    m_notice->setObjectName(u"invitesNotice"_qs);
    m_notice->setWordWrap(true);
    m_notice->hide();

    auto *form = new QHBoxLayout;
    form->addWidget(new QLabel(tr("Uses:")));
    form->addWidget(m_uses);
    form->addSpacing(12);
    form->addWidget(new QLabel(tr("Expires after:")));
    form->addWidget(m_expiry);
    form->addSpacing(12);
    form->addWidget(create);
    form->addStretch(1);
    auto *linkRow = new QHBoxLayout;
    linkRow->addWidget(m_link, 1);
    linkRow->addWidget(copyNew);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_copy);
    buttons->addWidget(m_revoke);
    buttons->addStretch(1);
    auto *explain = new QLabel(tr("Teammates paste the link into the server address of Natter's sign-in screen and "
                                  "create their account. On an invite-only server nobody can join without one."));
    explain->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(explain);
    layout->addLayout(form);
    layout->addLayout(linkRow);
    layout->addWidget(m_notice);
    layout->addWidget(new QLabel(tr("Invites still usable:")));
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);

    connect(create, &QPushButton::clicked, this, &InvitesTab::create);
    connect(copyNew, &QPushButton::clicked, this, [this] {
        if (m_link->text().isEmpty()) return;
        QGuiApplication::clipboard()->setText(m_link->text());
        showNotice(tr("Copied the link."), false);
    });
    connect(m_copy, &QPushButton::clicked, this, &InvitesTab::copySelected);
    connect(m_revoke, &QPushButton::clicked, this, &InvitesTab::revokeSelected);
}

QString InvitesTab::link() const
{
    return m_link->text();
}

QString InvitesTab::notice() const
{
    return m_notice->isHidden() ? QString() : m_notice->text();
}

void InvitesTab::showNotice(const QString &text, bool error)
{
    setAdminNotice(m_notice, text, error);
}

void InvitesTab::reload()
{
    m_moderation->invites([this](const QList<Wire::Invite> &invites, const QString &error) {
        if (!error.isEmpty()) return showNotice(error, true);
        m_model.setInvites(invites);
    });
}

void InvitesTab::create()
{
    m_moderation->createInvite(m_uses->value(), m_expiry->currentData().toLongLong(),
        [this](const Wire::Invite &invite, const QString &error) {
            if (!error.isEmpty()) return showNotice(error, true);
            m_link->setText(Moderation::inviteLink(m_server, invite.code).toString());
            m_link->selectAll();
            const int uses = int(invite.maxUses);
            showNotice((uses == 1 ? tr("Invite created: %n use, until %1.", nullptr, uses)
                                  : tr("Invite created: %n uses, until %1.", nullptr, uses))
                           .arg(shortTime(invite.expiresAt)),
                false);
            reload();
        });
}

void InvitesTab::copySelected()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty()) return;
    QGuiApplication::clipboard()->setText(
        Moderation::inviteLink(m_server, m_model.inviteAt(rows.first().row()).code).toString());
    showNotice(tr("Copied the link."), false);
}

void InvitesTab::revokeSelected()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty()) return;
    const QString code = m_model.inviteAt(rows.first().row()).code;
    m_moderation->revokeInvite(code, [this, code](const QString &error) {
        if (!error.isEmpty()) return showNotice(error, true);
        m_model.remove(code);
        if (m_link->text().endsWith(code)) m_link->clear();
        showNotice(tr("The invite was revoked: its link no longer works."), false);
    });
}

} // namespace Natter::Client
