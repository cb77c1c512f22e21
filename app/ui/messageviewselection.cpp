// The part of MessageView that lets the reader select part of a message (see MessageTextSelector).
#include "chatpalette.h"
#include "messagedelegate.h"
#include "messagetextselector.h"
#include "messageview.h"
#include "models/messagelistmodel.h"

#include <QApplication>
#include <QMouseEvent>

namespace Natter::Client {

bool MessageView::openTextSelector(const QModelIndex &index, const QPoint &pos)
{
    // A message still sending or failed is not selectable: a click on a failed one retries it.
    if (!index.isValid() || isEditing() || messageAt(index.row()).state != SendState::Sent) return false;
    const QRect row = visualRect(index);
    const MessageLayout &l = m_delegate->layouts().layout(index, row.width());
    const QRect body = l.text.translated(row.topLeft());
    if (!l.doc || !body.contains(pos)) return false;
    // A press on a link is a click on the link (handled on release), not the start of a selection.
    if (m_delegate->hitTest(index, row, pos).kind != MessageDelegate::Hit::None) return false;
    if (m_selector && m_selector->index() == QPersistentModelIndex(index)) return true;
    closeTextSelector();
    m_selector = new MessageTextSelector(viewport());
    const ChatPalette colours = ChatPalette::of(palette());
    m_selector->open(index, *l.doc, colours.text, colours.link);
    connect(m_selector, &MessageTextSelector::closeRequested, this, [this] {
        const bool hadFocus = m_selector && m_selector->hasFocus();
        closeTextSelector();
        if (hadFocus) setFocus();
    });
    connect(m_selector, &MessageTextSelector::linkActivated, this, &MessageView::linkActivated);
    m_selector->setGeometry(body);
    m_selector->show();
    m_selector->setFocus(Qt::MouseFocusReason);
    return true;
}

void MessageView::closeTextSelector()
{
    m_selecting = false;
    if (!m_selector) return;
    m_selector->hide();
    m_selector->deleteLater();
    m_selector = nullptr;
}

void MessageView::placeTextSelector()
{
    if (!m_selector) return;
    const QPersistentModelIndex index = m_selector->index();
    if (!index.isValid()) {
        closeTextSelector(); // the row went away (another channel, a trim)
        return;
    }
    const QRect row = visualRect(index);
    m_selector->setGeometry(m_delegate->layouts().layout(index, row.width()).text.translated(row.topLeft()));
}

void MessageView::forwardToSelector(QMouseEvent *event)
{
    if (!m_selector) return;
    QWidget *target = m_selector->viewport();
    const QPointF local = target->mapFrom(viewport(), event->position().toPoint());
    QMouseEvent copy(event->type(), local, event->globalPosition(), event->button(), event->buttons(),
        event->modifiers(), event->pointingDevice());
    QApplication::sendEvent(target, &copy);
}

void MessageView::mousePressEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    const QModelIndex index = indexAt(pos);
    if (event->button() == Qt::LeftButton && openTextSelector(index, pos)) {
        setCurrentIndex(index);
        // The view keeps the mouse (it got the press): the drag is passed on to the selector until release.
        m_selecting = true;
        forwardToSelector(event);
        return;
    }
    closeTextSelector();
    QListView::mousePressEvent(event);
}

void MessageView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (event->button() == Qt::LeftButton && openTextSelector(indexAt(pos), pos)) {
        forwardToSelector(event); // selects the word
        return;
    }
    QListView::mouseDoubleClickEvent(event);
}

} // namespace Natter::Client
