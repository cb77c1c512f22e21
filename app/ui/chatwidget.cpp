#include "chatwidget.h"
#include "admin/composerlock.h"
#include "admin/membermoderation.h"
#include "session/moderation.h"
#include "attachmenttray.h"
#include "chatpalette.h"
#include "channeldelegate.h"
#include "chatpanels.h"
#include "composer.h"
#include "memberspanel.h"
#include "mentioncompleter.h"
#include "messageactioncontroller.h"
#include "messageview.h"
#include "threadpanel.h"
#include "session/messageactions.h"
#include "pickerdialog.h"
#include "readingcontroller.h"
#include "session/session.h"
#include "session/typingnotifier.h"
#include "sidepanel.h"
#include "welcomewidget.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace Natter::Client {

namespace {
// How many people a search in the direct-message picker shows.
constexpr int PeopleShown = 20;

QPushButton *sidebarButton(const QString &text)
{
    auto *b = new QPushButton(text);
    b->setFlat(true);
    b->setCursor(Qt::PointingHandCursor);
    setThemedStyleSheet(b, u"QPushButton { text-align: left; padding: 6px 16px; color: @cardText; border: none; }"
                     " QPushButton:hover { background: @channelHover; }"_qs);
    return b;
}
}

ChatWidget::ChatWidget(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_messages(session)
{
    m_session->attach(&m_messages);

    auto *main = new QWidget;
    main->setObjectName(u"mainPane"_qs);
    setThemedStyleSheet(main, u"#mainPane { background: @base; }"_qs);
    m_banner = new QLabel;
    m_banner->setObjectName(u"banner"_qs);
    m_banner->setAlignment(Qt::AlignCenter);
    m_banner->hide();
    m_view = new MessageView;
    m_view->setMessageModel(&m_messages);
    m_panels = new ChatPanels(session, this);
    m_welcome = new WelcomeWidget;
    m_emptyChannel = new QLabel;
    m_emptyChannel->setObjectName(u"emptyChannel"_qs);
    m_emptyChannel->setAlignment(Qt::AlignCenter);
    m_emptyChannel->setWordWrap(true);
    setThemedStyleSheet(m_emptyChannel, u"color: @muted; padding: 40px;"_qs);
    m_centre = new QStackedWidget;
    m_centre->addWidget(m_view);
    m_centre->addWidget(m_welcome);
    m_centre->addWidget(m_emptyChannel);
    m_typingLabel = new QLabel;
    m_typingLabel->setObjectName(u"typing"_qs);
    setThemedStyleSheet(m_typingLabel, u"color: @muted; padding: 0 20px;"_qs);
    m_typingLabel->setFixedHeight(m_typingLabel->fontMetrics().height() + 4);
    m_composer = new Composer;
    setThemedStyleSheet(m_composer, 
        u"QPlainTextEdit { border: 1px solid @cardStripe; border-radius: 8px; padding: 6px 8px;"
        " background: @base; }"_qs);
    auto *mainLayout = new QVBoxLayout(main);
    mainLayout->setContentsMargins(0, 0, 0, 0);
    mainLayout->setSpacing(0);
    mainLayout->addWidget(buildHeader());
    mainLayout->addWidget(m_banner);
    mainLayout->addWidget(m_centre, 1);
    mainLayout->addWidget(m_typingLabel);
    auto *composerBox = new QHBoxLayout;
    composerBox->setContentsMargins(16, 0, 16, 14);
    composerBox->setSpacing(6);
    setUpFiles(composerBox);
    mainLayout->addWidget(m_tray);
    composerBox->addWidget(m_composer, 1);
    mainLayout->addLayout(composerBox);

    m_thread = new ThreadPanel(m_session);
    m_thread->hide();
    m_actionController = new MessageActionController(m_view, m_session, false, this);
    connect(m_actionController, &MessageActionController::threadRequested, this, &ChatWidget::openThread);
    connect(m_thread, &ThreadPanel::closeRequested, this, &ChatWidget::closeThread);
    connect(m_panels->sidePanel(), &SidePanel::pageChanged, this, &ChatWidget::closeThread);
    connect(m_composer, &Composer::editLastRequested, this, [this] { m_view->editLastOwn(m_session->me().id.toString()); });

    auto *splitter = new QSplitter;
    splitter->addWidget(buildSidebar());
    splitter->addWidget(main);
    splitter->addWidget(m_panels->sidePanel());
    splitter->addWidget(m_thread);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ 250, 900, 340, 380 });
    splitter->setHandleWidth(1);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_composer, &Composer::sendRequested, this, &ChatWidget::sendWithFiles);
    connect(m_composer->typing(), &TypingNotifier::typingStarted, this, [this] {
        if (m_channelId.isValid()) m_session->setTyping(m_channelId, true);
    });
    connect(m_composer->typing(), &TypingNotifier::typingStopped, this, [this] {
        if (m_channelId.isValid()) m_session->setTyping(m_channelId, false);
    });
    connect(m_view, &MessageView::retryRequested, m_session, &Session::retry);
    connect(m_session, &Session::connectionStateChanged, this, &ChatWidget::onConnectionState);
    connect(m_session, &Session::typingChanged, this, &ChatWidget::onTyping);
    connect(&m_typing, &TypingTracker::changed, this, &ChatWidget::updateTypingLabel);
    m_reading = new ReadingController(m_session, m_view, &m_messages, this);
    connect(m_panels, &ChatPanels::openRequested, this, &ChatWidget::openMessage);
    connect(m_panels, &ChatPanels::browseRequested, this, &ChatWidget::browseChannels);
    connect(m_panels, &ChatPanels::directMessageRequested, this, &ChatWidget::openDirectWith);
    // Moderation (app/ui/admin/): the members' menu, the muted or read-only composer, report outcomes.
    m_memberModeration = new MemberModeration(m_panels->members(), session, m_panels->service(), this);
    connect(m_memberModeration, &MemberModeration::directMessageRequested, this, &ChatWidget::openDirectWith);
    m_composerLock = new ComposerLock(m_composer, this);
    connect(session->moderation(), &Moderation::reportResolved, this,
        [this](Wire::Id, Wire::Id, const QString &sentence) { m_view->showNotice(sentence); });
    connect(m_welcome, &WelcomeWidget::createChannelRequested, this, &ChatWidget::createChannel);
    connect(m_welcome, &WelcomeWidget::browseRequested, this, &ChatWidget::browseChannels);
    m_welcome->setServerAddress(m_session->serverUrl().toString());
    m_welcome->setUser(m_session->me().displayName.isEmpty() ? m_session->me().username : m_session->me().displayName);
    connect(&m_messages, &QAbstractItemModel::rowsInserted, this, &ChatWidget::updateCentre);
    connect(&m_messages, &QAbstractItemModel::rowsRemoved, this, &ChatWidget::updateCentre);
    connect(&m_messages, &QAbstractItemModel::modelReset, this, &ChatWidget::updateCentre);
    connect(&m_messages, &MessageListModel::loadingChanged, this, &ChatWidget::updateCentre);
    connect(m_session->channelModel(), &QAbstractItemModel::rowsInserted, this, &ChatWidget::updateCentre);
    connect(m_session->channelModel(), &QAbstractItemModel::modelReset, this, &ChatWidget::updateCentre);
    m_completer = new MentionCompleter(m_composer, [this](QChar sigil, const QString &prefix) {
        QList<MentionCompleter::Candidate> out;
        if (sigil == u'@') {
            const MemberListModel *members = m_panels->members()->model();
            for (int row = 0; row < members->rowCount(); ++row) {
                const Wire::Member m = members->memberAt(row);
                if (m.user.id == m_session->me().id) continue;
                if (m.user.username.startsWith(prefix, Qt::CaseInsensitive)
                    || m.user.displayName.startsWith(prefix, Qt::CaseInsensitive))
                    out.append({ m.user.username,
                        (m.user.displayName.isEmpty() ? m.user.username : m.user.displayName) + u"  @"_qs + m.user.username });
            }
        } else {
            const ChannelListModel *channels = m_session->channelModel();
            for (int row = 0; row < channels->rowCount(); ++row) {
                const Channel c = channels->channelAt(row);
                if (!c.isDirect() && c.name.startsWith(prefix, Qt::CaseInsensitive))
                    out.append({ c.name, u"#"_qs + c.name });
            }
        }
        return out;
    });
    setUpShortcuts();

    ChannelListModel *channels = m_session->channelModel();
    connect(m_channelList, &QListView::clicked, this,
        [this](const QModelIndex &index) {
            selectChannel(Wire::Id::fromString(index.data(ChannelListModel::IdRole).toString()));
        });
    connect(channels, &QAbstractItemModel::dataChanged, this, &ChatWidget::updateHeader);
    auto keepSelection = [this] {
        const int row = m_session->channelModel()->rowOf(m_channelId);
        if (row >= 0)
            m_channelList->setCurrentIndex(m_session->channelModel()->index(row));
        else if (m_channelId.isValid() || m_session->channelModel()->rowCount() > 0)
            selectChannel(m_session->channelModel()->channelAt(0).id);
    };
    connect(channels, &QAbstractItemModel::modelReset, this, keepSelection);
    connect(channels, &QAbstractItemModel::rowsMoved, this, keepSelection);
    connect(channels, &QAbstractItemModel::rowsRemoved, this, keepSelection);
    connect(channels, &QAbstractItemModel::rowsInserted, this, [this, keepSelection] {
        if (!m_channelId.isValid()) keepSelection();
    });
    onConnectionState(m_session->connectionState());
    if (channels->rowCount() > 0)
        selectChannel(channels->channelAt(0).id);
    else
        updateHeader();
}

