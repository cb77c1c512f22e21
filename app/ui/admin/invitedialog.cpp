#include "admin/invitedialog.h"
#include "admin/tablestyle.h"
#include "models/adminmodels.h"
#include "session/moderation.h"
#include "session/session.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Natter::Client {

namespace {
constexpr int InviteUses = 10;
constexpr qint64 InviteSeconds = 7 * 24 * 3600;
}

InviteDialog::InviteDialog(Session *session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_link(new QLineEdit)
    , m_text(new QLabel)
    , m_notice(new QLabel)
{
    setObjectName(u"inviteDialog"_qs);
    setWindowTitle(tr("Invite people"));
    m_text->setWordWrap(true);
    m_link->setObjectName(u"inviteLink"_qs);
    m_link->setAccessibleName(tr("Link to send"));
    m_link->setReadOnly(true);
    m_link->setMinimumWidth(440);
    m_notice->setObjectName(u"inviteNotice"_qs);
    m_notice->setWordWrap(true);
    m_notice->hide();
    auto *copy = new QPushButton(tr("Copy"));
    copy->setObjectName(u"copyLink"_qs);
    auto *row = new QHBoxLayout;
    row->addWidget(m_link, 1);
    row->addWidget(copy);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addLayout(row);
    layout->addWidget(m_notice);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(copy, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_link->text());
        setAdminNotice(m_notice, tr("Copied."), false);
    });
    if (session->moderation()->isServerAdmin()) {
        m_text->setText(tr("Send this link to the people you want to invite. They paste it into the server address "
                           "when they create their account in Natter. It works %n times within 7 days.",
            nullptr, InviteUses));
        m_link->setPlaceholderText(tr("Creating a link…"));
        create();
    } else {
        m_text->setText(tr("Send people this server's address. They enter it when they create their account in "
                           "Natter. If the server only accepts invited people, ask an administrator for an invite "
                           "link."));
        m_link->setText(session->serverUrl().toString());
    }
}

QString InviteDialog::link() const
{
    return m_link->text();
}

QString InviteDialog::notice() const
{
    return m_notice->isHidden() ? QString() : m_notice->text();
}

void InviteDialog::create()
{
    m_session->moderation()->createInvite(InviteUses, InviteSeconds, [this](const Wire::Invite &invite, const QString &error) {
        if (!error.isEmpty()) {
            m_link->setText(m_session->serverUrl().toString());
            return setAdminNotice(m_notice, error, true);
        }
        m_link->setText(Moderation::inviteLink(m_session->serverUrl(), invite.code).toString());
        m_link->selectAll();
        setAdminNotice(m_notice, tr("Valid until %1.").arg(shortTime(invite.expiresAt)), false);
    });
}

} // namespace Natter::Client
