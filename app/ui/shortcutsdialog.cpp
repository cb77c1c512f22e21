#include "shortcutsdialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeySequence>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Natter::Client {

ShortcutsDialog::ShortcutsDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Keyboard shortcuts"));
    m_list = new QTreeWidget;
    m_list->setColumnCount(2);
    m_list->setHeaderLabels({ tr("Action"), tr("Keys") });
    m_list->setRootIsDecorated(false);
    m_list->setAccessibleName(tr("Keyboard shortcuts"));
    const auto keys = [](const QString &portable) { return QKeySequence(portable).toString(QKeySequence::NativeText); };
    struct Group
    {
        QString title;
        QList<QPair<QString, QString>> rows;
    };
    const QList<Group> groups {
        { tr("Writing"),
            { { tr("Send the message"), keys(u"Return"_qs) }, { tr("New line"), keys(u"Shift+Return"_qs) },
                { tr("Edit your last message (empty composer)"), keys(u"Up"_qs) },
                { tr("Attach a file"), keys(u"Ctrl+Shift+U"_qs) }, { tr("Paste an image or file"), keys(u"Ctrl+V"_qs) } } },
        { tr("Messages"),
            { { tr("Select the previous or next message"), keys(u"Up"_qs) + u" / "_qs + keys(u"Down"_qs) },
                { tr("Edit the selected message"), keys(u"E"_qs) }, { tr("React to the selected message"), keys(u"R"_qs) },
                { tr("Open the thread of the selected message"), keys(u"T"_qs) },
                { tr("Delete the selected message"), keys(u"Del"_qs) },
                { tr("Open the message menu"), keys(u"Shift+F10"_qs) + u" / "_qs + tr("Menu key") },
                { tr("Cancel editing"), keys(u"Esc"_qs) } } },
        { tr("Image viewer"),
            { { tr("Zoom in"), keys(u"Ctrl++"_qs) }, { tr("Zoom out"), keys(u"Ctrl+-"_qs) },
                { tr("Fit to the window"), keys(u"Ctrl+0"_qs) }, { tr("Save the image"), keys(u"Ctrl+S"_qs) } } },
        { tr("Channels and panels"),
            { { tr("Switch to a channel or person"), keys(u"Ctrl+K"_qs) },
                { tr("Open the channel above or below"), keys(u"Alt+Up"_qs) + u" / "_qs + keys(u"Alt+Down"_qs) },
                { tr("Search messages"), keys(u"Ctrl+F"_qs) }, { tr("Show the members"), keys(u"Ctrl+Shift+M"_qs) },
                { tr("Close the side panel"), keys(u"Esc"_qs) } } },
        { tr("Window"),
            { { tr("Settings"), keys(u"Ctrl+,"_qs) }, { tr("This overview"), keys(u"Ctrl+/"_qs) },
                { tr("Quit"), keys(u"Ctrl+Q"_qs) } } },
    };
    for (const Group &g : groups) {
        auto *header = new QTreeWidgetItem(m_list, { g.title });
        QFont bold = header->font(0);
        bold.setBold(true);
        header->setFont(0, bold);
        header->setFirstColumnSpanned(true);
        for (const auto &[action, key] : g.rows)
            new QTreeWidgetItem(m_list, { action, key });
    }
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list);
    layout->addWidget(buttons);
    resize(520, 560);
}

} // namespace Natter::Client
