// Moderation in the desktop app (issue 16), offscreen against a real natter-server: the member and message menus
// as each role sees them (member, channel admin, owner, server administrator), acting through them, refusals
// with the server's reason, the muted and the read-only composer (locked live, opened again on unmute and when a
// mute runs out), the administration window (accounts, invites, the report queue with its live count and acting
// on a report, the audit log), "Invite people…", and a deactivated author in history. Every model under
// QAbstractItemModelTester.
#include "admin/adminentry.h"
#include "admin/adminwindow.h"
#include "admin/audittab.h"
#include "admin/composerlock.h"
#include "admin/invitedialog.h"
#include "admin/invitestab.h"
#include "admin/membermoderation.h"
#include "admin/reportstab.h"
#include "admin/userstab.h"
#include "chatpanels.h"
#include "chatwidget.h"
#include "composer.h"
#include "language.h"
#include "mainwindow.h"
#include "memberspanel.h"
#include "messageactioncontroller.h"
#include "messageview.h"
#include "models/adminusermodel.h"
#include "models/auditmodel.h"
#include "models/invitemodel.h"
#include "models/reportmodel.h"
#include "session/account.h"
#include "session/moderation.h"
#include "session/session.h"
#include "store/tokenstore.h"
#include "testclient.h"
#include "testserver.h"
#include "testwindow.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QSignalSpy>
#include <QSpinBox>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Natter::Client;
namespace Wire = Natter::Wire;

namespace {
const QString Password = QStringLiteral("correct horse battery");

struct Window : TestWindow
{
    ChatWidget *signIn(const TestServer &server, const QString &user)
    {
        window.resize(1200, 700);
        window.show();
        window.startUp(QStringLiteral("127.0.0.1:%1").arg(server.port()), user, Password);
        if (!QTest::qWaitFor([&] { return window.chatWidget() && window.session()->isSynced(); }, 20000)) return nullptr;
        return window.chatWidget();
    }
    Session *session() const { return window.session(); }
};

// The object names of the actions of MENU and its submenus.
QStringList actionNames(const QMenu *menu)
{
    QStringList names;
    for (QAction *a : menu->actions()) {
        if (a->isSeparator()) continue;
        names.append(a->objectName());
        if (a->menu()) names += actionNames(a->menu());
    }
    return names;
}
}

class TestModerationUi : public QObject
{
    Q_OBJECT

    TestServer m_server { { QStringLiteral("--rate-limit"), QStringLiteral("0") } };
    TestAccount m_root, m_ana, m_ben, m_cleo, m_dan, m_eve;
    Wire::Id m_channel;
    Wire::Id m_danMessage;

    QStringList memberMenu(ChatWidget *chat, const TestAccount &target)
    {
        MembersPanel *panel = chat->panels()->members();
        const int row = panel->model()->rowOf(Wire::Id::fromString(target.id));
        if (row < 0) return { QStringLiteral("(not listed)") };
        std::unique_ptr<QMenu> menu(chat->memberModeration()->menuFor(row));
        return menu ? actionNames(menu.get()) : QStringList();
    }

    // Opens the members panel on the channel and waits for its list.
    static void showMembers(ChatWidget *chat, Wire::Id channel, int count)
    {
        chat->selectChannel(channel);
        chat->panels()->showMembers();
        QTRY_COMPARE(chat->panels()->members()->model()->rowCount(), count);
    }

