#include "models/channellistmodel.h"
#include "net/apiclient.h"
#include "session/typingnotifier.h"
#include "store/cache.h"

#include <common/isotime.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// The client core's small parts: the cache, the channel list order, typing throttling, server addresses.
using namespace Natter::Client;
namespace Wire = Natter::Wire;

class TestCore : public QObject
{
    Q_OBJECT

private:
    static Channel channel(Wire::Id id, const QString &lastMessageAt)
    {
        Channel c;
        c.id = id;
        c.type = Wire::ChannelType::Group;
        c.name = QStringLiteral("c") + id.toString();
        c.lastMessageAt = lastMessageAt.isEmpty() ? 0 : parseIsoTime(lastMessageAt);
        return c;
    }
    static Message message(Wire::Id channelId, qint64 seq)
    {
        Message m;
        m.id = 1000 + seq;
        m.channelId = channelId;
        m.seq = seq;
        m.author = { Wire::Id(1), QStringLiteral("alice"), QStringLiteral("Alice") };
        m.text = QStringLiteral("m%1").arg(seq);
        m.createdAt = parseIsoTime(u"2026-03-01T10:00:00.000Z") + seq * 1000;
        return m;
    }

private slots:
    void cacheKeepsOutboxOrderAndCursors()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        {
            Cache cache;
            QVERIFY(cache.open(path));
            for (int i = 0; i < 5; ++i)
                cache.enqueue({ QStringLiteral("c%1").arg(i), Wire::Id(7),
                    QStringLiteral("text %1").arg(i), QDateTime::currentDateTimeUtc(), false });
            cache.setOutboxFailed(QStringLiteral("c1"), true);
            cache.dequeue(QStringLiteral("c0"));
            cache.setCursor(Wire::Id(7), 42);
            QList<Message> msgs;
            for (int seq = 1; seq <= 300; ++seq)
                msgs.append(message(Wire::Id(7), seq));
            cache.storeMessages(msgs);
            cache.trimMessages(Wire::Id(7), 200);
            cache.saveChannels({ channel(Wire::Id(1), QStringLiteral("2026-03-01T10:00:00.000Z")),
                channel(Wire::Id(2), QStringLiteral("2026-03-02T10:00:00.000Z")) });
        }
        Cache cache; // a new run reads what the last one left
        QVERIFY(cache.open(path));
        const QList<OutboxEntry> outbox = cache.outbox();
        QCOMPARE(outbox.size(), 4);
        QCOMPARE(outbox.at(0).clientMsgId, QStringLiteral("c1"));
        QVERIFY(outbox.at(0).failed);
        QCOMPARE(outbox.at(3).clientMsgId, QStringLiteral("c4"));
        QCOMPARE(outbox.at(3).channelId, Wire::Id(7));
        QCOMPARE(cache.cursors().value(Wire::Id(7)), 42);
        const QList<Message> recent = cache.recentMessages(Wire::Id(7), 50);
        QCOMPARE(recent.size(), 50);
        QCOMPARE(recent.first().seq, 251);
        QCOMPARE(recent.last().seq, 300);
        QCOMPARE(cache.recentMessages(Wire::Id(7), 1000).size(), 200);
        QCOMPARE(cache.channels().first().id, Wire::Id(2));
        QCOMPARE(cache.message(Wire::Id(7), Wire::Id(1000 + 300))->seq, 300);
        QVERIFY(!cache.message(Wire::Id(7), Wire::Id(1000 + 1))); // trimmed
        QVERIFY(!cache.message(Wire::Id(8), Wire::Id(1000 + 300))); // another channel's
    }

    void cacheKeepsEveryFieldOfAMessage()
    {
        const qint64 t0 = parseIsoTime(u"2026-03-01T10:00:00.123Z");
        Message parent = message(Wire::Id(7), 1);
        parent.clientMsgId = QStringLiteral("c-parent");
        parent.text = QStringLiteral("Plans for Friday: see https://example.com/plan @bob @carol");
        parent.replyCount = 2;
        parent.attachments = {
            { Wire::Id(501), QStringLiteral("plan.png"), QStringLiteral("image/png"), 48213,
                QStringLiteral("/api/v1/uploads/501/plan.png"), 1280, 720,
                QStringLiteral("/api/v1/uploads/501/thumb.png") },
            { Wire::Id(502), QStringLiteral("notes.pdf"), QStringLiteral("application/pdf"), 9000,
                QStringLiteral("/api/v1/uploads/502/notes.pdf"), 0, 0, QString() },
        };
        parent.reactions = { { QStringLiteral("👍"), 3, true }, { QStringLiteral("🎉"), 1, false } };
        parent.preview = Wire::LinkPreview { QStringLiteral("https://example.com/plan"), QStringLiteral("The plan"),
            QStringLiteral("Everything about Friday"), QStringLiteral("https://example.com/plan.jpg") };
        parent.mentions = { Wire::Id(2), Wire::Id(3) };
        parent.createdAt = t0;
        parent.editedAt = t0 + 60000;

        Message reply = message(Wire::Id(7), 2);
        reply.parentId = parent.id;
        reply.text = QStringLiteral("Count me in");
        reply.createdAt = t0 + 1000;

        // What the server sends for a deleted message: the text and everything attached are gone.
        Message deleted = message(Wire::Id(7), 3);
        deleted.text.clear();
        deleted.createdAt = t0 + 2000;
        deleted.deletedAt = t0 + 3000;

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        {
            Cache cache;
            QVERIFY(cache.open(path));
            cache.storeMessages({ parent, reply, deleted });
        }
        Cache cache; // read back by a new run, from the file
        QVERIFY(cache.open(path));
        const QList<Message> back = cache.recentMessages(Wire::Id(7), 10);
        QCOMPARE(back.size(), 3);

        const Message &p = back.at(0);
        QCOMPARE(p.id, parent.id);
        QCOMPARE(p.channelId, Wire::Id(7));
        QCOMPARE(p.seq, 1);
        QCOMPARE(p.clientMsgId, QStringLiteral("c-parent"));
        QCOMPARE(p.author, parent.author);
        QCOMPARE(p.text, parent.text);
        QVERIFY(!p.parentId.isValid());
        QCOMPARE(p.replyCount, 2);
        QCOMPARE(p.attachments.size(), 2);
        QCOMPARE(p.attachments.at(0), parent.attachments.at(0));
        QVERIFY(p.attachments.at(0).isImage());
        QCOMPARE(p.attachments.at(1), parent.attachments.at(1));
        QCOMPARE(p.reactions, parent.reactions);
        QVERIFY(p.preview.has_value());
        QCOMPARE(*p.preview, *parent.preview);
        QCOMPARE(p.mentions, parent.mentions);
        QCOMPARE(p.createdAt, t0);
        QCOMPARE(p.editedAt, t0 + 60000);
        QVERIFY(p.isEdited());
        QCOMPARE(p.deletedAt, 0);
        QVERIFY(p.wire() == parent.wire());

        const Message &r = back.at(1);
        QCOMPARE(r.parentId, parent.id);
        QVERIFY(r.isReply());
        QCOMPARE(r.editedAt, 0);
        QVERIFY(!r.preview.has_value());
        QVERIFY(r.wire() == reply.wire());

        const Message &d = back.at(2);
        QVERIFY(d.isDeleted());
        QCOMPARE(d.deletedAt, t0 + 3000); // not the creation time
        QCOMPARE(d.createdAt, t0 + 2000);
        QCOMPARE(d.text, QString());
        QVERIFY(d.wire() == deleted.wire());
    }

    void cacheKeepsEveryFieldOfAChannel()
    {
        Channel group;
        group.id = Wire::Id(7);
        group.type = Wire::ChannelType::Group;
        group.name = QStringLiteral("design-review");
        group.topic = QStringLiteral("Fridays at three");
        group.visibility = Wire::Visibility::Private;
        group.createdBy = Wire::Id(2);
        group.createdAt = parseIsoTime(u"2026-02-01T09:00:00.250Z");
        group.memberCount = 5;
        group.lastMessageAt = parseIsoTime(u"2026-03-01T10:00:00.123Z");
        group.lastSeq = 812;
        group.unreadCount = 4;
        group.mentionCount = 1;
        group.lastReadMessageId = Wire::Id(1234567890123);
        group.role = Wire::Role::Admin;
        group.pinPolicy = Wire::PinPolicy::Admins;

        Channel direct;
        direct.id = Wire::Id(8);
        direct.type = Wire::ChannelType::Direct;
        direct.name = QStringLiteral("Bob");
        direct.visibility = Wire::Visibility::Private;
        direct.createdBy = Wire::Id(1);
        direct.createdAt = parseIsoTime(u"2026-02-02T09:00:00.000Z");
        direct.memberCount = 2;
        direct.role = Wire::Role::Member;
        // Local state: not part of the wire form, so not cached.
        direct.peerId = Wire::Id(3);
        direct.peerOnline = true;

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        {
            Cache cache;
            QVERIFY(cache.open(path));
            cache.saveChannels({ group, direct });
        }
        Cache cache; // read back by a new run, from the file
        QVERIFY(cache.open(path));
        const QList<Channel> back = cache.channels();
        QCOMPARE(back.size(), 2);

        const Channel &g = back.at(0); // newest activity first; the direct one has none
        QCOMPARE(g.id, Wire::Id(7));
        QCOMPARE(g.type, Wire::ChannelType::Group);
        QCOMPARE(g.name, group.name);
        QCOMPARE(g.topic, group.topic);
        QCOMPARE(g.visibility, Wire::Visibility::Private);
        QCOMPARE(g.createdBy, Wire::Id(2));
        QCOMPARE(g.createdAt, group.createdAt);
        QCOMPARE(g.memberCount, 5);
        QCOMPARE(g.lastMessageAt, group.lastMessageAt);
        QCOMPARE(g.lastSeq, 812);
        QCOMPARE(g.unreadCount, 4);
        QCOMPARE(g.mentionCount, 1);
        QCOMPARE(g.lastReadMessageId, Wire::Id(1234567890123));
        QCOMPARE(g.role, Wire::Role::Admin);
        QCOMPARE(g.pinPolicy, Wire::PinPolicy::Admins);
        QVERIFY(g.canManage());
        QVERIFY(g.wire() == group.wire());

        const Channel &d = back.at(1);
        QVERIFY(d.isDirect());
        QVERIFY(d.wire() == direct.wire());
        QVERIFY(!d.peerId.isValid());
        QVERIFY(!d.peerOnline);

        // Saving one channel again replaces it; removing it takes it out.
        group.topic = QStringLiteral("Moved to Thursdays");
        cache.saveChannel(group);
        cache.removeChannel(Wire::Id(8));
        QCOMPARE(cache.channels().size(), 1);
        QCOMPARE(cache.channels().first().topic, QStringLiteral("Moved to Thursdays"));
    }

    void cacheAppliesReactionsAndTombstones()
    {
        // What the session does with a live reaction or delete: change the cached copy in place.
        QTemporaryDir dir;
        Cache cache;
        QVERIFY(cache.open(dir.filePath(QStringLiteral("cache.sqlite"))));
        Message m = message(Wire::Id(7), 1);
        m.reactions = { { QStringLiteral("👍"), 1, false } };
        m.mentions = { Wire::Id(2) };
        cache.storeMessages({ m });
        std::optional<Message> cached = cache.message(Wire::Id(7), m.id);
        QVERIFY(cached);
        QVERIFY(cached->applyReaction(QStringLiteral("👍"), true, true));
        cache.storeMessages({ *cached });
        QCOMPARE(cache.message(Wire::Id(7), m.id)->reactions,
            (QList<Wire::Reaction> { { QStringLiteral("👍"), 2, true } }));
        cached = cache.message(Wire::Id(7), m.id);
        cached->makeTombstone(parseIsoTime(u"2026-03-01T11:00:00.000Z"));
        cache.storeMessages({ *cached });
        const Message d = *cache.message(Wire::Id(7), m.id);
        QVERIFY(d.isDeleted());
        QVERIFY(d.text.isEmpty());
        QVERIFY(d.reactions.isEmpty());
        QVERIFY(d.mentions.isEmpty());
        QCOMPARE(d.createdAt, m.createdAt);
    }

    void channelListOrdersByActivity()
    {
        ChannelListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setChannels({ channel(Wire::Id(1), QStringLiteral("2026-03-01T10:00:00.000Z")),
            channel(Wire::Id(2), QStringLiteral("2026-03-03T10:00:00.000Z")),
            channel(Wire::Id(3), QStringLiteral("2026-03-02T10:00:00.000Z")) });
        QCOMPARE(model.channelAt(0).id, Wire::Id(2));
        Channel one = model.channelAt(2);
        QCOMPARE(one.id, Wire::Id(1));
        one.lastMessageAt = parseIsoTime(u"2026-03-04T10:00:00.000Z");
        one.unreadCount = 3;
        model.upsert(one);
        QCOMPARE(model.channelAt(0).id, Wire::Id(1));
        QCOMPARE(model.index(0).data(ChannelListModel::UnreadRole).toInt(), 3);
        QCOMPARE(model.index(0).data(ChannelListModel::IdRole).toString(), QStringLiteral("1"));
        QCOMPARE(model.index(0).data(ChannelListModel::TypeRole).toString(), QStringLiteral("group"));
        QCOMPARE(model.channelAt(1).id, Wire::Id(2));
        model.upsert(channel(Wire::Id(4), QStringLiteral("2026-03-02T12:00:00.000Z")));
        QCOMPARE(model.rowOf(Wire::Id(4)), 2);
        // A channel without messages goes last.
        model.upsert(channel(Wire::Id(5), QString()));
        QCOMPARE(model.rowOf(Wire::Id(5)), 4);
        model.remove(Wire::Id(2));
        QCOMPARE(model.rowCount(), 4);
    }

    void typingStartsAtMostOncePerInterval()
    {
        TypingNotifier typing;
        QSignalSpy started(&typing, &TypingNotifier::typingStarted);
        QSignalSpy stopped(&typing, &TypingNotifier::typingStopped);
        for (int i = 0; i < 10; ++i)
            typing.keyPressed();
        QCOMPARE(started.size(), 1);
        QCOMPARE(stopped.size(), 0);
        typing.messageSent();
        QCOMPARE(stopped.size(), 1);
        typing.messageSent();
        QCOMPARE(stopped.size(), 1);
        typing.keyPressed();
        QCOMPARE(started.size(), 2);
    }

    void typingStopsWhenIdle()
    {
        TypingNotifier typing;
        typing.setIntervals(2000, 10);
        QSignalSpy stopped(&typing, &TypingNotifier::typingStopped);
        typing.keyPressed();
        QVERIFY(stopped.wait());
        QVERIFY(!typing.isTyping());
    }

    void normalizesServerAddresses_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("host") << "chat.example.com"
                              << "http://chat.example.com:8787";
        QTest::newRow("host:port") << "127.0.0.1:9000"
                                   << "http://127.0.0.1:9000";
        QTest::newRow("https") << "https://chat.example.com"
                               << "https://chat.example.com";
        QTest::newRow("path dropped") << "http://h:1/x/y"
                                      << "http://h:1";
        QTest::newRow("empty") << "  "
                               << "";
    }
    void normalizesServerAddresses()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(normalizeServerUrl(input).toString(), expected);
    }

    void gatewayUrlFollowsScheme()
    {
        ApiClient api(nullptr);
        api.setBaseUrl(QUrl(QStringLiteral("https://chat.example.com")));
        QCOMPARE(api.gatewayUrl().toString(), QStringLiteral("wss://chat.example.com/api/v1/ws"));
        api.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:8787")));
        QCOMPARE(api.gatewayUrl().toString(), QStringLiteral("ws://127.0.0.1:8787/api/v1/ws"));
    }
};

QTEST_GUILESS_MAIN(TestCore)
#include "tst_core.moc"
