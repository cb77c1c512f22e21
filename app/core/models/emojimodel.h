#pragma once

#include "data/emojicatalog.h"

#include <QAbstractListModel>

namespace Natter::Client {

// The emoji picker's grid: recently used first, then the catalog (one group, or all of them), or the matches
// of a name search. Recents are the caller's to keep (the picker stores them in its settings).
class EmojiModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { EmojiRole = Qt::UserRole + 1, NameRole, GroupRole, RecentRole };
    static constexpr int MaxRecent = 24;

    explicit EmojiModel(const EmojiCatalog &catalog, QObject *parent = nullptr);

    // Empty for everything; otherwise only emoji whose name has every word.
    void setFilter(const QString &query);
    QString filter() const { return m_filter; }
    // -1 for every group.
    void setGroup(int group);
    void setRecent(const QStringList &recent);
    QStringList recent() const { return m_recent; }
    // Moves EMOJI to the front of the recents (and keeps at most MaxRecent).
    void noteUsed(const QString &emoji);
    // The row where GROUP starts (the first row when it is not shown).
    int firstRowOfGroup(int group) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    void rebuild();

    const EmojiCatalog &m_catalog;
    QString m_filter;
    int m_group = -1;
    QStringList m_recent;
    QList<int> m_rows; // catalog indices; recents first (m_recentRows of them) when not filtering
    int m_recentRows = 0;
};

} // namespace Natter::Client
