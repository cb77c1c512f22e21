#include "models/searchmodel.h"

#include <QPointer>
#include <QRegularExpression>

namespace Natter::Client {

SearchModel::SearchModel(SearchSource *source, QObject *parent)
    : QAbstractListModel(parent)
    , m_source(source)
{
}

QStringList SearchModel::terms(const QString &query)
{
    static const QRegularExpression separators(uR"([\s"()*:^+\-]+)"_qs);
    QStringList out;
    for (const QString &word : query.split(separators, Qt::SkipEmptyParts))
        if (word != u"AND" && word != u"OR" && word != u"NOT") out.append(word);
    return out;
}

QString SearchModel::highlight(const QString &text, const QStringList &terms)
{
    if (terms.isEmpty()) return text.toHtmlEscaped();
    QStringList escaped;
    for (const QString &t : terms)
        escaped.append(QRegularExpression::escape(t));
    const QRegularExpression re(escaped.join(u'|'), QRegularExpression::CaseInsensitiveOption);
    QString out;
    qsizetype at = 0;
    for (auto it = re.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        if (m.capturedLength() == 0) continue;
        out += text.mid(at, m.capturedStart() - at).toHtmlEscaped();
        out += u"<b style=\"background-color:#fde68a\">"_qs + m.captured().toHtmlEscaped() + u"</b>"_qs;
        at = m.capturedEnd();
    }
    out += text.mid(at).toHtmlEscaped();
    return out;
}

void SearchModel::search(const QString &query)
{
    beginResetModel();
    ++m_generation;
    m_rows.clear();
    m_query = query.trimmed();
    m_terms = terms(m_query);
    m_error.clear();
    m_hasMore = !m_query.isEmpty() && m_source;
    m_done = false;
    m_loading = false;
    endResetModel();
    if (m_hasMore) fetchMore({});
}

void SearchModel::setMessages(const QList<Message> &messages)
{
    beginResetModel();
    ++m_generation;
    m_rows.clear();
    m_query.clear();
    m_terms.clear();
    m_error.clear();
    m_hasMore = false;
    m_loading = false;
    m_done = true;
    endResetModel();
    append(messages);
}

int SearchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant SearchModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size()) return {};
    const Row &r = m_rows.at(index.row());
    const Message &m = r.message;
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        return m.text;
    case MessageIdRole:
        return m.id.toString();
    case ChannelIdRole:
        return m.channelId.toString();
    case ChannelNameRole:
        return r.channelName;
    case AuthorNameRole:
        return m.author.displayName.isEmpty() ? m.author.username : m.author.displayName;
    case CreatedAtRole:
        return timeFromWire(m.createdAt);
    case HighlightedTextRole:
        return r.highlighted;
    }
    return {};
}

QHash<int, QByteArray> SearchModel::roleNames() const
{
    return { { MessageIdRole, "messageId" }, { ChannelIdRole, "channelId" }, { ChannelNameRole, "channelName" },
        { AuthorNameRole, "authorName" }, { CreatedAtRole, "createdAt" }, { TextRole, "text" },
        { HighlightedTextRole, "highlightedText" } };
}

bool SearchModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_source && m_hasMore && !m_loading;
}

void SearchModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent)) return;
    m_loading = true;
    const Wire::Id before = m_rows.isEmpty() ? Wire::Id() : m_rows.constLast().message.id;
    QPointer<SearchModel> self(this);
    const quint64 generation = m_generation;
    m_source->search(m_query, before, m_pageSize, [self, generation](const SearchSource::Results &results) {
        if (self && self->m_generation == generation) self->onPage(results);
    });
}

void SearchModel::onPage(const SearchSource::Results &results)
{
    m_done = true;
    m_error = results.error;
    // A failed page is not retried by itself: the view offers the search again.
    m_hasMore = results.error.isEmpty() && results.hasMore;
    // Still "loading" while the rows go in: views may ask for more from inside the insertion signals.
    append(results.messages);
    m_loading = false;
    emit pageLoaded();
}

void SearchModel::append(const QList<Message> &messages)
{
    if (messages.isEmpty()) return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(messages.size()) - 1);
    for (const Message &m : messages)
        m_rows.append({ m, m_channelNames ? m_channelNames(m.channelId) : QString(), highlight(m.text, m_terms) });
    endInsertRows();
}

} // namespace Natter::Client
