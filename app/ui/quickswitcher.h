#pragma once

#include <common/protocol/id.h>

#include <QDialog>
#include <QTimer>

class QLineEdit;
class QListWidget;

namespace Natter::Client {

class Session;

// Ctrl+K: type part of a channel's or a person's name, pick with the arrows, Enter opens it. Channels the user
// is in match at once; people come from the server's user search as the name is typed.
class QuickSwitcher : public QDialog
{
    Q_OBJECT
public:
    explicit QuickSwitcher(Session *session, QWidget *parent = nullptr);

    QLineEdit *queryField() const { return m_query; }
    QListWidget *list() const { return m_list; }
    // What was chosen: a channel id, or (for a person without a direct channel yet) a user id.
    Wire::Id chosenChannel() const { return m_channel; }
    Wire::Id chosenUser() const { return m_user; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refresh();
    void choose();

    Session *m_session;
    QLineEdit *m_query;
    QListWidget *m_list;
    QTimer m_people;
    Wire::Id m_channel;
    Wire::Id m_user;
    quint64 m_generation = 0;
};

} // namespace Natter::Client