QWidget *ChatWidget::buildSidebar()
{
    auto *sidebar = new QWidget;
    sidebar->setObjectName(u"sidebar"_qs);
    setThemedStyleSheet(sidebar, u"#sidebar { background: @window; }"_qs);
    sidebar->setMinimumWidth(200);
    m_userLabel = new QLabel;
    QFont f = m_userLabel->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.15);
    m_userLabel->setFont(f);
    setThemedStyleSheet(m_userLabel, u"padding: 16px 16px 4px 16px; color: @text;"_qs);
    const User me = m_session->me();
    m_userLabel->setText(me.displayName.isEmpty() ? me.username : me.displayName);
    auto *server = new QLabel(m_session->serverUrl().host());
    setThemedStyleSheet(server, u"padding: 0 16px 12px 16px; color: @muted;"_qs);
    auto *section = new QLabel(tr("CHANNELS & DIRECT MESSAGES"));
    setThemedStyleSheet(section, 
        u"padding: 8px 16px 4px 16px; color: @muted; font-size: 8pt; font-weight: bold;"_qs);
    m_channelList = new QListView;
    m_channelList->setObjectName(u"channels"_qs);
    m_channelList->setModel(m_session->channelModel());
    m_channelList->setItemDelegate(new ChannelDelegate(m_channelList));
    m_channelList->setFrameShape(QFrame::NoFrame);
    m_channelList->setMouseTracking(true);
    setThemedStyleSheet(m_channelList, u"QListView { background: transparent; }"_qs);
    m_channelList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *create = sidebarButton(tr("+  New channel"));
    auto *browse = sidebarButton(tr("⌕  Browse channels"));
    auto *direct = sidebarButton(tr("✉  New direct message"));
    connect(create, &QPushButton::clicked, this, &ChatWidget::createChannel);
    connect(browse, &QPushButton::clicked, this, &ChatWidget::browseChannels);
    connect(direct, &QPushButton::clicked, this, &ChatWidget::startDirectMessage);
    auto *layout = new QVBoxLayout(sidebar);
    layout->setContentsMargins(0, 0, 0, 10);
    layout->setSpacing(0);
    layout->addWidget(m_userLabel);
    layout->addWidget(server);
    layout->addWidget(section);
    layout->addWidget(m_channelList, 1);
    layout->addWidget(create);
    layout->addWidget(browse);
    layout->addWidget(direct);
    return sidebar;
}