    static Message messageById(ChatWidget *chat, Wire::Id id)
    {
        const int row = chat->messageModel()->rowOfId(id);
        return row >= 0 ? chat->messageModel()->messageAt(row) : Message();
    }

private slots:
    void initTestCase()
    {
        QApplication::setStyle(QStringLiteral("Fusion"));
        installTranslations(QStringLiteral("en")); // as main() does: English plural forms (%n)
        QVERIFY(m_server.start());
        RestClient rest(m_server);
        m_root = rest.registerUser(QStringLiteral("root")); // the first account: the server administrator
        m_ana = rest.registerUser(QStringLiteral("ana"));
        m_ben = rest.registerUser(QStringLiteral("ben"));
        m_cleo = rest.registerUser(QStringLiteral("cleo"));
        m_dan = rest.registerUser(QStringLiteral("dan"));
        m_eve = rest.registerUser(QStringLiteral("eve")); // in no channel
        m_channel = Wire::Id::fromString(rest.createChannel(m_ana, QStringLiteral("general"), QStringLiteral("public"),
            { m_ben.id, m_cleo.id, m_dan.id, m_root.id }));
        QCOMPARE(rest.request("PATCH", QStringLiteral("/api/v1/channels/%1/members/%2").arg(m_channel.toString(), m_ben.id),
                     R"({"role":"admin"})", m_ana.token).status,
            200);
        const auto sent = rest.post(QStringLiteral("/api/v1/channels/%1/messages").arg(m_channel.toString()),
            { { QStringLiteral("clientMsgId"), QStringLiteral("d1") }, { QStringLiteral("text"), QStringLiteral("you are all slow") } },
            m_dan.token);
        QCOMPARE(sent.status, 201);
        m_danMessage = Wire::Id::fromString(sent.json.value(u"id").toString());
    }

    void menusFollowTheRole()
    {
        Window cleo, ben, ana, root;
        ChatWidget *asCleo = cleo.signIn(m_server, QStringLiteral("cleo"));
        ChatWidget *asBen = ben.signIn(m_server, QStringLiteral("ben"));
        ChatWidget *asAna = ana.signIn(m_server, QStringLiteral("ana"));
        ChatWidget *asRoot = root.signIn(m_server, QStringLiteral("root"));
        QVERIFY(asCleo && asBen && asAna && asRoot);
        std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
        for (ChatWidget *chat : { asCleo, asBen, asAna, asRoot }) {
            testers.push_back(std::make_unique<QAbstractItemModelTester>(
                chat->panels()->members()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest));
            showMembers(chat, m_channel, 5);
        }
        const QStringList mute { QStringLiteral("memberMuteMenu"), QStringLiteral("mute900"), QStringLiteral("mute3600"),
            QStringLiteral("mute28800"), QStringLiteral("mute86400"), QStringLiteral("muteCustom") };
        // A plain member: a direct message, nothing else, for anyone.
        QCOMPARE(memberMenu(asCleo, m_dan), QStringList { QStringLiteral("memberMessage") });
        QCOMPARE(memberMenu(asCleo, m_ben), QStringList { QStringLiteral("memberMessage") });
        // A channel admin: plain members can be made admins, muted and removed; owners and admins are left alone.
        QCOMPARE(memberMenu(asBen, m_dan),
            (QStringList { QStringLiteral("memberMessage"), QStringLiteral("memberPromote") } + mute + QStringList { QStringLiteral("memberRemove") }));
        QCOMPARE(memberMenu(asBen, m_ana), QStringList { QStringLiteral("memberMessage") });
        QCOMPARE(memberMenu(asBen, m_ben), QStringList()); // oneself: nothing to do
        // The owner: admins can be demoted, and muted or removed like anyone.
        QCOMPARE(memberMenu(asAna, m_ben),
            (QStringList { QStringLiteral("memberMessage"), QStringLiteral("memberDemote") } + mute + QStringList { QStringLiteral("memberRemove") }));
        QCOMPARE(memberMenu(asAna, m_dan).first(2), (QStringList { QStringLiteral("memberMessage"), QStringLiteral("memberPromote") }));
        // A server administrator is a plain member inside the channel (docs/protocol.md): no channel powers.
        QCOMPARE(memberMenu(asRoot, m_dan), QStringList { QStringLiteral("memberMessage") });
        // The read-only switch is for owners and admins.
        QVERIFY(asAna->memberModeration()->readOnlySwitch()->isVisibleTo(asAna->panels()->members()));
        QVERIFY(asBen->memberModeration()->readOnlySwitch()->isVisibleTo(asBen->panels()->members()));
        QVERIFY(!asCleo->memberModeration()->readOnlySwitch()->isVisibleTo(asCleo->panels()->members()));

        // The message menu: everyone may report someone else's message; deleting it is for owners and admins.
        for (ChatWidget *chat : { asCleo, asBen, asAna, asRoot })
            QTRY_VERIFY(messageById(chat, m_danMessage).id.isValid());
        const auto menuOf = [&](ChatWidget *chat) {
            const Message m = messageById(chat, m_danMessage);
            MessageActionMenu menu(m, chat->messageView()->permissionsFor(m));
            return actionNames(&menu);
        };
        const QString report = QStringLiteral("action%1").arg(int(MessageAction::Report));
        const QString remove = QStringLiteral("action%1").arg(int(MessageAction::Delete));
        QVERIFY(menuOf(asCleo).contains(report));
        QVERIFY(!menuOf(asCleo).contains(remove));
        QVERIFY(menuOf(asBen).contains(remove));
        QVERIFY(menuOf(asAna).contains(remove));
        QVERIFY(!menuOf(asRoot).contains(remove));

        // Administration is in the menu of server administrators only.
        QTRY_VERIFY(root.session()->moderation()->isServerAdmin());
        QVERIFY(root.window.admin()->administrationAction()->isVisible());
        QVERIFY(!cleo.window.admin()->administrationAction()->isVisible());
        QVERIFY(!cleo.window.admin()->openAdministration());
    }

