#pragma once

#include "session/notifier.h"

#include <QPointer>
#include <QTimer>

class QFrame;
class QLabel;
class QWidget;

namespace Natter::Client {

// Notifications inside the window: a card in the top right corner of HOST that shows the newest one for a few
// seconds; clicking it opens the message. Always available, so it is also the fallback when the desktop has no
// notification service and no tray.
class BannerNotifier : public Notifier
{
    Q_OBJECT
public:
    explicit BannerNotifier(QWidget *host, QObject *parent = nullptr);

    bool isAvailable() const override { return m_host != nullptr; }
    void show(const Notification &notification) override;
    bool isShowing() const;
    QString text() const;
    QFrame *card() const { return m_card; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void place();

    QPointer<QWidget> m_host;
    QFrame *m_card;
    QLabel *m_title;
    QLabel *m_body;
    QTimer m_hide;
    Notification m_current;
};

} // namespace Natter::Client