QWidget *ChatWidget::buildHeader()
{
    auto *header = new QWidget;
    header->setObjectName(u"header"_qs);
    setThemedStyleSheet(header, u"#header { background: @base; border-bottom: 1px solid @border; }"_qs);
    m_title = new QLabel;
    m_title->setObjectName(u"channelTitle"_qs);
    QFont f = m_title->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.2);
    m_title->setFont(f);
    m_topic = new QLabel;
    setThemedStyleSheet(m_topic, u"color: @muted;"_qs);
    m_members = new QLabel;
    m_members->setObjectName(u"memberCount"_qs);
    setThemedStyleSheet(m_members, u"color: @muted;"_qs);
    auto *text = new QVBoxLayout;
    text->setSpacing(2);
    text->addWidget(m_title);
    text->addWidget(m_topic);
    auto *layout = new QHBoxLayout(header);
    layout->setContentsMargins(20, 12, 20, 12);
    layout->addLayout(text, 1);
    layout->addWidget(m_members);
    m_members->hide(); // the members button of the panels says it
    layout->addWidget(m_panels->headerTools());
    return header;
}

void ChatWidget::selectChannel(Wire::Id channelId)
{
    if (!channelId.isValid() || channelId == m_channelId) return;
    m_channelId = channelId;
    m_typing.clear();
    m_session->openChannel(&m_messages, channelId);
    m_session->actions()->loadPins(channelId);
    closeThread();
    m_panels->setChannel(channelId);
    m_reading->channelOpened(channelId);
    emit currentChannelChanged(channelId);
    const int row = m_session->channelModel()->rowOf(channelId);
    if (row >= 0) m_channelList->setCurrentIndex(m_session->channelModel()->index(row));
    updateHeader();
    m_composer->setFocus();
}

