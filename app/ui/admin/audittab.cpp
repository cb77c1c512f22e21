#include "admin/audittab.h"
#include "admin/tablestyle.h"
#include "session/moderation.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace Natter::Client {

AuditTab::AuditTab(Moderation *moderation, NameResolver people, NameResolver channels, QWidget *parent)
    : QWidget(parent)
    , m_moderation(moderation)
    , m_people(std::move(people))
    , m_channels(std::move(channels))
    , m_table(new QTableView)
    , m_older(new QPushButton(tr("Load older entries")))
    , m_notice(new QLabel)
{
    m_model.setNames(m_people, m_channels);
    setUpAdminTable(m_table, "audit");
    m_table->setAccessibleName(tr("Audit log"));
    m_table->setModel(&m_model);
    m_table->horizontalHeader()->resizeSection(AuditModel::WhenColumn, 110);
    m_table->horizontalHeader()->resizeSection(AuditModel::ActorColumn, 110);
    m_table->horizontalHeader()->resizeSection(AuditModel::ActionColumn, 200);
    m_table->horizontalHeader()->resizeSection(AuditModel::TargetColumn, 180);
    m_table->horizontalHeader()->resizeSection(AuditModel::ReasonColumn, 160);
    m_older->setObjectName(u"olderAudit"_qs);
    auto *refresh = new QPushButton(tr("Refresh"));
    refresh->setObjectName(u"refreshAudit"_qs);
    m_notice->setObjectName(u"auditNotice"_qs);
    m_notice->hide();
    auto *explain = new QLabel(tr("Every moderation and administration action, newest first. Entries can never be "
                                  "changed or removed."));
    explain->setWordWrap(true);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_older);
    buttons->addWidget(refresh);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(explain);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_notice);
    layout->addLayout(buttons);
    connect(m_older, &QPushButton::clicked, this, &AuditTab::loadOlder);
    connect(refresh, &QPushButton::clicked, this, &AuditTab::reload);
    m_older->setEnabled(false);
}

void AuditTab::reload()
{
    m_moderation->audit({}, PageSize, [this](const Wire::AuditPage &page, const QString &error) {
        setAdminNotice(m_notice, error, true);
        if (!error.isEmpty()) return;
        m_model.setEntries(page.entries);
        m_hasMore = page.hasMore;
        m_older->setEnabled(m_hasMore);
    });
}

void AuditTab::loadOlder()
{
    if (!m_hasMore) return;
    m_moderation->audit(m_model.oldestId(), PageSize, [this](const Wire::AuditPage &page, const QString &error) {
        setAdminNotice(m_notice, error, true);
        if (!error.isEmpty()) return;
        m_model.setEntries(page.entries, true);
        m_hasMore = page.hasMore;
        m_older->setEnabled(m_hasMore);
    });
}

void AuditTab::refreshNames()
{
    m_model.setNames(m_people, m_channels);
}

} // namespace Natter::Client
