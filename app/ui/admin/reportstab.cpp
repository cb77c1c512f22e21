#include "admin/reportstab.h"
#include "admin/tablestyle.h"
#include "session/moderation.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace Natter::Client {

namespace {
QString openText(qint64 open)
{
    const int n = int(open);
    return n == 1 ? ReportsTab::tr("%n open report", nullptr, n) : ReportsTab::tr("%n open reports", nullptr, n);
}
}

ReportsTab::ReportsTab(Moderation *moderation, NameResolver people, NameResolver channels, QWidget *parent)
    : QWidget(parent)
    , m_moderation(moderation)
    , m_people(std::move(people))
    , m_channels(std::move(channels))
    , m_filter(new QComboBox)
    , m_count(new QLabel)
    , m_table(new QTableView)
    , m_reason(new QLineEdit)
    , m_muteFor(new QComboBox)
    , m_delete(new QPushButton(tr("Delete message")))
    , m_mute(new QPushButton(tr("Mute author")))
    , m_deactivate(new QPushButton(tr("Deactivate author")))
    , m_dismiss(new QPushButton(tr("Dismiss")))
    , m_older(new QPushButton(tr("Load older reports")))
    , m_notice(new QLabel)
{
    m_model.setNames(m_people, m_channels);
    m_filter->setObjectName(u"reportFilter"_qs);
    m_filter->setAccessibleName(tr("Which reports"));
    m_filter->addItems({ tr("Open reports"), tr("All reports") });
    m_count->setObjectName(u"reportCount"_qs);
    setUpAdminTable(m_table, "reports");
    m_table->setAccessibleName(tr("Reports"));
    m_table->setModel(&m_model);
    m_table->horizontalHeader()->resizeSection(ReportModel::WhenColumn, 70);
    m_table->horizontalHeader()->resizeSection(ReportModel::ChannelColumn, 90);
    m_table->horizontalHeader()->resizeSection(ReportModel::AuthorColumn, 160);
    m_table->horizontalHeader()->resizeSection(ReportModel::MessageColumn, 330);
    m_table->horizontalHeader()->resizeSection(ReportModel::ReasonColumn, 220);
    m_table->horizontalHeader()->resizeSection(ReportModel::ReporterColumn, 100);
    m_reason->setObjectName(u"resolveReason"_qs);
    m_reason->setAccessibleName(tr("Reason for the decision"));
    m_reason->setPlaceholderText(tr("Reason (optional, kept in the audit log)"));
    m_muteFor->setObjectName(u"muteFor"_qs);
    m_muteFor->setAccessibleName(tr("Mute for"));
    m_muteFor->addItem(tr("for 1 hour"), 3600);
    m_muteFor->addItem(tr("for 8 hours"), 8 * 3600);
    m_muteFor->addItem(tr("for 24 hours"), 24 * 3600);
    m_muteFor->addItem(tr("for 7 days"), 7 * 24 * 3600);
    m_delete->setObjectName(u"resolveDelete"_qs);
    m_mute->setObjectName(u"resolveMute"_qs);
    m_deactivate->setObjectName(u"resolveDeactivate"_qs);
    m_dismiss->setObjectName(u"resolveDismiss"_qs);
    m_older->setObjectName(u"olderReports"_qs);
    m_notice->setObjectName(u"reportsNotice"_qs);
    m_notice->setWordWrap(true);
    m_notice->hide();

    auto *top = new QHBoxLayout;
    top->addWidget(m_filter);
    top->addWidget(m_count, 1);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_delete);
    actions->addWidget(m_mute);
    actions->addWidget(m_muteFor);
    actions->addWidget(m_deactivate);
    actions->addWidget(m_dismiss);
    actions->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_older, 0, Qt::AlignLeft);
    layout->addWidget(m_notice);
    layout->addWidget(m_reason);
    layout->addLayout(actions);

    connect(m_filter, &QComboBox::currentIndexChanged, this, &ReportsTab::reload);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ReportsTab::updateButtons);
    connect(&m_model, &QAbstractItemModel::modelReset, this, &ReportsTab::updateButtons);
    connect(&m_model, &QAbstractItemModel::dataChanged, this, &ReportsTab::updateButtons);
    connect(m_delete, &QPushButton::clicked, this, [this] { resolve(Wire::ReportAction::Delete); });
    connect(m_mute, &QPushButton::clicked, this, [this] { resolve(Wire::ReportAction::Mute); });
    connect(m_deactivate, &QPushButton::clicked, this, [this] { resolve(Wire::ReportAction::Deactivate); });
    connect(m_dismiss, &QPushButton::clicked, this, [this] { resolve(Wire::ReportAction::Dismiss); });
    connect(m_older, &QPushButton::clicked, this, [this] {
        const Wire::Id oldest = m_model.reportAt(m_model.rowCount() - 1).id;
        m_moderation->reports(m_filter->currentIndex() == 0, oldest, [this](const Wire::ReportList &list, const QString &error) {
            if (!error.isEmpty()) return showNotice(error, true);
            m_model.setReports(list.reports, true);
            m_hasMore = list.hasMore;
            m_older->setVisible(m_hasMore);
        });
    });
    // A new report (or one resolved by another administrator) changes the count: show the queue as it is.
    connect(m_moderation, &Moderation::openReportsChanged, this, [this](qint64 open) {
        m_count->setText(openText(open));
        reload();
    });
    m_count->setText(openText(m_moderation->openReports()));
    m_older->hide();
    updateButtons();
}

