#include "admin/tablestyle.h"
#include "chatpalette.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>

namespace Natter::Client {

void setUpAdminTable(QTableView *table, const char *name)
{
    table->setObjectName(QString::fromLatin1(name));
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setShowGrid(false);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setHighlightSections(false);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
}

void setAdminNotice(QLabel *label, const QString &text, bool error)
{
    setThemedStyleSheet(label, error ? u"color: @danger; padding: 4px 2px;"_qs : u"color: @text; padding: 4px 2px;"_qs);
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

} // namespace Natter::Client
