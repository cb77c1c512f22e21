#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;

namespace Natter::Client {

class Session;

// "Invite people…": for a server administrator, a new invite link (10 uses, 7 days) to send to teammates; for
// everyone else, the server's address and a word on invite-only servers.
class InviteDialog : public QDialog
{
    Q_OBJECT
public:
    explicit InviteDialog(Session *session, QWidget *parent = nullptr);

    // What to send: the invite link, or the server's address.
    QString link() const;
    QString notice() const;

private:
    void create();

    Session *m_session;
    QLineEdit *m_link;
    QLabel *m_text;
    QLabel *m_notice;
};

} // namespace Natter::Client
