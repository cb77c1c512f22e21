#include "messageview.h"
#include "chatpalette.h"
#include "messagedelegate.h"
#include "messagehoverbar.h"
#include "models/messagelistmodel.h"

#include <QApplication>
#include <QIdentityProxyModel>
#include <QLabel>
#include <QMouseEvent>
#include <QPushButton>
#include <QScrollBar>
#include <QTimer>
#include <QHelpEvent>
#include <QToolTip>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace Natter::Client {

namespace {
void releaseFreedMemory()
{
#ifdef __GLIBC__
    // glibc keeps freed small blocks in its arenas; a channel's worth of layouts is thousands of them.
    malloc_trim(0);
#endif
}
}


namespace {
// QAbstractItemView fetches more whenever the *last* row is visible, which for a chat (older pages at the
// top) would page through the whole history while the reader sits at the bottom. The view decides itself.
class NoAutoFetchProxy : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    bool canFetchMore(const QModelIndex &) const override { return false; }
};

constexpr int BottomSlackPx = 4;
}

MessageView::MessageView(QWidget *parent)
    : QListView(parent)
    , m_proxy(new NoAutoFetchProxy(this))
    , m_delegate(new MessageDelegate(this))
    , m_jumpButton(new QPushButton(tr("New messages ↓"), this))
    , m_loadingLabel(new QLabel(tr("Loading earlier messages…"), this))
    , m_hoverBar(new MessageHoverBar(viewport()))
    , m_notice(new QLabel(this))
{
    setItemDelegate(m_delegate);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // One message can be selected with the keyboard (arrows), for its actions (Shift+F10, Menu key, E, Delete).
    setSelectionMode(QAbstractItemView::SingleSelection);
    setFocusPolicy(Qt::StrongFocus);
    m_notice->setObjectName(u"notice"_qs);
    setThemedStyleSheet(m_notice, u"QLabel { background: @notice; color: @noticeText; border-radius: 6px; padding: 6px 12px; }"_qs);
    m_notice->hide();
    m_noticeTimer.setSingleShot(true);
    m_noticeTimer.setInterval(6000);
    connect(&m_noticeTimer, &QTimer::timeout, m_notice, &QWidget::hide);
    connect(m_hoverBar, &MessageHoverBar::actionRequested, this, [this](MessageAction action) {
        const QPoint anchor = m_hoverBar->mapToGlobal(QPoint(0, m_hoverBar->height()));
        if (m_hovered.isValid()) emit actionRequested(action, messageAt(sourceRow(m_hovered)), anchor);
    });
    connect(m_hoverBar, &MessageHoverBar::moreRequested, this, [this] {
        if (m_hovered.isValid())
            openContextMenu(sourceRow(m_hovered), m_hoverBar->mapToGlobal(QPoint(0, m_hoverBar->height())));
    });
    setResizeMode(QListView::Adjust);
    setUniformItemSizes(false);
    setMouseTracking(true);
    setFrameShape(QFrame::NoFrame);
    // The space left above a short channel (see alignToBottom()) is the view's own, not the viewport's.
    // The space left above a short channel (see alignToBottom()) is the view's own, not the viewport's: it is
    // filled with the Base colour of whatever palette is current, so it follows theme changes.
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    connect(m_delegate, &MessageDelegate::repaintNeeded, viewport(), qOverload<>(&QWidget::update));
    verticalScrollBar()->setSingleStep(24);
    setThemedStyleSheet(this,
        u"QScrollBar:vertical { background: transparent; width: 10px; margin: 2px; }"
        " QScrollBar::handle:vertical { background: @scrollHandle; border-radius: 3px; min-height: 32px; }"
        " QScrollBar::handle:vertical:hover { background: @scrollHandleHover; }"
        " QScrollBar::add-line, QScrollBar::sub-line { height: 0; }"
        " QScrollBar::add-page, QScrollBar::sub-page { background: none; }"_qs);
    m_jumpButton->setObjectName(u"jumpButton"_qs);
    m_jumpButton->setCursor(Qt::PointingHandCursor);
    setThemedStyleSheet(m_jumpButton,
        u"QPushButton { background: @accent; color: @onAccent; border: none; border-radius: 14px;"
        " padding: 6px 16px; font-weight: bold; }"_qs);
    m_jumpButton->hide();
    m_loadingLabel->setObjectName(u"loadingLabel"_qs);
    setThemedStyleSheet(m_loadingLabel, u"QLabel { background: @chip; color: @cardText; border-radius: 11px;"
                                  " padding: 3px 12px; }"_qs);
    m_loadingLabel->hide();
    connect(m_jumpButton, &QPushButton::clicked, this, &MessageView::jumpToBottom);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, [this] {
        if (isAtBottom()) m_jumpButton->hide();
        maybeFetch();
    });
}

