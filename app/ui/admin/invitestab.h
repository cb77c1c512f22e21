#pragma once

#include "models/invitemodel.h"

#include <QUrl>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;

namespace Natter::Client {

class Moderation;

// Invites: create a link with a number of uses and an expiry, copy it, list the ones still usable, revoke one.
class InvitesTab : public QWidget
{
    Q_OBJECT
public:
    InvitesTab(Moderation *moderation, const QUrl &server, QWidget *parent = nullptr);

    InviteModel *model() { return &m_model; }
    QTableView *table() const { return m_table; }
    QSpinBox *uses() const { return m_uses; }
    QComboBox *expiry() const { return m_expiry; }
    // The link of the invite created last (empty before).
    QString link() const;
    QString notice() const;
    void reload();
    void create();
    void revokeSelected();
    void copySelected();

private:
    void showNotice(const QString &text, bool error);

    Moderation *m_moderation;
    QUrl m_server;
    InviteModel m_model;
    QSpinBox *m_uses;
    QComboBox *m_expiry;
    QLineEdit *m_link;
    QTableView *m_table;
    QLabel *m_notice;
    QPushButton *m_revoke;
    QPushButton *m_copy;
};

} // namespace Natter::Client
