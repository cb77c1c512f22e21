#pragma once

#include <QFrame>

class QButtonGroup;
class QLineEdit;
class QListView;

namespace Natter::Client {

class EmojiModel;

// A popup to choose an emoji: a search field (by name), a row of category buttons, and a grid that starts
// with the recently used ones. Enter or a click chooses; Esc closes. Recents are kept in QSettings.
class EmojiPicker : public QFrame
{
    Q_OBJECT
public:
    explicit EmojiPicker(QWidget *parent = nullptr);

    // Shows the picker as a popup near GLOBALPOS, search field focused.
    void popup(const QPoint &globalPos);
    EmojiModel *model() const { return m_model; }
    QLineEdit *searchField() const { return m_search; }
    QListView *grid() const { return m_grid; }

signals:
    void emojiChosen(const QString &emoji);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void choose(const QModelIndex &index);

    EmojiModel *m_model;
    QLineEdit *m_search;
    QListView *m_grid;
    QButtonGroup *m_groups;
};

} // namespace Natter::Client
