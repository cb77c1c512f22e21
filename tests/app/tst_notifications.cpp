#include "models/channellistmodel.h"
#include "session/alerts.h"
#include "session/notifier.h"
#include "store/mutelist.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// Which messages raise a desktop notification, and the unread total.
using namespace Natter::Client;
namespace Wire = Natter::Wire;

namespace {
class FakeNotifier : public Notifier
{
public:
    bool available = true;
    QList<Notification> shown;
    bool isAvailable() const override { return available; }
    void show(const Notification &n) override { shown.append(n); }
};

constexpr qint64 Me = 1;
constexpr qint64 Ben = 2;
}

class TestNotifications : public QObject
{
    Q_OBJECT

private:
    static Channel channel(qint64 id, const QString &type, const QString &name, int unread)
    {
        Channel c;
        c.id = id;
        c.type = type == QStringLiteral("direct") ? Wire::ChannelType::Direct : Wire::ChannelType::Group;
        c.name = name;
        c.unreadCount = unread;
        return c;
    }
    static Message message(qint64 id, qint64 channel, const QString &text, QList<Wire::Id> mentions = {})
    {
        Message m;
        m.id = id;
        m.channelId = channel;
        m.author = { Wire::Id(Ben), QStringLiteral("ben"), QStringLiteral("Ben") };
        m.text = text;
        m.mentions = mentions;
        return m;
    }

    struct Fixture
    {
        ChannelListModel channels;
        MuteList mutes;
        FakeNotifier desktop;
        FakeNotifier inApp;
        Alerts alerts { &channels, &mutes };
        Fixture()
        {
            channels.setChannels({ channel(10, QStringLiteral("group"), QStringLiteral("general"), 2),
                channel(11, QStringLiteral("direct"), QStringLiteral("Ben"), 1),
                channel(12, QStringLiteral("group"), QStringLiteral("random"), 4) });
            alerts.setMe(Wire::Id(Me));
            alerts.setNotifier(&desktop);
            alerts.setInAppNotifier(&inApp);
        }
    };

private slots:
    void directMessagesAndMentionsNotifyWhileInactive()
    {
        Fixture f;
        f.alerts.consider(message(100, 11, QStringLiteral("lunch?")));
        f.alerts.consider(message(101, 10, QStringLiteral("@me look"), { Wire::Id(Me) }));
        f.alerts.consider(message(102, 10, QStringLiteral("no mention here")));
        QCOMPARE(f.desktop.shown.size(), 2);
        QCOMPARE(f.desktop.shown.at(0).title, QStringLiteral("Ben"));
        QCOMPARE(f.desktop.shown.at(0).body, QStringLiteral("lunch?"));
        QCOMPARE(f.desktop.shown.at(1).title, QStringLiteral("Ben in #general"));
        QCOMPARE(f.desktop.shown.at(1).messageId, Wire::Id(101));
        // The ack, the echo and a replay of the same message notify once.
        f.alerts.consider(message(100, 11, QStringLiteral("lunch?")));
        QCOMPARE(f.desktop.shown.size(), 2);
        QVERIFY(f.inApp.shown.isEmpty());
    }

    void nothingForMutedChannelsOwnMessagesOrAnActiveWindow()
    {
        Fixture f;
        f.mutes.setMuted(Wire::Id(11), true);
        f.alerts.consider(message(100, 11, QStringLiteral("muted DM")));
        Message mine = message(101, 10, QStringLiteral("@me self"), { Wire::Id(Me) });
        mine.author.id = Me;
        f.alerts.consider(mine);
        f.alerts.setWindowActive(true);
        f.alerts.setCurrentChannel(Wire::Id(10));
        f.alerts.consider(message(102, 10, QStringLiteral("@me here"), { Wire::Id(Me) }));
        QVERIFY(f.desktop.shown.isEmpty());
        QVERIFY(f.inApp.shown.isEmpty()); // the channel being read needs no banner
        // Active, but the mention is in another channel: the in-app banner, not the desktop.
        f.alerts.consider(message(103, 12, QStringLiteral("@me there"), { Wire::Id(Me) }));
        QVERIFY(f.desktop.shown.isEmpty());
        QCOMPARE(f.inApp.shown.size(), 1);
        QCOMPARE(f.inApp.shown.at(0).channelId, Wire::Id(12));
    }

    void withoutADesktopServiceTheBannerShows()
    {
        Fixture f;
        f.desktop.available = false;
        f.alerts.consider(message(100, 11, QStringLiteral("hello")));
        QVERIFY(f.desktop.shown.isEmpty());
        QCOMPARE(f.inApp.shown.size(), 1);
        // And without any notifier nothing breaks.
        Alerts bare(&f.channels, nullptr);
        bare.setMe(Wire::Id(Me));
        bare.consider(message(101, 11, QStringLiteral("hello again")));
    }

    void unreadTotalLeavesMutedChannelsOut()
    {
        Fixture f;
        QCOMPARE(f.alerts.unreadTotal(), 7);
        QSignalSpy total(&f.alerts, &Alerts::unreadTotalChanged);
        f.mutes.setMuted(Wire::Id(12), true);
        QCOMPARE(f.alerts.unreadTotal(), 3);
        Channel c = channel(10, QStringLiteral("group"), QStringLiteral("general"), 0);
        f.channels.upsert(c);
        QCOMPARE(f.alerts.unreadTotal(), 1);
        QCOMPARE(total.size(), 2);
    }

    void mutesAreKeptPerProfile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("local.ini"));
        {
            MuteList mutes(path);
            mutes.setMuted(Wire::Id(42), true);
            mutes.setMuted(Wire::Id(43), true);
            mutes.setMuted(Wire::Id(43), false);
        }
        MuteList again(path);
        QVERIFY(again.isMuted(Wire::Id(42)));
        QVERIFY(!again.isMuted(Wire::Id(43)));
        MuteList other(dir.filePath(QStringLiteral("other.ini")));
        QVERIFY(!other.isMuted(Wire::Id(42)));
    }
};

QTEST_GUILESS_MAIN(TestNotifications)
#include "tst_notifications.moc"