    void actingFromTheMemberMenuAndMutedComposer()
    {
        Window ben, dan, ana;
        ChatWidget *asBen = ben.signIn(m_server, QStringLiteral("ben"));
        ChatWidget *asDan = dan.signIn(m_server, QStringLiteral("dan"));
        ChatWidget *asAna = ana.signIn(m_server, QStringLiteral("ana"));
        QVERIFY(asBen && asDan && asAna);
        showMembers(asBen, m_channel, 5);
        asDan->selectChannel(m_channel);
        QVERIFY(!asDan->composerLock()->isLocked());
        QVERIFY(!asDan->composer()->isReadOnly());

        // Ben mutes Dan for 15 minutes from the menu: Dan's composer closes at once (member.updated).
        {
            std::unique_ptr<QMenu> menu(asBen->memberModeration()->menuFor(
                asBen->panels()->members()->model()->rowOf(Wire::Id::fromString(m_dan.id))));
            menu->findChild<QAction *>(QStringLiteral("mute900"))->trigger();
        }
        QTRY_VERIFY(asDan->composerLock()->isLocked());
        QVERIFY(asDan->composerLock()->reason().startsWith(QStringLiteral("You are muted in this channel until ")));
        QVERIFY(asDan->composer()->isReadOnly());
        QCOMPARE(asDan->composer()->placeholderText(), asDan->composerLock()->reason());
        {
            // A draft written before the mute stays and is not sent; Enter says why.
            QSignalSpy refused(asDan->composer(), &Composer::sendRefused);
            asDan->composer()->setPlainText(QStringLiteral("one more thing"));
            const int outbox = dan.session()->outboxSize();
            QTest::keyClick(asDan->composer(), Qt::Key_Return);
            QCOMPARE(refused.size(), 1);
            QVERIFY(refused.first().first().toString().startsWith(QStringLiteral("You are muted")));
            QCOMPARE(dan.session()->outboxSize(), outbox);
            QCOMPARE(asDan->composer()->toPlainText(), QStringLiteral("one more thing"));
            asDan->composer()->clear();
        }
        QTRY_VERIFY(asBen->memberModeration()->notice().contains(QStringLiteral("is muted in this channel until")));
        // The members list shows the mute, and the menu now offers to unmute.
        const int danRow = asBen->panels()->members()->model()->rowOf(Wire::Id::fromString(m_dan.id));
        QTRY_VERIFY(asBen->panels()->members()->model()->index(danRow).data(MemberListModel::MutedUntilRole).toDateTime().isValid());
        {
            std::unique_ptr<QMenu> menu(asBen->memberModeration()->menuFor(
                asBen->panels()->members()->model()->rowOf(Wire::Id::fromString(m_dan.id))));
            QVERIFY(actionNames(menu.get()).contains(QStringLiteral("memberUnmute")));
            menu->findChild<QAction *>(QStringLiteral("memberUnmute"))->trigger();
        }
        QTRY_VERIFY(!asDan->composerLock()->isLocked());
        QVERIFY(!asDan->composer()->isReadOnly());
        QCOMPARE(asDan->composer()->placeholderText(), QStringLiteral("Message #general"));

        // A refusal shows the server's reason: Ben's menu was built while he was an admin; Ana demotes him first.
        std::unique_ptr<QMenu> stale(asBen->memberModeration()->menuFor(
            asBen->panels()->members()->model()->rowOf(Wire::Id::fromString(m_dan.id))));
        RestClient rest(m_server);
        QCOMPARE(rest.request("PATCH", QStringLiteral("/api/v1/channels/%1/members/%2").arg(m_channel.toString(), m_ben.id),
                     R"({"role":"member"})", m_ana.token).status,
            200);
        QTRY_COMPARE(ben.session()->channel(m_channel).role, Wire::Role::Member); // live, no reload
        stale->findChild<QAction *>(QStringLiteral("mute3600"))->trigger();
        QTRY_VERIFY(asBen->memberModeration()->notice().startsWith(QStringLiteral("Not allowed: ")));
        QCOMPARE(memberMenu(asBen, m_dan), QStringList { QStringLiteral("memberMessage") });
        QVERIFY(!asDan->composerLock()->isLocked());
        // Ana makes him an admin again from her menu.
        showMembers(asAna, m_channel, 5);
        {
            std::unique_ptr<QMenu> menu(asAna->memberModeration()->menuFor(
                asAna->panels()->members()->model()->rowOf(Wire::Id::fromString(m_ben.id))));
            menu->findChild<QAction *>(QStringLiteral("memberPromote"))->trigger();
        }
        QTRY_COMPARE(ben.session()->channel(m_channel).role, Wire::Role::Admin);

        // A short mute runs out by itself: the composer opens again without any event.
        QCOMPARE(rest.post(QStringLiteral("/api/v1/channels/%1/members/%2/mute").arg(m_channel.toString(), m_dan.id),
                     { { QStringLiteral("durationSeconds"), 2 } }, m_ana.token).status,
            200);
        QTRY_VERIFY(asDan->composerLock()->isLocked());
        QTRY_VERIFY_WITH_TIMEOUT(!asDan->composerLock()->isLocked(), 10000);
        QVERIFY(!asDan->composer()->isReadOnly());

        // Read-only: Ana's switch locks Dan's composer (a plain member), not Ben's (an admin).
        asAna->memberModeration()->readOnlySwitch()->click();
        QTRY_VERIFY(asDan->composerLock()->isLocked());
        QVERIFY(asDan->composerLock()->reason().contains(QStringLiteral("read-only")));
        QVERIFY(!asBen->composerLock()->isLocked());
        asAna->memberModeration()->readOnlySwitch()->click();
        QTRY_VERIFY(!asDan->composerLock()->isLocked());
    }

