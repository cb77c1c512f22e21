#include "admin/userstab.h"
#include "admin/tablestyle.h"
#include "session/moderation.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace Natter::Client {

namespace {
QString nameOf(const Wire::User &u)
{
    return u.displayName.isEmpty() ? u.username : u.displayName;
}
}

UsersTab::UsersTab(Moderation *moderation, QWidget *parent)
    : QWidget(parent)
    , m_moderation(moderation)
    , m_search(new QLineEdit)
    , m_table(new QTableView)
    , m_role(new QPushButton(tr("Make administrator")))
    , m_active(new QPushButton(tr("Deactivate…")))
    , m_reset(new QPushButton(tr("Reset password…")))
    , m_notice(new QLabel)
{
    m_search->setObjectName(u"userSearch"_qs);
    m_search->setPlaceholderText(tr("Search by username or name"));
    m_search->setAccessibleName(tr("Search accounts"));
    m_search->setClearButtonEnabled(true);
    setUpAdminTable(m_table, "users");
    m_table->setAccessibleName(tr("Accounts"));
    m_table->setModel(&m_model);
    m_table->horizontalHeader()->resizeSection(AdminUserModel::NameColumn, 220);
    m_table->horizontalHeader()->resizeSection(AdminUserModel::UsernameColumn, 200);
    m_table->horizontalHeader()->resizeSection(AdminUserModel::RoleColumn, 160);
    m_role->setObjectName(u"toggleRole"_qs);
    m_active->setObjectName(u"toggleActive"_qs);
    m_reset->setObjectName(u"resetPassword"_qs);
    m_notice->setObjectName(u"usersNotice"_qs);
    m_notice->setWordWrap(true);
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notice->hide();
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_role);
    buttons->addWidget(m_active);
    buttons->addWidget(m_reset);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_search);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_notice);
    layout->addLayout(buttons);

    auto *debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(debounce, &QTimer::timeout, this, &UsersTab::reload);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &UsersTab::updateButtons);
    connect(&m_model, &QAbstractItemModel::modelReset, this, &UsersTab::updateButtons);
    connect(&m_model, &QAbstractItemModel::dataChanged, this, &UsersTab::updateButtons);
    connect(m_role, &QPushButton::clicked, this, &UsersTab::toggleRole);
    connect(m_active, &QPushButton::clicked, this, &UsersTab::toggleActive);
    connect(m_reset, &QPushButton::clicked, this, &UsersTab::resetPassword);
    updateButtons();
}

QString UsersTab::notice() const
{
    return m_notice->isHidden() ? QString() : m_notice->text();
}

void UsersTab::showNotice(const QString &text, bool error)
{
    setAdminNotice(m_notice, text, error);
}

void UsersTab::reload()
{
    m_moderation->users(m_search->text(), [this](const QList<Wire::User> &users, const QString &error) {
        if (!error.isEmpty()) return showNotice(error, true);
        const Wire::Id kept = selected().id;
        m_model.setUsers(users);
        if (kept.isValid()) selectRow(m_model.rowOf(kept));
        emit loaded();
    });
}

Wire::User UsersTab::selected() const
{
    const QModelIndexList rows = m_table->selectionModel() ? m_table->selectionModel()->selectedRows() : QModelIndexList();
    return rows.isEmpty() ? Wire::User() : m_model.userAt(rows.first().row());
}

void UsersTab::selectRow(int row)
{
    if (row < 0 || row >= m_model.rowCount()) return;
    m_table->selectRow(row);
}

void UsersTab::updateButtons()
{
    const Wire::User u = selected();
    const bool any = u.id.isValid();
    const bool admin = u.serverRole == Wire::ServerRole::Admin;
    m_role->setEnabled(any);
    m_active->setEnabled(any);
    m_reset->setEnabled(any && !u.deactivated);
    m_role->setText(admin ? tr("Make member") : tr("Make administrator"));
    m_active->setText(u.deactivated ? tr("Reactivate") : tr("Deactivate…"));
}

void UsersTab::toggleRole()
{
    const Wire::User u = selected();
    if (!u.id.isValid()) return;
    const bool admin = u.serverRole == Wire::ServerRole::Admin;
    m_moderation->setServerRole(u.id, admin ? Wire::ServerRole::Member : Wire::ServerRole::Admin,
        [this, u, admin](const Wire::User &changed, const QString &error) {
            if (!error.isEmpty()) return showNotice(error, true);
            m_model.updateUser(changed);
            showNotice(admin ? tr("%1 is no longer a server administrator.").arg(nameOf(u))
                             : tr("%1 is now a server administrator.").arg(nameOf(u)),
                false);
        });
}

void UsersTab::toggleActive()
{
    const Wire::User u = selected();
    if (!u.id.isValid()) return;
    const bool deactivate = !u.deactivated;
    QString reason;
    if (deactivate && m_confirm) {
        bool ok = false;
        reason = QInputDialog::getText(this, tr("Deactivate %1").arg(nameOf(u)),
            tr("%1 is signed out everywhere at once and cannot sign in until reactivated. Their messages stay.\n"
               "Reason (kept in the audit log):")
                .arg(nameOf(u)),
            QLineEdit::Normal, {}, &ok);
        if (!ok) return;
    }
    m_moderation->setDeactivated(u.id, deactivate, reason, [this, u, deactivate](const Wire::User &changed, const QString &error) {
        if (!error.isEmpty()) return showNotice(error, true);
        m_model.updateUser(changed);
        showNotice(deactivate ? tr("%1 was deactivated and signed out.").arg(nameOf(u))
                              : tr("%1 can sign in again.").arg(nameOf(u)),
            false);
    });
}

void UsersTab::resetPassword()
{
    const Wire::User u = selected();
    if (!u.id.isValid()) return;
    if (m_confirm
        && QMessageBox::question(this, tr("Reset password"),
               tr("Reset the password of %1? They are signed out everywhere and sign in once with a temporary "
                  "password, then choose a new one.")
                   .arg(nameOf(u)))
            != QMessageBox::Yes)
        return;
    m_moderation->resetPassword(u.id, [this, u](const QString &temporary, const QString &error) {
        if (!error.isEmpty()) return showNotice(error, true);
        // Shown once, selectable: the administrator passes it on; the server keeps only its hash.
        showNotice(tr("Temporary password for %1: %2 — give it to them; they choose a new one when they sign in.")
                       .arg(nameOf(u), temporary),
            false);
    });
}

} // namespace Natter::Client
