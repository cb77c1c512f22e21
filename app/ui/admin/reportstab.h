#pragma once

#include "models/reportmodel.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace Natter::Client {

class Moderation;

// The report queue: open reports (or all) with the reported message, and what to do about one: delete the
// message, mute its author in the channel, deactivate the author, or dismiss. The reporter is told the outcome
// by the server (report.resolved). The count follows reports.count live.
class ReportsTab : public QWidget
{
    Q_OBJECT
public:
    ReportsTab(Moderation *moderation, NameResolver people, NameResolver channels, QWidget *parent = nullptr);

    ReportModel *model() { return &m_model; }
    QTableView *table() const { return m_table; }
    QString countText() const;
    QString notice() const;
    void setConfirm(bool confirm) { m_confirm = confirm; }
    void setShowAll(bool all);
    void reload();
    void refreshNames();
    void selectRow(int row);
    // Acts on the selected report.
    void resolve(Wire::ReportAction action);

private:
    void updateButtons();
    void showNotice(const QString &text, bool error);

    Moderation *m_moderation;
    NameResolver m_people;
    NameResolver m_channels;
    ReportModel m_model;
    QComboBox *m_filter;
    QLabel *m_count;
    QTableView *m_table;
    QLineEdit *m_reason;
    QComboBox *m_muteFor;
    QPushButton *m_delete;
    QPushButton *m_mute;
    QPushButton *m_deactivate;
    QPushButton *m_dismiss;
    QPushButton *m_older;
    QLabel *m_notice;
    bool m_hasMore = false;
    bool m_confirm = true;
};

} // namespace Natter::Client
