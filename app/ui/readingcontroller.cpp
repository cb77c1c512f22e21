#include "readingcontroller.h"
#include "messageview.h"
#include "models/messagelistmodel.h"
#include "session/session.h"

#include <QApplication>
#include <QWindow>
#include <QScrollBar>

namespace Natter::Client {

ReadingController::ReadingController(Session *session, MessageView *view, MessageListModel *model, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_view(view)
    , m_model(model)
{
    m_check.setSingleShot(true);
    m_check.setInterval(100);
    connect(&m_check, &QTimer::timeout, this, &ReadingController::check);
    connect(view->verticalScrollBar(), &QScrollBar::valueChanged, this, &ReadingController::schedule);
    connect(model, &QAbstractItemModel::rowsInserted, this, &ReadingController::schedule);
    connect(model, &QAbstractItemModel::modelReset, this, &ReadingController::schedule);
    connect(model, &MessageListModel::loadingChanged, this, [this] {
        if (m_jumpPending && !m_model->isLoading()) firstPageLoaded();
    });
    connect(model, &MessageListModel::aroundLoaded, this, [this](int row) {
        if (row < 0) return;
        // After the view has laid the rows out (it aligns a fresh list to the bottom first).
        QTimer::singleShot(0, this, [this, row] {
            if (row < m_view->model()->rowCount()) m_view->scrollTo(m_view->model()->index(row, 0), QAbstractItemView::PositionAtCenter);
        });
    });
    connect(qApp, &QApplication::focusWindowChanged, this, &ReadingController::schedule);
    connect(session->readReceipts(), &ReadReceipts::changed, this, [this](Wire::Id channel) {
        if (channel == m_channel) m_model->refreshMarks();
    });
    connect(session->presence(), &PresenceTracker::presenceChanged, m_model, &MessageListModel::refreshMarks);

    MessageMarks marks;
    marks.me = session->me().id;
    marks.readers = [this](Wire::Id message) {
        QStringList names;
        for (const ReadReceipts::Reader &r : m_session->readReceipts()->readers(m_channel, message, m_session->me().id))
            names.append(r.name);
        return names;
    };
    marks.isOnline = [this](Wire::Id user) { return m_session->presence()->isOnline(user); };
    model->setMarks(marks);
}

void ReadingController::channelOpened(Wire::Id channelId)
{
    m_channel = channelId;
    MessageMarks marks = m_model->marks();
    marks.me = m_session->me().id;
    marks.readMarker = m_session->channel(channelId).lastReadMessageId;
    m_model->setMarks(marks);
    m_jumpPending = true;
    if (!m_model->isLoading()) firstPageLoaded();
}

void ReadingController::messageOpened(Wire::Id channelId, Wire::Id)
{
    m_channel = channelId;
    m_jumpPending = false;
}

void ReadingController::firstPageLoaded()
{
    m_jumpPending = false;
    const int row = m_model->unreadDividerRow();
    if (row < 0) return;
    QTimer::singleShot(0, this, [this, row] {
        if (row >= m_view->model()->rowCount()) return;
        // The divider near the top, with a little of what was read above it.
        m_view->scrollTo(m_view->model()->index(row, 0), QAbstractItemView::PositionAtTop);
        QScrollBar *bar = m_view->verticalScrollBar();
        bar->setValue(std::max(bar->minimum(), bar->value() - 40));
        schedule();
    });
}

Wire::Id ReadingController::lastVisibleMessage() const
{
    const QRect area = m_view->viewport()->rect();
    QModelIndex index = m_view->indexAt(QPoint(area.center().x(), area.bottom() - 2));
    int row = index.isValid() ? index.row() : m_model->rowCount() - 1;
    if (!index.isValid() && m_view->isAtBottom() == false) return {};
    // A row counts as seen once its start is on screen; walk up to the newest confirmed message.
    for (; row >= 0; --row) {
        const Message m = m_model->messageAt(row);
        if (m.id.isValid()) return m.id;
    }
    return {};
}

void ReadingController::check()
{
    if (!m_channel.isValid() || !m_view->isVisible()) return;
    const bool active = m_view->window()->isActiveWindow();
    m_session->readTracker()->setWindowActive(active);
    if (const Wire::Id last = lastVisibleMessage(); last.isValid()) m_session->readTracker()->seen(m_channel, last);

    const int first = std::max(0, m_view->firstVisibleRow());
    QModelIndex bottom = m_view->indexAt(QPoint(4, m_view->viewport()->height() - 2));
    const int last = bottom.isValid() ? bottom.row() : m_model->rowCount() - 1;
    QList<Wire::Id> authors;
    for (int row = first; row <= last && row >= 0; ++row) {
        const Wire::Id author = m_model->messageAt(row).author.id;
        if (author.isValid() && !authors.contains(author)) authors.append(author);
    }
    m_session->presence()->setInterest(u"authors"_qs, authors);
}

} // namespace Natter::Client