QString ReportsTab::countText() const
{
    return m_count->text();
}

QString ReportsTab::notice() const
{
    return m_notice->isHidden() ? QString() : m_notice->text();
}

void ReportsTab::showNotice(const QString &text, bool error)
{
    setAdminNotice(m_notice, text, error);
}

void ReportsTab::setShowAll(bool all)
{
    m_filter->setCurrentIndex(all ? 1 : 0);
}

void ReportsTab::reload()
{
    m_moderation->reports(m_filter->currentIndex() == 0, {}, [this](const Wire::ReportList &list, const QString &error) {
        if (!error.isEmpty()) return showNotice(error, true);
        const Wire::Id kept = m_model.reportAt(m_table->currentIndex().row()).id;
        m_model.setReports(list.reports);
        m_hasMore = list.hasMore;
        m_older->setVisible(m_hasMore);
        m_count->setText(openText(list.open));
        for (int row = 0; kept.isValid() && row < m_model.rowCount(); ++row)
            if (m_model.reportAt(row).id == kept) selectRow(row);
    });
}

void ReportsTab::refreshNames()
{
    m_model.setNames(m_people, m_channels);
}

void ReportsTab::selectRow(int row)
{
    if (row >= 0 && row < m_model.rowCount()) m_table->selectRow(row);
}

void ReportsTab::updateButtons()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    const Wire::Report r = rows.isEmpty() ? Wire::Report() : m_model.reportAt(rows.first().row());
    const bool open = r.id.isValid() && r.open;
    const bool live = open && r.message && !r.message->deletedAt;
    m_delete->setEnabled(live);
    m_mute->setEnabled(open && r.message);
    m_muteFor->setEnabled(open && r.message);
    m_deactivate->setEnabled(open && r.message && !r.message->author.deactivated);
    m_dismiss->setEnabled(open);
}

void ReportsTab::resolve(Wire::ReportAction action)
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty()) return;
    const Wire::Report r = m_model.reportAt(rows.first().row());
    const QString author = !r.message ? QString()
        : r.message->author.displayName.isEmpty() ? r.message->author.username : r.message->author.displayName;
    if (action == Wire::ReportAction::Deactivate && m_confirm
        && QMessageBox::question(this, tr("Deactivate author"),
               tr("Deactivate the account of %1? They are signed out everywhere at once.").arg(author))
            != QMessageBox::Yes)
        return;
    m_moderation->resolveReport(r.id, action, m_reason->text().trimmed(), m_muteFor->currentData().toLongLong(),
        [this, author](const Wire::Report &done, const QString &error) {
            if (!error.isEmpty()) return showNotice(error, true);
            m_model.updateReport(done);
            m_reason->clear();
            showNotice(tr("Report resolved: %1. The reporter has been told.").arg(ReportModel::outcomeText(done.outcome)),
                false);
            Q_UNUSED(author);
        });
}

} // namespace Natter::Client