void MessageView::setMessageModel(MessageListModel *model)
{
    if (m_model) m_model->disconnect(this);
    cancelEdit();
    setHovered({});
    m_model = model;
    m_proxy->setSourceModel(model);
    if (!model) return;
    // Only older pages get the hint: they are the ones the reader is waiting for at the top.
    connect(model, &MessageListModel::loadingChanged, this, [this] {
        const bool show = m_model && m_model->isLoadingOlder() && m_model->rowCount() > 0;
        m_loadingLabel->setVisible(show);
        if (show) placeJumpButton();
    });
    // Another channel (or a reset after a long absence): the previous rows' layouts, text documents of about
    // 20 KB each, would only be used if the reader came straight back, so they go now rather than when the
    // cache is full; the freed heap goes back to the system (natter-bench app-window: resident memory).
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        m_delegate->clearCache();
        releaseFreedMemory();
    });
    if (this->model() == m_proxy) return; // the proxy's own connections below are made once
    setModel(m_proxy);
    connect(m_proxy, &QAbstractItemModel::rowsAboutToBeInserted, this, &MessageView::onRowsAboutToBeInserted);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &MessageView::onRowsInserted);
    connect(m_proxy, &QAbstractItemModel::rowsAboutToBeRemoved, this,
        [this](const QModelIndex &, int first, int last) {
            m_wasAtBottom = isAtBottom();
            if (first == 0) captureAnchor(first, last);
        });
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, [this](const QModelIndex &, int first, int) {
        if (first == 0)
            restoreAnchor();
        else if (m_wasAtBottom)
            scrollToBottom();
        alignToBottom();
    });
    // QListView measures rows only when it lays them out; a row that grows in place (a failed message gains
    // its retry line, an edit) needs a layout of its own, with the reader's place kept.
    connect(m_proxy, &QAbstractItemModel::dataChanged, this, [this] {
        const bool atBottom = isAtBottom();
        if (!atBottom && this->model()->rowCount() > 0) captureAnchor();
        scheduleDelayedItemsLayout();
        executeDelayedItemsLayout();
        if (atBottom)
            scrollToBottom();
        else
            restoreAnchor();
        alignToBottom();
    });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] {
        cancelEdit();
        setHovered({});
        m_delegate->clearCache();
        m_jumpButton->hide();
        m_wasAtBottom = true;
        QTimer::singleShot(0, this, [this] {
            alignToBottom();
            scrollToBottom();
            maybeFetch();
        });
    });
}

bool MessageView::isAtBottom() const
{
    const QScrollBar *bar = verticalScrollBar();
    return bar->value() >= bar->maximum() - BottomSlackPx;
}

bool MessageView::isJumpButtonVisible() const
{
    return m_jumpButton->isVisible();
}

int MessageView::firstVisibleRow() const
{
    return indexAt(QPoint(viewport()->width() / 2, 0)).row();
}

void MessageView::captureAnchor(int removedFirst, int removedLast)
{
    int row = firstVisibleRow();
    if (row < 0) return;
    if (removedFirst >= 0 && row >= removedFirst && row <= removedLast) row = removedLast + 1;
    const QModelIndex index = model()->index(row, 0);
    if (!index.isValid()) return;
    m_anchor = index;
    m_anchorTop = visualRect(index).top();
}

void MessageView::restoreAnchor()
{
    if (!m_anchor.isValid()) return;
    // Lay the rows out now rather than at the next event loop turn, so the correction lands in the same
    // frame.
    executeDelayedItemsLayout();
    const int shift = visualRect(m_anchor).top() - m_anchorTop;
    verticalScrollBar()->setValue(verticalScrollBar()->value() + shift);
    m_anchor = QPersistentModelIndex();
}

void MessageView::onRowsAboutToBeInserted(const QModelIndex &, int first, int)
{
    m_wasAtBottom = isAtBottom();
    if (first == 0 && model()->rowCount() > 0) captureAnchor();
}

