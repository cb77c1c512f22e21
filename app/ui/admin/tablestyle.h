#pragma once

#include <QString>

class QTableView;
class QLabel;

namespace Natter::Client {

// The look the administration window's tables share: whole rows selected, one at a time, no grid, the last
// column stretched; and its notice line (muted, or in the danger colour for a refusal).
void setUpAdminTable(QTableView *table, const char *name);
void setAdminNotice(QLabel *label, const QString &text, bool error);

} // namespace Natter::Client
