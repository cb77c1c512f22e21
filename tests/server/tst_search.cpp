#include "testclient.h"
#include "testserver.h"

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
        QVERIFY(!ids(u"hunter2"_qs, m_ana).size());
        QCOMPARE(ids(u"pipeline"_qs, m_ben).size(), 2);
        QCOMPARE(ids(u"pipleine"_qs, m_ana).size(), 1);
        QCOMPARE(rest.request("PATCH", u"/api/v1/messages/"_qs + m_edited,
                         R"({"text":"an old typo: pipeline"})", m_ana.token)
                     .status,
            200);
        QCOMPARE(ids(u"pipleine"_qs, m_ana).size(), 0);
        QCOMPARE(ids(u"pipeline"_qs, m_ben).size(), 3);
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
