#pragma once

#include "models/auditmodel.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace Natter::Client {

class Moderation;

// The audit log, read-only, newest first, a page at a time ("Load older entries").
class AuditTab : public QWidget
{
    Q_OBJECT
public:
    static constexpr int PageSize = 100;

    AuditTab(Moderation *moderation, NameResolver people, NameResolver channels, QWidget *parent = nullptr);

    AuditModel *model() { return &m_model; }
    QTableView *table() const { return m_table; }
    void reload();
    void loadOlder();
    void refreshNames();
    bool hasMore() const { return m_hasMore; }

private:
    Moderation *m_moderation;
    NameResolver m_people;
    NameResolver m_channels;
    AuditModel m_model;
    QTableView *m_table;
    QPushButton *m_older;
    QLabel *m_notice;
    bool m_hasMore = false;
};

} // namespace Natter::Client
