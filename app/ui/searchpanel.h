#pragma once

#include "models/searchmodel.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;

namespace Natter::Client {

class SearchSource;

// Search over all the user's channels: a query field, results newest first with author, channel, time and the
// terms highlighted, more as the list is scrolled. Activating a result asks to open it in its channel.
class SearchPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SearchPanel(SearchSource *source, QWidget *parent = nullptr);

    void setChannelNames(SearchModel::ChannelNames names) { m_model.setChannelNames(std::move(names)); }
    SearchModel *model() { return &m_model; }
    QLineEdit *queryField() const { return m_query; }
    QListView *results() const { return m_list; }
    QString statusText() const;
    void search(const QString &query);
    void focusQuery();

signals:
    void openRequested(Natter::Wire::Id channelId, Natter::Wire::Id messageId);

private:
    void updateStatus();

    SearchModel m_model;
    QLineEdit *m_query;
    QLabel *m_status;
    QListView *m_list;
};

} // namespace Natter::Client
