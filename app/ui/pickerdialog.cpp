#include "pickerdialog.h"
#include "chatpalette.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace Natter::Client {

PickerDialog::PickerDialog(const QString &title, const QString &placeholder, const QString &actionText,
    Search search, QWidget *parent)
    : QDialog(parent)
    , m_search(std::move(search))
    , m_query(new QLineEdit)
    , m_list(new QListWidget)
    , m_status(new QLabel)
{
    setWindowTitle(title);
    resize(420, 460);
    m_query->setPlaceholderText(placeholder);
    m_query->setClearButtonEnabled(true);
    setThemedStyleSheet(m_status, u"color: @muted;"_qs);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_action = buttons->addButton(actionText, QDialogButtonBox::AcceptRole);
    m_action->setEnabled(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_query);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(250);
    connect(&m_debounce, &QTimer::timeout, this, &PickerDialog::runSearch);
    connect(m_query, &QLineEdit::textChanged, this, [this] { m_debounce.start(); });
    connect(
        m_list, &QListWidget::currentRowChanged, this, [this](int row) { m_action->setEnabled(row >= 0); });
    connect(m_list, &QListWidget::itemDoubleClicked, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    runSearch();
}

void PickerDialog::runSearch()
{
    const quint64 generation = ++m_generation;
    m_status->setText(tr("Searching…"));
    QPointer<PickerDialog> self(this);
    m_search(m_query->text().trimmed(), [self, generation](const QList<Item> &items, const QString &error) {
        if (!self || generation != self->m_generation) return;
        self->m_list->clear();
        for (const Item &item : items) {
            auto *row = new QListWidgetItem(
                item.subtitle.isEmpty() ? item.title : item.title + u"\n"_qs + item.subtitle);
            row->setData(Qt::UserRole, item.id);
            row->setData(Qt::UserRole + 1, item.title);
            self->m_list->addItem(row);
        }
        self->m_status->setText(!error.isEmpty() ? error
                : items.isEmpty()                ? tr("Nothing found.")
                                                 : QString());
    });
}

QString PickerDialog::selectedId() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

QString PickerDialog::selectedTitle() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(Qt::UserRole + 1).toString() : QString();
}

} // namespace Natter::Client
