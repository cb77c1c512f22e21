#pragma once

#include <QDialog>
#include <QTimer>

#include <functional>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace Natter::Client {

// A search box over a list fetched from the server: browse public channels, or find a user to message.
class PickerDialog : public QDialog
{
    Q_OBJECT
public:
    struct Item
    {
        QString id;
        QString title;
        QString subtitle;
    };
    using ResultCallback = std::function<void(const QList<Item> &items, const QString &error)>;
    using Search = std::function<void(const QString &query, ResultCallback done)>;

    PickerDialog(const QString &title, const QString &placeholder, const QString &actionText, Search search,
        QWidget *parent = nullptr);
    QString selectedId() const;
    QString selectedTitle() const;

private:
    void runSearch();

    Search m_search;
    QLineEdit *m_query;
    QListWidget *m_list;
    QLabel *m_status;
    QPushButton *m_action;
    QTimer m_debounce;
    quint64 m_generation = 0;
};

} // namespace Natter::Client