void ChatWidget::openThread(const Message &root)
{
    if (!root.id.isValid() || root.isReply()) return;
    m_panels->sidePanel()->close(); // one panel on the right at a time
    m_thread->open(root);
    m_thread->show();
}

void ChatWidget::closeThread()
{
    m_thread->hide();
}

void ChatWidget::updateHeader()
{
    const Channel c = m_session->channel(m_channelId);
    if (!c.id.isValid()) {
        m_title->setText(tr("No channel yet"));
        m_topic->setText(tr("Create a channel or browse the public ones to start talking."));
        m_members->clear();
        m_composer->setEnabled(false);
        m_panels->headerTools()->setVisible(m_session->channelModel()->rowCount() > 0);
        updateCentre();
        return;
    }
    m_composer->setEnabled(true);
    m_panels->headerTools()->show();
    m_title->setText(c.isDirect() ? c.name : u"# "_qs + c.name);
    m_topic->setText(c.isDirect() && c.topic.isEmpty() ? tr("Direct message") : c.topic);
    m_topic->setVisible(!m_topic->text().isEmpty());
    m_members->setText(c.memberCount == 1 ? tr("1 member") : tr("%1 members").arg(c.memberCount));
    m_composer->setPlaceholderText(
        c.isDirect() ? tr("Message %1").arg(c.name) : tr("Message #%1").arg(c.name));
    m_composerLock->apply(c); // muted, or read-only for plain members: the reason replaces the placeholder
    // Qt 6.4 repaints a changed placeholder only when it switches between shown and hidden.
    m_composer->viewport()->update();
    updateCentre();
}

QString ChatWidget::bannerText() const
{
    return m_banner->isHidden() ? QString() : m_banner->text();
}

void ChatWidget::onConnectionState(Session::ConnectionState state)
{
    if (state == Session::ConnectionState::Connected) {
        m_everConnected = true;
        m_banner->hide();
        return;
    }
    const bool offline = state == Session::ConnectionState::Disconnected || m_everConnected;
    m_banner->setText(offline ? tr("Offline – messages will be sent when you're back") : tr("Connecting…"));
    setThemedStyleSheet(m_banner, offline ? u"QLabel { background: @warningBg; color: @warning; padding: 6px; }"_qs
                                    : u"QLabel { background: @indigoBg; color: @indigo; padding: 6px; }"_qs);
    m_banner->show();
}

