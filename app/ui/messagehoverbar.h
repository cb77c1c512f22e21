#pragma once

#include "messageactionmenu.h"

#include <QFrame>

class QToolButton;

namespace Natter::Client {

// The small toolbar over the top right corner of the message under the mouse: react, reply in thread, edit
// (own messages) and "more" (the context menu).
class MessageHoverBar : public QFrame
{
    Q_OBJECT
public:
    explicit MessageHoverBar(QWidget *parent = nullptr);

    // Shows the buttons that apply to a message (edit only when CANEDIT, thread only when CANTHREAD).
    void configure(bool canEdit, bool canThread);

signals:
    void actionRequested(Natter::Client::MessageAction action);
    void moreRequested();

private:
    QToolButton *button(const QString &text, const QString &tip);

    QToolButton *m_thread;
    QToolButton *m_edit;
};

} // namespace Natter::Client
