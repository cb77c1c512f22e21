#include "testclient.h"
#include "testserver.h"

#include <QJsonArray>
#include <QTest>

class TestAccounts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        m_probe = RestClient(m_server).registerUser(u"probe"_qs);
        QVERIFY(!m_probe.token.isEmpty());
    }

    void registerReturnsUserAndToken()
    {
        RestClient rest(m_server);
        const auto r = rest.post(u"/api/v1/auth/register"_qs,
            { { u"username"_qs, u"Ana.B"_qs }, { u"password"_qs, u"correct horse"_qs },
                { u"displayName"_qs, u"Ana B"_qs } });
        QCOMPARE(r.status, 201);
        const auto user = r.json.value(u"user").toObject();
        QVERIFY(!user.value(u"id").toString().isEmpty());
        QCOMPARE(user.value(u"username").toString(), u"Ana.B"_qs);
        QCOMPARE(user.value(u"displayName").toString(), u"Ana B"_qs);
        QVERIFY(user.contains(u"online"));
        QVERIFY(user.contains(u"lastSeen"));
        QVERIFY(r.json.value(u"token").toString().size() >= 32);
    }

    void usernameTakenWithoutRegardToCase()
    {
        RestClient rest(m_server);
        QVERIFY(!rest.registerUser(u"bruno"_qs).id.isEmpty());
        const auto r = rest.post(u"/api/v1/auth/register"_qs,
            { { u"username"_qs, u"BRUNO"_qs }, { u"password"_qs, u"another password"_qs } });
        QCOMPARE(r.status, 409);
        QCOMPARE(r.errorCode(), u"conflict"_qs);
    }

    void badRegistrations_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::newRow("malformed json") << QByteArray(R"({"username":)") << 400;
        QTest::newRow("not an object") << QByteArray(R"(["x"])") << 400;
        QTest::newRow("missing password") << QByteArray(R"({"username":"carla"})") << 400;
        QTest::newRow("username number") << QByteArray(R"({"username":5,"password":"password1"})") << 400;
        QTest::newRow("username short") << QByteArray(R"({"username":"ab","password":"password1"})") << 400;
        QTest::newRow("username long")
            << QByteArray(R"({"username":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","password":"password1"})")
            << 400;
        QTest::newRow("username chars")
            << QByteArray(R"({"username":"carla!","password":"password1"})") << 400;
        QTest::newRow("password short") << QByteArray(R"({"username":"carla","password":"short"})") << 400;
        QTest::newRow("display blank")
            << QByteArray(R"({"username":"carla","password":"password1","displayName":"   "})") << 400;
        QTest::newRow("display type")
            << QByteArray(R"({"username":"carla","password":"password1","displayName":[]})") << 400;
    }
    void badRegistrations()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        RestClient rest(m_server);
        const auto r = rest.request("POST", u"/api/v1/auth/register"_qs, body);
        QCOMPARE(r.status, status);
        QCOMPARE(r.errorCode(), u"bad_request"_qs);
        QVERIFY(!r.json.value(u"error").toObject().value(u"message").toString().isEmpty());
        // Nothing was created: the name is still free.
        QCOMPARE(
            rest.get(u"/api/v1/users?query=carla"_qs, m_probe.token).json.value(u"users").toArray().size(),
            0);
    }

    void passwordTooLong()
    {
        RestClient rest(m_server);
        const auto r = rest.post(u"/api/v1/auth/register"_qs,
            { { u"username"_qs, u"dora"_qs }, { u"password"_qs, QString(1025, u'p') } });
        QCOMPARE(r.status, 400);
    }

    void wrongContentType()
    {
        RestClient rest(m_server);
        const auto r = rest.request("POST", u"/api/v1/auth/login"_qs, "username=a&password=b", {},
            { { "Content-Type", "application/x-www-form-urlencoded" } });
        QCOMPARE(r.status, 415);
        QCOMPARE(r.errorCode(), u"unsupported_media_type"_qs);
    }

    void loginWrongPasswordLooksLikeUnknownUser()
    {
        RestClient rest(m_server);
        rest.registerUser(u"edu"_qs);
        const auto good = rest.post(u"/api/v1/auth/login"_qs,
            { { u"username"_qs, u"EDU"_qs }, { u"password"_qs, u"correct horse battery"_qs } });
        QCOMPARE(good.status, 200);
        QVERIFY(!good.json.value(u"token").toString().isEmpty());
        const auto wrong = rest.post(u"/api/v1/auth/login"_qs,
            { { u"username"_qs, u"edu"_qs }, { u"password"_qs, u"wrong password"_qs } });
        const auto unknown = rest.post(u"/api/v1/auth/login"_qs,
            { { u"username"_qs, u"nobody"_qs }, { u"password"_qs, u"wrong password"_qs } });
        QCOMPARE(wrong.status, 401);
        QCOMPARE(unknown.status, 401);
        QCOMPARE(wrong.body, unknown.body);
    }

    void meAndLookup()
    {
        RestClient rest(m_server);
        const auto fran = rest.registerUser(u"fran"_qs);
        rest.registerUser(u"franco"_qs);
        rest.registerUser(u"gil"_qs);
        const auto me = rest.get(u"/api/v1/users/me"_qs, fran.token);
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json.value(u"id").toString(), fran.id);
        const auto found = rest.get(u"/api/v1/users?query=FRA&limit=20"_qs, fran.token);
        QCOMPARE(found.status, 200);
        QCOMPARE(found.json.value(u"users").toArray().size(), 2);
        QCOMPARE(
            rest.get(u"/api/v1/users?query=fra&limit=1"_qs, fran.token).json.value(u"users").toArray().size(),
            1);
        QCOMPARE(rest.get(u"/api/v1/users?query=fra&limit=0"_qs, fran.token).status, 400);
        QCOMPARE(rest.get(u"/api/v1/users?query=fra&limit=abc"_qs, fran.token).status, 400);
        // LIKE wildcards are literal.
        QCOMPARE(
            rest.get(u"/api/v1/users?query=%25"_qs, fran.token).json.value(u"users").toArray().size(), 0);
        QCOMPARE(rest.get(u"/api/v1/users/"_qs + fran.id, fran.token).json.value(u"username").toString(),
            u"fran"_qs);
        QCOMPARE(rest.get(u"/api/v1/users/123"_qs, fran.token).status, 404);
        QCOMPARE(rest.get(u"/api/v1/users/abc"_qs, fran.token).status, 404);
    }

    void unauthenticated_data()
    {
        QTest::addColumn<QString>("token");
        QTest::newRow("none") << QString();
        QTest::newRow("garbage") << u"not-a-token"_qs;
        QTest::newRow("huge") << QString(5000, u'x');
    }
    void unauthenticated()
    {
        QFETCH(QString, token);
        RestClient rest(m_server);
        for (const QString &path :
            { u"/api/v1/users/me"_qs, u"/api/v1/channels"_qs, u"/api/v1/users?query=a"_qs }) {
            const auto r = rest.get(path, token);
            QCOMPARE(r.status, 401);
            QCOMPARE(r.errorCode(), u"unauthorized"_qs);
        }
    }

    void logoutRevokesEverywhere()
    {
        RestClient rest(m_server);
        const auto hana = rest.registerUser(u"hana"_qs);
        const auto second
            = rest.post(u"/api/v1/auth/login"_qs,
                      { { u"username"_qs, u"hana"_qs }, { u"password"_qs, u"correct horse battery"_qs } })
                  .json.value(u"token")
                  .toString();
        GatewayClient g1, g2;
        QVERIFY(g1.open(m_server, hana.token));
        QVERIFY(g2.open(m_server, second));
        QCOMPARE(rest.request("POST", u"/api/v1/auth/logout"_qs, {}, hana.token).status, 204);
        QCOMPARE(rest.get(u"/api/v1/users/me"_qs, hana.token).status, 401);
        QVERIFY(g1.waitClosed());
        QCOMPARE(g1.closeCode(), 4002);
        // The other session is untouched.
        QVERIFY(g2.noFrame(u"error"_qs, 200));
        QVERIFY(g2.isOpen());
        QCOMPARE(rest.get(u"/api/v1/users/me"_qs, second).status, 200);
        GatewayClient g3;
        QVERIFY(!g3.open(m_server, hana.token));
        QCOMPARE(rest.request("POST", u"/api/v1/auth/logout"_qs, {}, hana.token).status, 401);
    }

private:
    TestServer m_server;
    TestAccount m_probe;
};

QTEST_GUILESS_MAIN(TestAccounts)
#include "tst_accounts.moc"
