// The interactive half of MessageView: hover toolbar, clicks on chips, links and thread summaries, the context
// menu, keyboard actions, inline editing and notices.
#include "inlineeditor.h"
#include "messagedelegate.h"
#include "messagehoverbar.h"
#include "messageview.h"
#include "models/messagelistmodel.h"

#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QIdentityProxyModel>
#include <QLabel>
#include <QScrollBar>
#include <QToolTip>

namespace Natter::Client {

Message MessageView::messageAt(int row) const
{
    return m_model ? m_model->messageAt(row) : Message();
}

int MessageView::sourceRow(const QModelIndex &index) const
{
    return index.isValid() ? index.row() : -1; // the proxy is an identity proxy
}

int MessageView::currentRow() const
{
    return currentIndex().isValid() ? currentIndex().row() : -1;
}

MessageActionMenu::Permissions MessageView::permissionsFor(const Message &message) const
{
    return m_permissions ? m_permissions(message) : MessageActionMenu::Permissions {};
}

void MessageView::setHovered(const QModelIndex &index)
{
    if (index == QModelIndex(m_hovered)) return;
    m_hovered = index;
    const Message m = index.isValid() ? messageAt(index.row()) : Message();
    if (!index.isValid() || m.isLocal() || m.isDeleted() || m_editing == index) {
        m_hoverBar->hide();
        return;
    }
    const auto permissions = permissionsFor(m);
    m_hoverBar->configure(permissions.canEdit, !permissions.inThread && !m.isReply());
    placeOverlays();
    m_hoverBar->show();
    m_hoverBar->raise();
}

void MessageView::placeOverlays()
{
    if (m_hovered.isValid() && m_hoverBar->isVisible()) {
        const QRect row = visualRect(m_hovered);
        const int top = m_delegate->contentTop(m_hovered, row);
        m_hoverBar->move(row.right() - m_hoverBar->width() - 12, std::max(0, top - m_hoverBar->height() / 2));
    }
    if (m_editor && m_editing.isValid()) {
        m_editor->setGeometry(m_delegate->bodyRect(m_editing, visualRect(m_editing)));
        m_editor->show();
    }
    placeTextSelector();
    if (m_notice->isVisible()) {
        m_notice->adjustSize();
        m_notice->move((width() - m_notice->width()) / 2, height() - m_notice->height() - 52);
        m_notice->raise();
    }
}

void MessageView::updateGeometries()
{
    QListView::updateGeometries();
    placeOverlays();
}

void MessageView::scrollContentsBy(int dx, int dy)
{
    QListView::scrollContentsBy(dx, dy);
    placeOverlays();
}

void MessageView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_selecting && (event->buttons() & Qt::LeftButton)) {
        forwardToSelector(event);
        return;
    }
    const QPoint pos = event->position().toPoint();
    const QModelIndex index = indexAt(pos);
    setHovered(index);
    const auto hit = index.isValid() ? m_delegate->hitTest(index, visualRect(index), pos) : MessageDelegate::Hit {};
    viewport()->setCursor(hit.kind == MessageDelegate::Hit::None ? Qt::ArrowCursor : Qt::PointingHandCursor);
    QListView::mouseMoveEvent(event);
}

bool MessageView::handleClick(const QModelIndex &index, const QPoint &pos)
{
    const MessageDelegate::Hit hit = m_delegate->hitTest(index, visualRect(index), pos);
    const Message m = messageAt(index.row());
    switch (hit.kind) {
    case MessageDelegate::Hit::Reaction:
        emit reactionToggled(m, hit.value);
        return true;
    case MessageDelegate::Hit::AddReaction:
        emit actionRequested(MessageAction::React, m, viewport()->mapToGlobal(pos));
        return true;
    case MessageDelegate::Hit::Thread:
        emit actionRequested(MessageAction::ReplyInThread, m, viewport()->mapToGlobal(pos));
        return true;
    case MessageDelegate::Hit::Link:
    case MessageDelegate::Hit::Preview:
        emit linkActivated(QUrl(hit.value));
        return true;
    case MessageDelegate::Hit::Retry:
        emit retryRequested(m.clientMsgId);
        return true;
    case MessageDelegate::Hit::Image:
        openImage(index.row(), hit.attachment);
        return true;
    case MessageDelegate::Hit::FileSave:
        saveFile(index.row(), hit.attachment);
        return true;
    case MessageDelegate::Hit::FileOpen:
        openFile(index.row(), hit.attachment);
        return true;
    case MessageDelegate::Hit::None:
        if (m.state == SendState::Failed && MessageDelegate::isRetryArea(visualRect(index), pos)) {
            emit retryRequested(m.clientMsgId);
            return true;
        }
        return false;
    }
    return false;
}

