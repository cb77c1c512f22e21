#pragma once

#include "data/message.h"
#include "models/searchsource.h"

#include <QAbstractListModel>

#include <functional>

namespace Natter::Client {

// Messages found by a search (newest first), or any other fixed list of messages such as a channel's pins.
// Search results page through canFetchMore()/fetchMore() (older results). Each row carries its channel's name
// and the text with the search terms highlighted, computed when the row arrives.
class SearchModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        MessageIdRole = Qt::UserRole + 1,
        ChannelIdRole,
        ChannelNameRole,
        AuthorNameRole,
        CreatedAtRole,
        TextRole,
        // The text as rich text, HTML-escaped, with every search term in <b>.
        HighlightedTextRole,
    };
    Q_ENUM(Role)

    explicit SearchModel(SearchSource *source = nullptr, QObject *parent = nullptr);

    using ChannelNames = std::function<QString(Wire::Id channel)>;
    void setChannelNames(ChannelNames names) { m_channelNames = std::move(names); }
    void setPageSize(int size) { m_pageSize = size; }

    // Starts a search; an empty query clears the results.
    void search(const QString &query);
    // Shows MESSAGES as they are, without paging (pins).
    void setMessages(const QList<Message> &messages);
    QString query() const { return m_query; }
    bool isLoading() const { return m_loading; }
    // True once the first page of the current query has come back (with or without results).
    bool hasResults() const { return m_done; }
    QString errorText() const { return m_error; }
    Message messageAt(int row) const { return row >= 0 && row < m_rows.size() ? m_rows.at(row).message : Message(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // The words of QUERY worth highlighting (operators and quotes dropped).
    static QStringList terms(const QString &query);
    // TEXT as HTML with each of TERMS (case-insensitive) in <b>.
    static QString highlight(const QString &text, const QStringList &terms);

signals:
    // A page of the current query arrived, or failed (errorText()).
    void pageLoaded();

private:
    void onPage(const SearchSource::Results &results);
    void append(const QList<Message> &messages);

    struct Row
    {
        Message message;
        QString channelName;
        QString highlighted;
    };
    SearchSource *m_source;
    ChannelNames m_channelNames;
    QList<Row> m_rows;
    QString m_query;
    QStringList m_terms;
    QString m_error;
    int m_pageSize = 20;
    bool m_hasMore = false;
    bool m_loading = false;
    bool m_done = false;
    quint64 m_generation = 0;
};

} // namespace Natter::Client
