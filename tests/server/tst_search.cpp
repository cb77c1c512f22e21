#include "testclient.h"
#include "testserver.h"

#include <QFile>
#include <QJsonArray>
#include <QTest>

class TestSearch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        RestClient rest(m_server);
        m_ana = rest.registerUser(u"ana"_qs);
        m_ben = rest.registerUser(u"ben"_qs);
        m_mine = rest.createChannel(m_ana, u"mine"_qs, u"private"_qs, { m_ben.id });
        m_secret = rest.createChannel(m_ana, u"secret"_qs, u"private"_qs);
        m_public = rest.createChannel(m_ana, u"public"_qs, u"public"_qs);
        post(m_mine, u"s1"_qs, u"The deployment pipeline is green"_qs);
        post(m_mine, u"s2"_qs, u"Déploiement prévu demain, pipeline ready"_qs);
        post(m_secret, u"s3"_qs, u"secret pipeline numbers"_qs);
        post(m_public, u"s4"_qs, u"public pipeline notes"_qs);
        m_deleted = post(m_mine, u"s5"_qs, u"pipeline password is hunter2"_qs);
        m_edited = post(m_mine, u"s6"_qs, u"an old typo: pipleine"_qs);
        // The index is written by a thread of its own, a moment after each ack.
        QTRY_COMPARE(ids(u"pipleine"_qs, m_ana).size(), 1);
    }

    void onlyMyChannelsNewestFirst()
    {
        const auto found = ids(u"pipeline"_qs, m_ben);
        // Ben is in `mine` only: not the secret channel, not the public one he never joined.
        QCOMPARE(found.size(), 3);
        QCOMPARE(texts(u"pipeline"_qs, m_ben).first(), u"pipeline password is hunter2"_qs);
        QCOMPARE(ids(u"pipeline"_qs, m_ana).size(), 5);
    }

    void deletedAndEditedAreKeptInStep()
    {
        RestClient rest(m_server);
        QCOMPARE(rest.del(u"/api/v1/messages/"_qs + m_deleted, m_ana.token).status, 204);
        // Gone at once: a deleted message is never a result, whatever the index says yet.
        QVERIFY(!ids(u"hunter2"_qs, m_ana).size());
        QCOMPARE(ids(u"pipeline"_qs, m_ben).size(), 2);
        QCOMPARE(ids(u"pipleine"_qs, m_ana).size(), 1);
        QCOMPARE(rest.request("PATCH", u"/api/v1/messages/"_qs + m_edited,
                         R"({"text":"an old typo: pipeline"})", m_ana.token)
                     .status,
            200);
        QTRY_COMPARE(ids(u"pipleine"_qs, m_ana).size(), 0);
        QCOMPARE(ids(u"pipeline"_qs, m_ben).size(), 3);
        QCOMPARE(ids(u"typo"_qs, m_ben).size(), 1);
    }

    // search.db is derived from natter.db: after a restart it catches up with what it missed, and without the
    // file it is rebuilt, edits and deletions included.
    void indexIsRebuiltFromTheStore()
    {
        if (TestServer::usesPostgres())
            QSKIP("SQLite's search.db; PostgreSQL indexes in the message's own transaction");
        TestServer server({ u"--rate-limit"_qs, u"0"_qs });
        QVERIFY(server.start());
        RestClient rest(server);
        const auto [ana, ben, ch] = rest.registerPair(u"rebuild"_qs);
        QStringList sent;
        for (int i = 0; i < 30; ++i)
            sent.append(rest.post(u"/api/v1/channels/"_qs + ch + u"/messages"_qs,
                                {
                                    { u"clientMsgId"_qs, u"r%1"_qs.arg(i) },
                                    { u"text"_qs, u"kumquat number %1 w%1"_qs.arg(i) },
                                },
                                ana.token)
                            .json.value(u"id")
                            .toString());
        QCOMPARE(
            rest.request("PATCH", u"/api/v1/messages/"_qs + sent.at(3), R"({"text":"now a lime"})", ana.token)
                .status,
            200);
        QCOMPARE(rest.del(u"/api/v1/messages/"_qs + sent.at(4), ana.token).status, 204);
        const auto count = [&](const QString &q) {
            return RestClient(server)
                .get(u"/api/v1/search?q="_qs + q + u"&limit=100"_qs, ben.token)
                .json.value(u"messages")
                .toArray()
                .size();
        };
        // Both at once: 28 kumquats alone could also mean the edit is not applied yet and the newest message
        // is not indexed yet.
        QTRY_VERIFY(count(u"kumquat"_qs) == 28 && count(u"lime"_qs) == 1);

        server.stop();
        QVERIFY(QFile::remove(server.dataDir() + u"/search.db"_qs));
        QFile::remove(server.dataDir() + u"/search.db-wal"_qs);
        QFile::remove(server.dataDir() + u"/search.db-shm"_qs);
        QVERIFY(server.start());
        // Both at once: 28 kumquats alone could also mean the edit is not applied yet and the newest message
        // is not indexed yet.
        QTRY_VERIFY(count(u"kumquat"_qs) == 28 && count(u"lime"_qs) == 1);
        QCOMPARE(count(u"w3"_qs), 0);
        QCOMPARE(count(u"w4"_qs), 0);
        QCOMPARE(count(u"w29"_qs), 1);

        // An edit after the rebuild replaces the rebuilt entry.
        QCOMPARE(
            RestClient(server)
                .request("PATCH", u"/api/v1/messages/"_qs + sent.at(5), R"({"text":"a lime too"})", ana.token)
                .status,
            200);
        QTRY_COMPARE(count(u"lime"_qs), 2);
        QCOMPARE(count(u"kumquat"_qs), 27);
    }

    // natter.db restored from a backup behind a newer search.db: the index would skip the edits the restored
    // store makes next, so it is rebuilt from the store at start.
    void indexAheadOfARestoredStoreIsRebuilt()
    {
        if (TestServer::usesPostgres())
            QSKIP("SQLite's search.db and natter.db files; PostgreSQL indexes in the message's own transaction");
        TestServer server({ u"--rate-limit"_qs, u"0"_qs });
        QVERIFY(server.start());
        const auto [ana, ben, ch] = RestClient(server).registerPair(u"restore"_qs);
        const auto send = [&, ch = ch, ana = ana](const QString &id, const QString &text) {
            return RestClient(server)
                .post(u"/api/v1/channels/"_qs + ch + u"/messages"_qs,
                    { { u"clientMsgId"_qs, id }, { u"text"_qs, text } }, ana.token)
                .json.value(u"id")
                .toString();
        };
        const auto count = [&, ben = ben](const QString &q) {
            return RestClient(server)
                .get(u"/api/v1/search?q="_qs + q, ben.token)
                .json.value(u"messages")
                .toArray()
                .size();
        };
        const auto edit = [&, ana = ana](const QString &id, const QByteArray &body) {
            return RestClient(server).request("PATCH", u"/api/v1/messages/"_qs + id, body, ana.token).status;
        };
        const QString kept = send(u"k1"_qs, u"apricot before the backup"_qs);
        server.stop();
        const QString db = server.dataDir() + u"/natter.db"_qs;
        QVERIFY(QFile::copy(db, db + u".backup"_qs));

        QVERIFY(server.start());
        send(u"k2"_qs, u"apricot after the backup"_qs);
        QCOMPARE(edit(kept, R"({"text":"fig, edited after the backup"})"), 200);
        QTRY_COMPARE(count(u"fig"_qs), 1);
        QCOMPARE(count(u"apricot"_qs), 1);
        server.stop();
        QVERIFY(QFile::remove(db));
        QVERIFY(QFile::rename(db + u".backup"_qs, db));

        QVERIFY(server.start());
        QTRY_COMPARE(count(u"apricot"_qs), 1);
        QCOMPARE(count(u"fig"_qs), 0);
        QCOMPARE(count(u"after"_qs), 0);
        QCOMPARE(edit(kept, R"({"text":"plum, edited after the restore"})"), 200);
        QTRY_COMPARE(count(u"plum"_qs), 1);
        QCOMPARE(count(u"apricot"_qs), 0);
    }

    void prefixAndDiacritics()
    {
        QCOMPARE(ids(u"deploi"_qs, m_ben).size(), 1); // prefix of the last word, accents folded
        QCOMPARE(ids(u"pipeline green"_qs, m_ben).size(), 1); // all words must match
    }

    void channelFilterAndPaging()
    {
        RestClient rest(m_server);
        auto r = rest.get(u"/api/v1/search?q=pipeline&channelId="_qs + m_secret, m_ana.token);
        QCOMPARE(r.json.value(u"messages").toArray().size(), 1);
        QCOMPARE(rest.get(u"/api/v1/search?q=pipeline&channelId="_qs + m_secret, m_ben.token).status, 404);
        QCOMPARE(rest.get(u"/api/v1/search?q=pipeline&channelId="_qs + m_public, m_ben.token).status, 403);
        r = rest.get(u"/api/v1/search?q=pipeline&limit=2"_qs, m_ana.token);
        QCOMPARE(r.json.value(u"messages").toArray().size(), 2);
        QVERIFY(r.json.value(u"hasMore").toBool());
        const QString last = r.json.value(u"messages").toArray().last().toObject().value(u"id").toString();
        r = rest.get(u"/api/v1/search?q=pipeline&limit=2&before="_qs + last, m_ana.token);
        QCOMPARE(r.json.value(u"messages").toArray().size(), 2);
    }

    // Pages are the newest matches whether they lie among the newest messages or far below them: on
    // PostgreSQL the first query reads a window of the newest messages (made 7 here) and the rest come from
    // the index below it (SearchService). Paged three at a time through both, in one channel and in all.
    void pagesAcrossTheNewestWindow()
    {
        TestServer server({ u"--rate-limit"_qs, u"0"_qs, u"--search-window"_qs, u"7"_qs });
        QVERIFY(server.start());
        RestClient rest(server);
        const auto [ana, ben, shared] = rest.registerPair(u"window"_qs);
        const QString own = rest.createChannel(ana, u"own"_qs, u"private"_qs);
        // 60 messages, two channels interleaved; every third in `shared` and every fourth in `own` mention a
        // walnut, and one fig lies far below the window.
        QStringList sharedWalnuts, allWalnuts;
        for (int i = 0; i < 60; ++i) {
            const bool inShared = i % 2 == 0;
            const bool walnut = inShared ? i % 3 == 0 : i % 4 == 1;
            const QString text = i == 2 ? u"a fig"_qs : walnut ? u"walnut %1"_qs.arg(i) : u"filler %1"_qs.arg(i);
            const QString id = rest.post(u"/api/v1/channels/"_qs + (inShared ? shared : own) + u"/messages"_qs,
                                       { { u"clientMsgId"_qs, u"w%1"_qs.arg(i) }, { u"text"_qs, text } },
                                       ana.token)
                                   .json.value(u"id")
                                   .toString();
            QVERIFY(!id.isEmpty());
            if (walnut) {
                allWalnuts.prepend(id);
                if (inShared)
                    sharedWalnuts.prepend(id);
            }
        }
        const auto pages = [&](const TestAccount &who, const QString &q, const QString &channel) {
            QStringList found;
            QString before;
            for (int page = 0; page < 40; ++page) {
                QString path = u"/api/v1/search?limit=3&q="_qs + q;
                if (!channel.isEmpty())
                    path += u"&channelId="_qs + channel;
                if (!before.isEmpty())
                    path += u"&before="_qs + before;
                const auto r = RestClient(server).get(path, who.token);
                if (r.status != 200)
                    return QStringList { u"status %1"_qs.arg(r.status) };
                const QJsonArray messages = r.json.value(u"messages").toArray();
                for (const auto &m : messages)
                    found.append(m.toObject().value(u"id").toString());
                if (!r.json.value(u"hasMore").toBool())
                    return found;
                if (messages.isEmpty())
                    return QStringList { u"hasMore without messages"_qs };
                before = found.last();
            }
            return QStringList { u"more than 40 pages"_qs };
        };
        // The index is written a moment after each ack on SQLite.
        QTRY_COMPARE(pages(ana, u"walnut"_qs, {}), allWalnuts);
        QCOMPARE(pages(ben, u"walnut"_qs, {}), sharedWalnuts); // ben is not in `own`
        QCOMPARE(pages(ana, u"walnut"_qs, shared), sharedWalnuts);
        QCOMPARE(pages(ana, u"wal"_qs, own).size(), allWalnuts.size() - sharedWalnuts.size());
        QCOMPARE(pages(ben, u"fig"_qs, {}).size(), 1);
        QCOMPARE(pages(ben, u"nowhere"_qs, {}), QStringList());
    }

    void hostileQueries_data()
    {
        QTest::addColumn<QString>("q");
        QTest::addColumn<int>("status");
        QTest::newRow("fts syntax") << u"pipeline OR NEAR(\"a\" b) *"_qs << 200;
        QTest::newRow("quotes") << u"\"\"\"unbalanced"_qs << 200;
        QTest::newRow("column filter") << u"text:pipeline"_qs << 200;
        QTest::newRow("punctuation only") << u"*** ---"_qs << 400;
        QTest::newRow("empty") << QString() << 400;
        QTest::newRow("too long") << QString(201, u'a') << 400;
    }
    void hostileQueries()
    {
        QFETCH(QString, q);
        QFETCH(int, status);
        RestClient rest(m_server);
        const auto r = rest.get(
            u"/api/v1/search?q="_qs + QString::fromLatin1(QUrl::toPercentEncoding(q)), m_ben.token);
        QCOMPARE(r.status, status);
    }