    void administrationWindow()
    {
        Window root, cleo, dan;
        ChatWidget *asRoot = root.signIn(m_server, QStringLiteral("root"));
        ChatWidget *asCleo = cleo.signIn(m_server, QStringLiteral("cleo"));
        ChatWidget *asDan = dan.signIn(m_server, QStringLiteral("dan"));
        QVERIFY(asRoot && asCleo && asDan);
        QTRY_VERIFY(root.session()->moderation()->isServerAdmin());
        AdminWindow *admin = root.window.admin()->openAdministration();
        QVERIFY(admin);
        admin->setConfirm(false);
        QAbstractItemModelTester users(admin->users()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester invites(admin->invites()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester reports(admin->reports()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester audit(admin->audit()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);

        // Users: every account with its role; deactivate and reactivate one.
        AdminUserModel *accounts = admin->users()->model();
        QTRY_COMPARE(accounts->rowCount(), 6);
        const int rootRow = accounts->rowOf(Wire::Id::fromString(m_root.id));
        QCOMPARE(accounts->index(rootRow, AdminUserModel::RoleColumn).data().toString(), QStringLiteral("Administrator"));
        const int cleoRow = accounts->rowOf(Wire::Id::fromString(m_cleo.id));
        QCOMPARE(accounts->index(cleoRow, AdminUserModel::StateColumn).data().toString(), QStringLiteral("Active"));
        admin->users()->selectRow(cleoRow);
        admin->users()->toggleActive();
        QTRY_COMPARE(accounts->index(cleoRow, AdminUserModel::StateColumn).data().toString(), QStringLiteral("Deactivated"));
        QTRY_VERIFY(!cleo.window.chatWidget()); // her window is back at the sign-in screen (4002)
        admin->users()->toggleActive();
        QTRY_COMPARE(accounts->index(cleoRow, AdminUserModel::StateColumn).data().toString(), QStringLiteral("Active"));
        // Resetting a password shows the temporary one once.
        admin->users()->selectRow(accounts->rowOf(Wire::Id::fromString(m_eve.id)));
        admin->users()->resetPassword();
        QTRY_VERIFY(admin->users()->notice().startsWith(QStringLiteral("Temporary password for Eve: ")));
        // Refused: demoting the last administrator (the server keeps one).
        admin->users()->selectRow(rootRow);
        admin->users()->toggleRole();
        QTRY_COMPARE(admin->users()->notice(), QStringLiteral("a server keeps at least one administrator"));

        // Invites: a link with the code, listed, revoked.
        admin->invites()->uses()->setValue(3);
        admin->invites()->create();
        QTRY_VERIFY(admin->invites()->link().contains(QStringLiteral("?invite=")));
        QVERIFY(admin->invites()->link().startsWith(QStringLiteral("http://127.0.0.1:%1/").arg(m_server.port())));
        QTRY_COMPARE(admin->invites()->model()->rowCount(), 1);
        QCOMPARE(admin->invites()->model()->index(0, InviteModel::UsesColumn).data().toString(), QStringLiteral("0 of 3"));
        admin->invites()->table()->selectRow(0);
        admin->invites()->revokeSelected();
        QTRY_COMPARE(admin->invites()->model()->rowCount(), 0);
        // "Invite people…" makes a link for an administrator.
        InviteDialog dialog(root.session());
        QTRY_VERIFY(dialog.link().contains(QStringLiteral("?invite=")));

        // Reports: a report from Ben's message view reaches the queue live, with the message and names.
        Window ben;
        ChatWidget *asBen = ben.signIn(m_server, QStringLiteral("ben"));
        QVERIFY(asBen);
        asBen->selectChannel(m_channel);
        QTRY_VERIFY(messageById(asBen, m_danMessage).id.isValid());
        asBen->actionController()->setReportReason(QStringLiteral("Harassment or insults: rude"));
        asBen->actionController()->perform(MessageAction::Report, messageById(asBen, m_danMessage));
        QTRY_VERIFY(asBen->messageView()->noticeText().startsWith(QStringLiteral("Thank you. The administrators will look")));
        QTRY_COMPARE(root.session()->moderation()->openReports(), qint64(1));
        QVERIFY(root.window.admin()->reportsButton()->isVisibleTo(&root.window));
        QCOMPARE(root.window.admin()->reportsButton()->text(), QStringLiteral("⚑ 1 open report"));
        ReportModel *queue = admin->reports()->model();
        QTRY_COMPARE(queue->rowCount(), 1);
        QCOMPARE(admin->reports()->countText(), QStringLiteral("1 open report"));
        QCOMPARE(queue->index(0, ReportModel::MessageColumn).data().toString(), QStringLiteral("you are all slow"));
        QCOMPARE(queue->index(0, ReportModel::AuthorColumn).data().toString(), QStringLiteral("Dan"));
        QCOMPARE(queue->index(0, ReportModel::ReporterColumn).data().toString(), QStringLiteral("Ben"));
        QCOMPARE(queue->index(0, ReportModel::ReasonColumn).data().toString(), QStringLiteral("Harassment or insults: rude"));
        // Act: mute the author. Dan's composer closes, Ben is told, the count goes to zero.
        asDan->selectChannel(m_channel);
        QSignalSpy told(ben.session()->moderation(), &Moderation::reportResolved);
        admin->reports()->selectRow(0);
        admin->reports()->resolve(Wire::ReportAction::Mute);
        QTRY_VERIFY(admin->reports()->notice().startsWith(QStringLiteral("Report resolved: Author muted.")));
        QTRY_VERIFY(asDan->composerLock()->isLocked());
        QTRY_COMPARE(queue->rowCount(), 0); // the open queue is empty again
        admin->reports()->setShowAll(true);
        QTRY_COMPARE(queue->rowCount(), 1);
        QCOMPARE(queue->index(0, ReportModel::StatusColumn).data().toString(), QStringLiteral("Author muted"));
        QTRY_COMPARE(root.session()->moderation()->openReports(), qint64(0));
        QVERIFY(!root.window.admin()->reportsButton()->isVisibleTo(&root.window));
        QTRY_COMPARE(told.size(), 1);
        QCOMPARE(told.first().at(2).toString(),
            QStringLiteral("Thank you: the author of the message you reported was muted in that channel."));
        RestClient rest(m_server);
        QCOMPARE(rest.del(QStringLiteral("/api/v1/channels/%1/members/%2/mute").arg(m_channel.toString(), m_dan.id), m_ana.token).status, 204);

        // The audit log lists what was done, newest first, with names.
        admin->showTab(AdminWindow::Audit);
        AuditModel *log = admin->audit()->model();
        QTRY_COMPARE(log->index(0, AuditModel::ActionColumn).data().toString(), QStringLiteral("Unmuted a member"));
        QStringList actions;
        for (int row = 0; row < log->rowCount(); ++row) actions.append(log->index(row, AuditModel::ActionColumn).data().toString());
        QCOMPARE(actions.first(), QStringLiteral("Unmuted a member"));
        for (const QString &expected : { QStringLiteral("Resolved a report"), QStringLiteral("Reported a message"),
                 QStringLiteral("Revoked an invite"), QStringLiteral("Created an invite"), QStringLiteral("Reset a password"),
                 QStringLiteral("Reactivated an account"), QStringLiteral("Deactivated an account") })
            QVERIFY2(actions.contains(expected), qPrintable(expected));
        const int deactivated = int(actions.indexOf(QStringLiteral("Deactivated an account")));
        QCOMPARE(log->index(deactivated, AuditModel::ActorColumn).data().toString(), QStringLiteral("Root"));
        QCOMPARE(log->index(deactivated, AuditModel::TargetColumn).data().toString(), QStringLiteral("Cleo"));
    }

    void reporterHearsTheOutcomeAndDeactivatedAuthorsAreMarked()
    {
        RestClient rest(m_server);
        const auto sent = rest.post(QStringLiteral("/api/v1/channels/%1/messages").arg(m_channel.toString()),
            { { QStringLiteral("clientMsgId"), QStringLiteral("d2") }, { QStringLiteral("text"), QStringLiteral("spam spam") } },
            m_dan.token);
        const Wire::Id spam = Wire::Id::fromString(sent.json.value(u"id").toString());
        Window ana;
        ChatWidget *asAna = ana.signIn(m_server, QStringLiteral("ana"));
        QVERIFY(asAna);
        asAna->selectChannel(m_channel);
        QTRY_VERIFY(messageById(asAna, spam).id.isValid());
        QSignalSpy told(ana.session()->moderation(), &Moderation::reportResolved);
        QString error = QStringLiteral("pending");
        ana.session()->moderation()->report(spam, QStringLiteral("Spam or advertising"), [&](const QString &e) { error = e; });
        QTRY_COMPARE(error, QString());
        const auto queue = rest.get(QStringLiteral("/api/v1/reports"), m_root.token).json.value(u"reports").toArray();
        const QString reportId = queue.first().toObject().value(u"id").toString();
        QCOMPARE(rest.post(QStringLiteral("/api/v1/reports/%1/resolve").arg(reportId), { { QStringLiteral("action"), QStringLiteral("deactivate") } }, m_root.token).status, 200);
        QTRY_COMPARE(told.size(), 1);
        QCOMPARE(told.first().at(2).toString(), QStringLiteral("Thank you: the account of the author you reported was deactivated."));
        // History marks the deactivated author (a fresh page from the server).
        Window again;
        ChatWidget *fresh = again.signIn(m_server, QStringLiteral("ana"));
        QVERIFY(fresh);
        fresh->selectChannel(m_channel);
        QTRY_VERIFY(messageById(fresh, spam).id.isValid());
        const int row = fresh->messageModel()->rowOfId(spam);
        QTRY_COMPARE(fresh->messageModel()->index(row).data(MessageListModel::AuthorNameRole).toString(), QStringLiteral("Dan (deactivated)"));
        QCOMPARE(rest.post(QStringLiteral("/api/v1/admin/users/%1/reactivate").arg(m_dan.id), {}, m_root.token).status, 200);
    }

    void signingUpWithAnInviteLink()
    {
        TestServer server({ QStringLiteral("--registration"), QStringLiteral("invite") });
        QVERIFY(server.start());
        RestClient rest(server);
        const TestAccount boss = rest.registerUser(QStringLiteral("boss")); // the first account needs no invite
        const auto invite = rest.post(QStringLiteral("/api/v1/invites"), { { QStringLiteral("maxUses"), 1 } }, boss.token);
        QCOMPARE(invite.status, 201);
        const QString address = QStringLiteral("http://127.0.0.1:%1").arg(server.port());
        const QString link = Moderation::inviteLink(QUrl(address), invite.json.value(u"code").toString()).toString();
        const auto signUp = [&](Window &w, const QString &server, const QString &user) {
            Credentials c;
            c.server = server;
            c.username = user;
            c.password = Password;
            c.registering = true;
            QString error = QStringLiteral("pending");
            w.account.signIn(c, [&](const QString &e) { error = e; });
            if (!QTest::qWaitFor([&] { return error != QStringLiteral("pending"); }, 20000)) return QStringLiteral("timeout");
            return error;
        };
        Window without, with, again;
        // Without a code the server says why; with the link pasted as the address the account is made.
        QCOMPARE(signUp(without, address, QStringLiteral("nocode")), QStringLiteral("Not allowed: this server registers by invitation only: 'invite' is required"));
        QCOMPARE(signUp(with, link, QStringLiteral("newbie")), QString());
        QCOMPARE(with.account.lastServer(), address); // the code is not kept as part of the address
        // The link was for one use.
        QCOMPARE(signUp(again, link, QStringLiteral("second")),
            QStringLiteral("Not allowed: this invite does not exist, has expired or has been used up"));
    }

    void invitePeopleForMembersShowsTheAddress()
    {
        Window cleo;
        QVERIFY(cleo.signIn(m_server, QStringLiteral("cleo")));
        InviteDialog dialog(cleo.session());
        QCOMPARE(dialog.link(), QStringLiteral("http://127.0.0.1:%1").arg(m_server.port()));
    }
};

QTEST_MAIN(TestModerationUi)
#include "tst_moderationui.moc"