QString ChatWidget::nameOf(Wire::Id userId) const
{
    const MemberListModel *members = m_panels->members()->model();
    if (const int row = members->rowOf(userId); row >= 0) return members->index(row).data(MemberListModel::NameRole).toString();
    for (int row = m_messages.rowCount() - 1; row >= 0; --row) {
        const Message m = m_messages.messageAt(row);
        if (m.author.id == userId) return m.author.displayName.isEmpty() ? m.author.username : m.author.displayName;
    }
    return tr("Someone");
}

void ChatWidget::onTyping(Wire::Id channelId, Wire::Id userId, bool typing)
{
    if (channelId != m_channelId || userId == m_session->me().id) return;
    m_typing.setTyping(userId, nameOf(userId), typing);
}

void ChatWidget::updateTypingLabel()
{
    m_typingLabel->setText(m_typing.text());
}

QString ChatWidget::typingText() const
{
    return m_typingLabel->text();
}

void ChatWidget::createChannel()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("New channel"));
    auto *name = new QLineEdit;
    name->setPlaceholderText(tr("e.g. design-review"));
    auto *isPrivate = new QCheckBox(tr("Private: only invited members can see it"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    auto *form = new QFormLayout(&dialog);
    form->addRow(tr("Name"), name);
    form->addRow(isPrivate);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted || name->text().trimmed().isEmpty()) return;
    m_session->createGroupChannel(
        name->text().trimmed(), isPrivate->isChecked(), [this](const Channel &c, const QString &error) {
            if (!error.isEmpty())
                QMessageBox::warning(
                    this, tr("New channel"), tr("The channel could not be created: %1").arg(error));
            else
                selectChannel(c.id);
        });
}

void ChatWidget::browseChannels()
{
    PickerDialog dialog(
        tr("Browse channels"), tr("Search public channels"), tr("Join"),
        [this](const QString &query, const PickerDialog::ResultCallback &done) {
            m_session->browseChannels(query, [done](const QList<Channel> &channels, const QString &error) {
                QList<PickerDialog::Item> items;
                for (const Channel &c : channels)
                    items.append({ c.id.toString(), u"# "_qs + c.name,
                        tr("%1 members").arg(c.memberCount)
                            + (c.topic.isEmpty() ? QString() : u" · "_qs + c.topic) });
                done(items, error);
            });
        },
        this);
    if (dialog.exec() != QDialog::Accepted) return;
    // The picker keeps ids as the text of its rows.
    const Wire::Id channelId = Wire::Id::fromString(dialog.selectedId());
    if (!channelId.isValid()) return;
    m_session->joinChannel(channelId, [this](const Channel &c, const QString &error) {
        if (!error.isEmpty())
            QMessageBox::warning(this, tr("Join channel"), tr("Could not join: %1").arg(error));
        else
            selectChannel(c.id);
    });
}

void ChatWidget::startDirectMessage()
{
    PickerDialog dialog(
        tr("New direct message"), tr("Search people by username"), tr("Message"),
        [this](const QString &query, const PickerDialog::ResultCallback &done) {
            m_session->findUsers(query, PeopleShown, [done](const QList<User> &users, const QString &error) {
                QList<PickerDialog::Item> items;
                for (const User &u : users)
                    items.append(
                        { u.id.toString(), u.displayName.isEmpty() ? u.username : u.displayName, u"@"_qs + u.username });
                done(items, error);
            });
        },
        this);
    if (dialog.exec() != QDialog::Accepted) return;
    // The picker keeps ids as the text of its rows.
    const Wire::Id userId = Wire::Id::fromString(dialog.selectedId());
    if (!userId.isValid()) return;
    m_session->openDirectChannel(userId, [this](const Channel &c, const QString &error) {
        if (!error.isEmpty())
            QMessageBox::warning(this, tr("New direct message"), tr("Could not start it: %1").arg(error));
        else
            selectChannel(c.id);
    });
}

} // namespace Natter::Client