QString MessageView::reactionTooltip(int row, const QString &emoji) const
{
    const Message m = messageAt(row);
    int count = 0;
    for (const Wire::Reaction &r : m.reactions)
        if (r.emoji == emoji) count = r.count;
    // Names only for what this client saw (reaction events, the reader's own); history counts the rest.
    QStringList names = m_reactorNames ? m_reactorNames(m, emoji) : QStringList();
    constexpr int MaxNames = 3;
    names = names.mid(0, std::min<qsizetype>(std::min(count, MaxNames), names.size()));
    const int others = count - int(names.size());
    if (names.isEmpty()) return tr("%n people reacted with %1", nullptr, count).arg(emoji);
    if (others > 0) return tr("%1 and %n others reacted with %2", nullptr, others).arg(names.join(u", "_qs), emoji);
    if (names.size() == 1) return tr("%1 reacted with %2").arg(names.constFirst(), emoji);
    const QString last = names.takeLast();
    return tr("%1 and %2 reacted with %3").arg(names.join(u", "_qs), last, emoji);
}

void MessageView::openContextMenu(int row, const QPoint &globalPos)
{
    const Message m = messageAt(row);
    if (row < 0 || (m.isLocal() && m.text.isEmpty())) return;
    MessageActionMenu menu(m, permissionsFor(m), this);
    connect(&menu, &MessageActionMenu::triggeredAction, this,
        [this, m, globalPos](MessageAction action) { emit actionRequested(action, m, globalPos); });
    menu.exec(globalPos);
}

void MessageView::contextMenuEvent(QContextMenuEvent *event)
{
    QModelIndex index = event->reason() == QContextMenuEvent::Keyboard ? currentIndex() : indexAt(event->pos());
    if (!index.isValid()) return;
    setCurrentIndex(index);
    const QPoint at = event->reason() == QContextMenuEvent::Keyboard
        ? viewport()->mapToGlobal(m_delegate->bodyRect(index, visualRect(index)).topLeft())
        : event->globalPos();
    openContextMenu(index.row(), at);
}

void MessageView::keyPressEvent(QKeyEvent *event)
{
    const QModelIndex current = currentIndex();
    if (current.isValid()) {
        const Message m = messageAt(current.row());
        const QPoint at = viewport()->mapToGlobal(m_delegate->bodyRect(current, visualRect(current)).topLeft());
        if (event->key() == Qt::Key_F10 && (event->modifiers() & Qt::ShiftModifier)) {
            openContextMenu(current.row(), at);
            return;
        }
        if (event->key() == Qt::Key_E && event->modifiers() == Qt::NoModifier && permissionsFor(m).canEdit) {
            startEdit(current.row());
            return;
        }
        if (event->key() == Qt::Key_Delete && permissionsFor(m).canDelete) {
            emit actionRequested(MessageAction::Delete, m, at);
            return;
        }
        if (event->key() == Qt::Key_T && event->modifiers() == Qt::NoModifier && !m.isReply()) {
            emit actionRequested(MessageAction::ReplyInThread, m, at);
            return;
        }
        if (event->key() == Qt::Key_R && event->modifiers() == Qt::NoModifier) {
            emit actionRequested(MessageAction::React, m, at);
            return;
        }
    }
    QListView::keyPressEvent(event);
}

void MessageView::startEdit(int row)
{
    cancelEdit();
    const QModelIndex index = model()->index(row, 0);
    const Message m = messageAt(row);
    if (!index.isValid() || m.isLocal() || m.isDeleted()) return;
    m_editing = index;
    m_hoverBar->hide();
    m_delegate->layouts().setEditing(MessageLayoutCache::keyOf(index), InlineEditor::preferredHeight());
    m_editor = new InlineEditor(viewport());
    m_editor->setText(m.text);
    connect(m_editor, &InlineEditor::cancelRequested, this, [this] {
        cancelEdit();
        setFocus();
    });
    connect(m_editor, &InlineEditor::saveRequested, this, [this, m](const QString &text) {
        if (text == m.text) {
            cancelEdit();
            return;
        }
        m_editor->setBusy(true);
        emit editSubmitted(m, text);
    });
    scheduleDelayedItemsLayout();
    executeDelayedItemsLayout();
    scrollTo(index);
    placeOverlays();
    m_editor->setFocus();
}

void MessageView::cancelEdit()
{
    if (!m_editing.isValid() && !m_editor) return;
    m_delegate->layouts().setEditing({}, 0);
    m_editing = QPersistentModelIndex();
    if (m_editor) m_editor->deleteLater();
    m_editor = nullptr;
    scheduleDelayedItemsLayout();
}

void MessageView::finishEdit()
{
    cancelEdit();
    setFocus();
}

void MessageView::editFailed(const QString &error)
{
    if (!m_editor) return;
    m_editor->setBusy(false);
    m_editor->showError(error);
    m_editor->setFocus();
}

bool MessageView::editLastOwn(const QString &authorId)
{
    if (!m_model) return false;
    for (int row = m_model->rowCount() - 1; row >= 0; --row) {
        const Message m = m_model->messageAt(row);
        if (m.author.id.toString() == authorId && !m.isLocal() && !m.isDeleted()) {
            setCurrentIndex(model()->index(row, 0));
            startEdit(row);
            return true;
        }
    }
    return false;
}

void MessageView::showNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->show();
    placeOverlays();
    m_noticeTimer.start();
}

QString MessageView::noticeText() const
{
    return m_notice->isVisible() ? m_notice->text() : QString();
}

} // namespace Natter::Client
