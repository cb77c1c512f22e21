#include "models/emojimodel.h"

namespace Natter::Client {

EmojiModel::EmojiModel(const EmojiCatalog &catalog, QObject *parent)
    : QAbstractListModel(parent)
    , m_catalog(catalog)
{
    rebuild();
}

void EmojiModel::setFilter(const QString &query)
{
    if (query == m_filter) return;
    m_filter = query;
    rebuild();
}

void EmojiModel::setGroup(int group)
{
    if (group == m_group) return;
    m_group = group;
    rebuild();
}

void EmojiModel::setRecent(const QStringList &recent)
{
    m_recent = recent.mid(0, MaxRecent);
    rebuild();
}

void EmojiModel::noteUsed(const QString &emoji)
{
    QStringList recent = m_recent;
    recent.removeAll(emoji);
    recent.prepend(emoji);
    setRecent(recent);
}

int EmojiModel::firstRowOfGroup(int group) const
{
    for (int row = m_recentRows; row < m_rows.size(); ++row)
        if (m_catalog.emoji().at(m_rows.at(row)).group == group) return row;
    return 0;
}

void EmojiModel::rebuild()
{
    beginResetModel();
    m_rows.clear();
    m_recentRows = 0;
    if (!m_filter.trimmed().isEmpty()) {
        m_rows = m_catalog.search(m_filter);
    } else {
        if (m_group < 0) {
            for (const QString &e : std::as_const(m_recent))
                if (const int i = m_catalog.indexOf(e); i >= 0) m_rows.append(i);
            m_recentRows = int(m_rows.size());
        }
        for (int i = 0; i < m_catalog.emoji().size(); ++i)
            if (m_group < 0 || m_catalog.emoji().at(i).group == m_group) m_rows.append(i);
    }
    endResetModel();
}

int EmojiModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant EmojiModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size()) return {};
    const EmojiCatalog::Emoji &e = m_catalog.emoji().at(m_rows.at(index.row()));
    switch (role) {
    case Qt::DisplayRole:
    case EmojiRole:
        return e.text;
    case Qt::ToolTipRole:
    case NameRole:
        return e.name;
    case GroupRole:
        return e.group;
    case RecentRole:
        return index.row() < m_recentRows;
    }
    return {};
}

} // namespace Natter::Client