void MessageView::onRowsInserted(const QModelIndex &, int first, int last)
{
    if (first == 0 && m_anchor.isValid()) {
        restoreAnchor();
        alignToBottom();
        return;
    }
    alignToBottom();
    if (last == model()->rowCount() - 1) {
        if (m_wasAtBottom) {
            executeDelayedItemsLayout();
            scrollToBottom();
        } else {
            m_jumpButton->show();
            placeJumpButton();
        }
    }
    QTimer::singleShot(0, this, &MessageView::maybeFetch);
}

void MessageView::jumpToBottom()
{
    if (m_model && !m_model->atLiveEnd()) {
        // The window was moved up into history; the newest messages are not loaded, so start over from them.
        m_model->reload();
    }
    scrollToBottom();
    m_jumpButton->hide();
}

void MessageView::maybeFetch()
{
    if (!m_model) return;
    const QScrollBar *bar = verticalScrollBar();
    const int nearPx = viewport()->height();
    if (bar->value() <= nearPx && m_model->canFetchMore({}))
        m_model->fetchMore({});
    else if (bar->value() >= bar->maximum() - nearPx && m_model->canFetchNewer())
        m_model->fetchNewer();
}

void MessageView::resizeEvent(QResizeEvent *event)
{
    const bool atBottom = isAtBottom();
    if (!atBottom && model() && model()->rowCount() > 0) captureAnchor();
    m_delegate->setWidth(viewport()->width() - 1);
    QListView::resizeEvent(event);
    if (atBottom) {
        executeDelayedItemsLayout();
        scrollToBottom();
    } else {
        restoreAnchor();
    }
    alignToBottom();
    placeJumpButton();
}

void MessageView::alignToBottom()
{
    // A channel with a few messages shows them just above the composer, where new ones appear, as chats do:
    // the empty space goes above the first row, as a viewport margin, so row coordinates stay what they are.
    int content = 0;
    const int rows = model() ? model()->rowCount() : 0;
    if (rows > 0) {
        executeDelayedItemsLayout();
        content
            = visualRect(model()->index(rows - 1, 0)).bottom() - visualRect(model()->index(0, 0)).top() + 1;
    }
    const int gap = std::max(0, height() - 2 * frameWidth() - content);
    if (gap == m_topGap) return;
    m_topGap = gap;
    setViewportMargins(0, gap, 0, 0);
}

bool MessageView::viewportEvent(QEvent *event)
{
    // The viewport also narrows without the view resizing, when the scroll bar appears.
    if (event->type() == QEvent::Resize && viewport()->width() - 1 != m_delegate->width()) {
        m_delegate->setWidth(viewport()->width() - 1);
        scheduleDelayedItemsLayout();
    }
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QModelIndex index = indexAt(help->pos());
        const auto hit = index.isValid() ? m_delegate->hitTest(index, visualRect(index), help->pos())
                                         : MessageDelegate::Hit {};
        if (hit.kind == MessageDelegate::Hit::Reaction)
            QToolTip::showText(help->globalPos(), reactionTooltip(index.row(), hit.value), viewport());
        else if (hit.kind == MessageDelegate::Hit::Link || hit.kind == MessageDelegate::Hit::Preview)
            QToolTip::showText(help->globalPos(), hit.value, viewport());
        else
            QToolTip::hideText();
        return true;
    }
    if (event->type() == QEvent::Leave && !m_hoverBar->underMouse()) setHovered({});
    return QListView::viewportEvent(event);
}

void MessageView::placeJumpButton()
{
    m_jumpButton->adjustSize();
    m_jumpButton->move((width() - m_jumpButton->width()) / 2, height() - m_jumpButton->height() - 12);
    m_jumpButton->raise();
    m_loadingLabel->adjustSize();
    m_loadingLabel->move((width() - m_loadingLabel->width()) / 2, 8);
    m_loadingLabel->raise();
}

void MessageView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_selecting) {
        forwardToSelector(event);
        m_selecting = false;
        return;
    }
    const QModelIndex index = indexAt(event->position().toPoint());
    if (event->button() == Qt::LeftButton && index.isValid() && handleClick(index, event->position().toPoint()))
        return;
    QListView::mouseReleaseEvent(event);
}

void MessageView::changeEvent(QEvent *event)
{
    // The layouts hold colours (the Markdown's links and code): a new theme lays the rows out again.
    if (event->type() == QEvent::PaletteChange) m_delegate->clearCache();
    QListView::changeEvent(event);
}

} // namespace Natter::Client
