#include "quickswitcher.h"
#include "session/session.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QVBoxLayout>

namespace Natter::Client {

namespace {
constexpr int ChannelIdRole = Qt::UserRole + 1;
constexpr int UserIdRole = Qt::UserRole + 2;
constexpr int PeopleShown = 8;

// Lower is better; -1 for no match.
int matchScore(const QString &name, const QString &query)
{
    if (query.isEmpty()) return 2;
    const int at = int(name.indexOf(query, 0, Qt::CaseInsensitive));
    if (at < 0) return -1;
    return at == 0 ? 0 : 1;
}
}

QuickSwitcher::QuickSwitcher(Session *session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_query(new QLineEdit)
    , m_list(new QListWidget)
{
    setWindowTitle(tr("Jump to…"));
    setObjectName(u"quickSwitcher"_qs);
    resize(460, 360);
    m_query->setObjectName(u"switcherQuery"_qs);
    m_query->setPlaceholderText(tr("Jump to a channel or person"));
    m_query->setStyleSheet(u"QLineEdit { font-size: 13pt; padding: 8px; border: 1px solid #d1d5db; border-radius: 6px; }"_qs);
    m_list->setObjectName(u"switcherList"_qs);
    m_list->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_query);
    layout->addWidget(m_list, 1);
    m_query->installEventFilter(this);
    m_people.setSingleShot(true);
    m_people.setInterval(200);
    connect(m_query, &QLineEdit::textChanged, this, [this] {
        refresh();
        m_people.start();
    });
    connect(&m_people, &QTimer::timeout, this, [this] {
        const QString query = m_query->text().trimmed();
        if (query.isEmpty()) return;
        const quint64 generation = ++m_generation;
        QPointer<QuickSwitcher> self(this);
        m_session->findUsers(query, PeopleShown, [self, generation](const QList<User> &users, const QString &) {
            if (!self || generation != self->m_generation) return;
            for (const User &u : users) {
                // Someone with a direct channel already appears as that channel.
                bool known = false;
                for (int row = 0; row < self->m_list->count(); ++row)
                    known |= self->m_list->item(row)->data(UserIdRole).toString() == u.id.toString();
                if (known) continue;
                auto *item = new QListWidgetItem(tr("%1  (@%2) · new direct message")
                                                     .arg(u.displayName.isEmpty() ? u.username : u.displayName, u.username));
                item->setData(UserIdRole, u.id.toString());
                self->m_list->addItem(item);
            }
            if (!self->m_list->currentItem() && self->m_list->count() > 0) self->m_list->setCurrentRow(0);
        });
    });
    connect(m_list, &QListWidget::itemActivated, this, &QuickSwitcher::choose);
    connect(m_list, &QListWidget::itemClicked, this, &QuickSwitcher::choose);
    refresh();
}

void QuickSwitcher::refresh()
{
    ++m_generation;
    m_list->clear();
    const QString query = m_query->text().trimmed();
    struct Candidate
    {
        int score;
        int row;
    };
    QList<Candidate> candidates;
    const ChannelListModel *channels = m_session->channelModel();
    for (int row = 0; row < channels->rowCount(); ++row) {
        const int score = matchScore(channels->channelAt(row).name, query);
        if (score >= 0) candidates.append({ score, row });
    }
    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) { return a.score < b.score; });
    for (const Candidate &c : candidates) {
        const Channel channel = channels->channelAt(c.row);
        QString text = channel.isDirect() ? channel.name : u"# "_qs + channel.name;
        if (channel.unreadCount > 0) text += u"   "_qs + tr("%n unread", nullptr, int(channel.unreadCount));
        auto *item = new QListWidgetItem(text);
        item->setData(ChannelIdRole, channel.id.toString());
        if (channel.isDirect()) item->setData(UserIdRole, channel.peerId.toString());
        m_list->addItem(item);
    }
    if (m_list->count() > 0) m_list->setCurrentRow(0);
}

bool QuickSwitcher::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_query && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Down || key == Qt::Key_Up) {
            const int row = std::clamp(m_list->currentRow() + (key == Qt::Key_Down ? 1 : -1), 0, m_list->count() - 1);
            m_list->setCurrentRow(row);
            return true;
        }
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            choose();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void QuickSwitcher::choose()
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item) return;
    m_channel = Wire::Id::fromString(item->data(ChannelIdRole).toString());
    m_user = m_channel.isValid() ? Wire::Id() : Wire::Id::fromString(item->data(UserIdRole).toString());
    accept();
}

} // namespace Natter::Client
