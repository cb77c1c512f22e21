#pragma once

#include <QWidget>

class QLabel;

namespace Natter::Client {

// First run: what a user with no channel yet sees instead of the messages. It greets them and says what to do
// next: create a channel, browse the public ones, and invite people by sharing the server's address.
class WelcomeWidget : public QWidget
{
    Q_OBJECT
public:
    explicit WelcomeWidget(QWidget *parent = nullptr);

    void setUser(const QString &name);
    void setServerAddress(const QString &address);
    QString text() const;

signals:
    void createChannelRequested();
    void browseRequested();

private:
    QLabel *m_greeting;
    QLabel *m_invite;
    QString m_address;
};

} // namespace Natter::Client
