#include "models/memberlistmodel.h"
#include "models/searchmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

// The models behind the members, search and pins panels.
using namespace Natter::Client;
namespace Wire = Natter::Wire;

namespace {
// 45 messages mention "deploy", newest first, ids 1000 down; anything else finds nothing.
class TableSource : public SearchSource
{
public:
    bool fail = false;
    bool deferred = false;
    int requests = 0;
    void search(const QString &query, Wire::Id before, int limit, Callback callback) override
    {
        ++requests;
        Results r;
        if (fail) {
            r.error = QStringLiteral("The server cannot be reached right now.");
        } else if (query.contains(QStringLiteral("deploy"), Qt::CaseInsensitive)) {
            qint64 id = before.isValid() ? before.value() - 1 : 1000;
            for (; id > 955 && r.messages.size() < limit; --id) {
                Message m;
                m.id = id;
                m.channelId = id % 2 ? 7 : 8;
                m.author = { Wire::Id(1), QStringLiteral("ana"), QStringLiteral("Ana") };
                m.text = QStringLiteral("Deploy <b>%1</b> went out; redeploy later").arg(id);
                r.messages.append(m);
            }
            r.hasMore = id > 955;
        }
        if (deferred)
            QTimer::singleShot(0, [r, callback] { callback(r); });
        else
            callback(r);
    }
};

Wire::Member member(qint64 id, const QString &name, Wire::Role role, bool online)
{
    Wire::Member m;
    m.user.id = id;
    m.user.username = name.toLower();
    m.user.displayName = name;
    m.user.online = online;
    m.role = role;
    return m;
}
}

class TestPanelModels : public QObject
{
    Q_OBJECT

private slots:
    void membersSortByRoleThenName()
    {
        MemberListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMembers({ member(3, QStringLiteral("zoe"), Wire::Role::Member, false),
            member(1, QStringLiteral("Bea"), Wire::Role::Admin, true),
            member(2, QStringLiteral("Al"), Wire::Role::Member, true),
            member(4, QStringLiteral("Olga"), Wire::Role::Owner, false) });
        QStringList names;
        for (int i = 0; i < model.rowCount(); ++i)
            names.append(model.index(i).data(MemberListModel::NameRole).toString());
        QCOMPARE(names, (QStringList { QStringLiteral("Olga"), QStringLiteral("Bea"), QStringLiteral("Al"),
                            QStringLiteral("zoe") }));
        QCOMPARE(model.index(0).data(MemberListModel::RoleNameRole).toString(), QStringLiteral("Owner"));
        QCOMPARE(model.index(2).data(MemberListModel::RoleNameRole).toString(), QString());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setOnline(Wire::Id(3), true);
        model.setOnline(Wire::Id(3), true);
        model.setOnline(Wire::Id(99), true); // not a member
        QCOMPARE(changed.size(), 1);
        QVERIFY(model.index(3).data(MemberListModel::OnlineRole).toBool());
        QCOMPARE(model.userIds().size(), 4);
    }

    void searchPagesWithFetchMore()
    {
        TableSource source;
        source.deferred = true;
        SearchModel model(&source);
        model.setPageSize(20);
        model.setChannelNames([](Wire::Id c) { return c == Wire::Id(7) ? QStringLiteral("general") : QStringLiteral("ops"); });
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(true);
        QSignalSpy pages(&model, &SearchModel::pageLoaded);
        model.search(QStringLiteral("deploy"));
        QTRY_VERIFY(model.rowCount() >= 20); // the tester itself fetches more as rows come in
        QCOMPARE(model.index(0).data(SearchModel::MessageIdRole).toString(), QStringLiteral("1000"));
        QCOMPARE(model.index(0).data(SearchModel::ChannelNameRole).toString(), QStringLiteral("ops"));
        QCOMPARE(model.index(1).data(SearchModel::ChannelNameRole).toString(), QStringLiteral("general"));
        QCOMPARE(model.index(0).data(SearchModel::AuthorNameRole).toString(), QStringLiteral("Ana"));
        // The text is escaped, the terms (prefix matches included) are bold.
        const QString html = model.index(0).data(SearchModel::HighlightedTextRole).toString();
        QVERIFY2(html.startsWith(QStringLiteral("<b style=\"background-color:#fde68a\">Deploy</b> &lt;b&gt;1000")), qPrintable(html));
        QVERIFY(html.contains(QStringLiteral("re<b style=\"background-color:#fde68a\">deploy</b>")));
        for (int i = 0; i < 5 && model.rowCount() < 45; ++i) {
            model.fetchMore({});
            QTRY_VERIFY(!model.isLoading());
        }
        QCOMPARE(model.rowCount(), 45);
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(model.index(44).data(SearchModel::MessageIdRole).toString(), QStringLiteral("956"));
        QSet<QString> ids;
        for (int i = 0; i < model.rowCount(); ++i)
            ids.insert(model.index(i).data(SearchModel::MessageIdRole).toString());
        QCOMPARE(ids.size(), 45); // no page twice
        QCOMPARE(pages.size(), 3);
        QVERIFY(model.errorText().isEmpty());
    }

    void searchWithNoResult()
    {
        TableSource source;
        SearchModel model(&source);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.search(QStringLiteral("kumquat"));
        QVERIFY(model.hasResults());
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.canFetchMore({}));
        QVERIFY(model.errorText().isEmpty());
        model.search(QString()); // clearing asks nothing
        QCOMPARE(source.requests, 1);
        QVERIFY(!model.hasResults());
    }

    void searchThatFailsSaysWhy()
    {
        TableSource source;
        source.fail = true;
        SearchModel model(&source);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.search(QStringLiteral("deploy"));
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.errorText(), QStringLiteral("The server cannot be reached right now."));
        QVERIFY(!model.canFetchMore({})); // no retry loop
    }

    void termsDropOperators()
    {
        QCOMPARE(SearchModel::terms(QStringLiteral("\"release notes\" OR deploy*")),
            (QStringList { QStringLiteral("release"), QStringLiteral("notes"), QStringLiteral("deploy") }));
        QCOMPARE(SearchModel::highlight(QStringLiteral("a<b"), {}), QStringLiteral("a&lt;b"));
    }

    void pinsShowAsGiven()
    {
        SearchModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Message m;
        m.id = 5;
        m.text = QStringLiteral("Wiki: <https://wiki>");
        model.setMessages({ m });
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0).data(SearchModel::HighlightedTextRole).toString(), QStringLiteral("Wiki: &lt;https://wiki&gt;"));
        QVERIFY(!model.canFetchMore({}));
    }
};

QTEST_GUILESS_MAIN(TestPanelModels)
#include "tst_panelmodels.moc"
