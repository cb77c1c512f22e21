#include "searchpanel.h"
#include "resultdelegate.h"

#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QVBoxLayout>

namespace Natter::Client {

SearchPanel::SearchPanel(SearchSource *source, QWidget *parent)
    : QWidget(parent)
    , m_model(source)
    , m_query(new QLineEdit)
    , m_status(new QLabel)
    , m_list(new QListView)
{
    m_query->setObjectName(u"searchQuery"_qs);
    m_query->setPlaceholderText(tr("Search all channels"));
    m_query->setClearButtonEnabled(true);
    m_query->setStyleSheet(u"QLineEdit { border: 1px solid #d1d5db; border-radius: 6px; padding: 5px 8px; }"_qs);
    m_status->setObjectName(u"searchStatus"_qs);
    m_status->setStyleSheet(u"color: #6b7280; padding: 6px 12px;"_qs);
    m_status->setWordWrap(true);
    m_list->setObjectName(u"searchResults"_qs);
    m_list->setModel(&m_model);
    m_list->setItemDelegate(new ResultDelegate(m_list));
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setMouseTracking(true);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setCursor(Qt::PointingHandCursor);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 0);
    layout->setSpacing(4);
    layout->addWidget(m_query);
    layout->addWidget(m_status);
    layout->addWidget(m_list, 1);
    connect(m_query, &QLineEdit::returnPressed, this, [this] { search(m_query->text()); });
    connect(&m_model, &SearchModel::pageLoaded, this, &SearchPanel::updateStatus);
    connect(&m_model, &QAbstractItemModel::modelReset, this, &SearchPanel::updateStatus);
    connect(m_list, &QListView::clicked, this, [this](const QModelIndex &index) {
        emit openRequested(Wire::Id::fromString(index.data(SearchModel::ChannelIdRole).toString()),
            Wire::Id::fromString(index.data(SearchModel::MessageIdRole).toString()));
    });
    connect(m_list, &QListView::activated, m_list, &QListView::clicked);
    updateStatus();
}

void SearchPanel::search(const QString &query)
{
    if (m_query->text() != query) m_query->setText(query);
    m_model.search(query);
    updateStatus();
}

void SearchPanel::focusQuery()
{
    m_query->setFocus();
    m_query->selectAll();
}

QString SearchPanel::statusText() const
{
    return m_status->text();
}

void SearchPanel::updateStatus()
{
    QString text;
    if (m_model.query().isEmpty())
        text = tr("Type words and press Enter. Results come from every channel you are in.");
    else if (!m_model.errorText().isEmpty())
        text = tr("The search failed: %1").arg(m_model.errorText());
    else if (!m_model.hasResults())
        text = tr("Searching…");
    else if (m_model.rowCount() == 0)
        text = tr("No messages match “%1”.").arg(m_model.query());
    else
        text = m_model.canFetchMore({}) ? tr("Newest first; scroll for more.")
            : m_model.rowCount() == 1        ? tr("%n result", nullptr, 1)
                                             : tr("%n results", nullptr, m_model.rowCount());
    m_status->setText(text);
}

} // namespace Natter::Client
