#include "emojipicker.h"
#include "chatpalette.h"
#include "data/emojicatalog.h"
#include "models/emojimodel.h"

#include <QButtonGroup>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListView>
#include <QScreen>
#include <QSettings>
#include <QToolButton>
#include <QVBoxLayout>

namespace Natter::Client {

namespace {
const char RecentKey[] = "emoji/recent";
// One emoji per category button: the group's first emoji, so the icons come from the data too.
constexpr int GridCell = 36;
}

EmojiPicker::EmojiPicker(QWidget *parent)
    : QFrame(parent, Qt::Popup)
    , m_model(new EmojiModel(EmojiCatalog::builtIn(), this))
    , m_search(new QLineEdit)
    , m_grid(new QListView)
    , m_groups(new QButtonGroup(this))
{
    setObjectName(u"emojiPicker"_qs);
    setFrameShape(QFrame::StyledPanel);
    setThemedStyleSheet(this, u"#emojiPicker { background: @base; border: 1px solid @cardStripe; border-radius: 8px; }"
                  " QToolButton { border: none; padding: 2px; border-radius: 4px; font-size: 14pt; }"
                  " QToolButton:checked { background: @chipMe; }"_qs);
    m_model->setRecent(QSettings().value(QLatin1StringView(RecentKey)).toStringList());
    m_search->setObjectName(u"emojiSearch"_qs);
    m_search->setPlaceholderText(tr("Search emoji by name"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    m_grid->setObjectName(u"emojiGrid"_qs);
    m_grid->setModel(m_model);
    m_grid->setViewMode(QListView::IconMode);
    m_grid->setGridSize(QSize(GridCell, GridCell));
    m_grid->setUniformItemSizes(true);
    m_grid->setResizeMode(QListView::Adjust);
    m_grid->setMovement(QListView::Static);
    m_grid->setFrameShape(QFrame::NoFrame);
    QFont f = m_grid->font();
    f.setPointSizeF(f.pointSizeF() * 1.6);
    m_grid->setFont(f);

    auto *tabs = new QHBoxLayout;
    tabs->setSpacing(2);
    auto *all = new QToolButton;
    all->setText(tr("🕘"));
    all->setToolTip(tr("Recently used and all"));
    all->setCheckable(true);
    all->setChecked(true);
    m_groups->addButton(all, -1);
    tabs->addWidget(all);
    const EmojiCatalog &catalog = EmojiCatalog::builtIn();
    for (int g = 0; g < catalog.groups().size(); ++g) {
        auto *b = new QToolButton;
        const auto first = std::find_if(catalog.emoji().begin(), catalog.emoji().end(),
            [g](const EmojiCatalog::Emoji &e) { return e.group == g; });
        b->setText(first != catalog.emoji().end() ? first->text : QString::number(g + 1));
        b->setToolTip(catalog.groups().at(g));
        b->setCheckable(true);
        m_groups->addButton(b, g);
        tabs->addWidget(b);
    }
    tabs->addStretch();
    m_groups->setExclusive(true);
    connect(m_groups, &QButtonGroup::idClicked, this, [this](int group) {
        m_search->clear();
        m_model->setGroup(group);
        m_grid->scrollToTop();
    });
    connect(m_search, &QLineEdit::textChanged, m_model, &EmojiModel::setFilter);
    connect(m_grid, &QListView::clicked, this, &EmojiPicker::choose);
    connect(m_grid, &QListView::activated, this, &EmojiPicker::choose);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(m_search);
    layout->addLayout(tabs);
    layout->addWidget(m_grid, 1);
    resize(GridCell * 10 + 40, 360);
}

void EmojiPicker::popup(const QPoint &globalPos)
{
    QPoint pos = globalPos;
    if (const QScreen *screen = QWidget::screen()) {
        const QRect area = screen->availableGeometry();
        pos.setX(std::clamp(pos.x(), area.left(), area.right() - width()));
        pos.setY(std::clamp(pos.y(), area.top(), area.bottom() - height()));
    }
    move(pos);
    show();
    m_search->setFocus();
}

void EmojiPicker::choose(const QModelIndex &index)
{
    const QString emoji = index.data(EmojiModel::EmojiRole).toString();
    if (emoji.isEmpty()) return;
    m_model->noteUsed(emoji);
    QSettings().setValue(QLatin1StringView(RecentKey), m_model->recent());
    emit emojiChosen(emoji);
    close();
}

bool EmojiPicker::eventFilter(QObject *watched, QEvent *event)
{
    // Typing goes to the search field; arrows and Enter drive the grid.
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
            choose(m_grid->currentIndex().isValid() ? m_grid->currentIndex() : m_model->index(0));
            return true;
        case Qt::Key_Down:
        case Qt::Key_Up:
        case Qt::Key_Left:
        case Qt::Key_Right:
            if (!m_grid->currentIndex().isValid()) m_grid->setCurrentIndex(m_model->index(0));
            QCoreApplication::sendEvent(m_grid, event);
            return true;
        default:
            break;
        }
    }
    return QFrame::eventFilter(watched, event);
}

} // namespace Natter::Client
