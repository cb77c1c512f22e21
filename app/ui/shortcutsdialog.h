#pragma once

#include <QDialog>

class QTreeWidget;

namespace Natter::Client {

// Ctrl+/: every keyboard shortcut of the window, grouped, with the key written the platform's way.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ShortcutsDialog(QWidget *parent = nullptr);
    QTreeWidget *list() const { return m_list; }

private:
    QTreeWidget *m_list;
};

} // namespace Natter::Client