private:
    QString post(const QString &ch, const QString &cid, const QString &text)
    {
        RestClient rest(m_server);
        return rest
            .post(u"/api/v1/channels/"_qs + ch + u"/messages"_qs,
                { { u"clientMsgId"_qs, cid }, { u"text"_qs, text } }, m_ana.token)
            .json.value(u"id")
            .toString();
    }
    QJsonArray results(const QString &q, const TestAccount &who)
    {
        RestClient rest(m_server);
        return rest.get(u"/api/v1/search?q="_qs + QString::fromLatin1(QUrl::toPercentEncoding(q)), who.token)
            .json.value(u"messages")
            .toArray();
    }
    QStringList ids(const QString &q, const TestAccount &who)
    {
        QStringList out;
        for (const auto &m : results(q, who))
            out.append(m.toObject().value(u"id").toString());
        return out;
    }
    QStringList texts(const QString &q, const TestAccount &who)
    {
        QStringList out;
        for (const auto &m : results(q, who))
            out.append(m.toObject().value(u"text").toString());
        return out;
    }

    TestServer m_server { { u"--rate-limit"_qs, u"0"_qs } };
    TestAccount m_ana, m_ben;
    QString m_mine, m_secret, m_public, m_deleted, m_edited;
};

QTEST_GUILESS_MAIN(TestSearch)
#include "tst_search.moc"
