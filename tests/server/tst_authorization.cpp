#include "testclient.h"
#include "testserver.h"

#include <QTest>

// Issue 15: a message id must not tell an outsider that a private channel or a direct conversation exists. For
// every request and frame that names a message, the refusal for a real message the caller may not see is
// exactly the answer for an id that does not exist (status, code and message). A public channel's messages are
// refused with 403 (the channel is listed for everyone; docs/protocol.md).
class TestAuthorization : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        RestClient rest(m_server);
        m_owner = rest.registerUser(u"owner"_qs);
        m_peer = rest.registerUser(u"peer"_qs);
        m_outsider = rest.registerUser(u"outsider"_qs);
        m_removed = rest.registerUser(u"removed"_qs);
        QVERIFY(!m_removed.token.isEmpty());

        const QString priv = rest.createChannel(m_owner, u"secret"_qs, u"private"_qs, { m_removed.id });
        QVERIFY(!priv.isEmpty());
        m_private = post(priv, m_owner, u"in private"_qs);
        m_removedOwn = post(priv, m_removed, u"mine, before I was removed"_qs);
        const auto removed = rest.del(u"/api/v1/channels/%1/members/%2"_qs.arg(priv, m_removed.id), m_owner.token);
        QCOMPARE(removed.status, 204);

        const auto direct = rest.post(u"/api/v1/channels"_qs,
            { { u"type"_qs, u"direct"_qs }, { u"memberIds"_qs, QJsonArray { m_peer.id } } }, m_owner.token);
        QVERIFY2(direct.status == 200 || direct.status == 201, direct.body.constData());
        m_direct = post(direct.json.value(u"id").toString(), m_owner, u"just us"_qs);

        const QString pub = rest.createChannel(m_owner, u"lobby"_qs, u"public"_qs);
        m_public = post(pub, m_owner, u"in public"_qs);
        QVERIFY(!m_private.isEmpty() && !m_removedOwn.isEmpty() && !m_direct.isEmpty() && !m_public.isEmpty());
    }

    void restRefusalIsAMissingMessage_data()
    {
        QTest::addColumn<QByteArray>("verb");
        QTest::addColumn<QString>("path"); // %1 is the message id
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("edit") << QByteArray("PATCH") << u"/api/v1/messages/%1"_qs << QByteArray(R"({"text":"x"})");
        QTest::newRow("delete") << QByteArray("DELETE") << u"/api/v1/messages/%1"_qs << QByteArray();
        QTest::newRow("pin") << QByteArray("POST") << u"/api/v1/messages/%1/pin"_qs << QByteArray("{}");
        QTest::newRow("unpin") << QByteArray("DELETE") << u"/api/v1/messages/%1/pin"_qs << QByteArray();
        QTest::newRow("replies") << QByteArray("GET") << u"/api/v1/messages/%1/replies"_qs << QByteArray();
    }
    void restRefusalIsAMissingMessage()
    {
        QFETCH(QByteArray, verb);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        RestClient rest(m_server);
        const HttpResult missing = rest.request(verb, path.arg(MissingId), body, m_outsider.token);
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.errorCode(), u"not_found"_qs);
        const struct
        {
            const char *what;
            QString id;
            TestAccount caller;
        } cases[] = { { "private", m_private, m_outsider }, { "direct", m_direct, m_outsider },
            { "removed member's own", m_removedOwn, m_removed } };
        for (const auto &c : cases) {
            const HttpResult refused = rest.request(verb, path.arg(c.id), body, c.caller.token);
            QVERIFY2(refused.status == missing.status && refused.json == missing.json,
                qPrintable(u"%1: %2 %3 against %4"_qs.arg(QString::fromLatin1(c.what)).arg(refused.status)
                               .arg(QString::fromUtf8(refused.body), QString::fromUtf8(missing.body))));
        }
        // A public channel's message: 403, as for the channel itself.
        const HttpResult pub = rest.request(verb, path.arg(m_public), body, m_outsider.token);
        QCOMPARE(pub.status, 403);
        QCOMPARE(pub.errorCode(), u"forbidden"_qs);
    }

    void gatewayRefusalIsAMissingMessage_data()
    {
        QTest::addColumn<QJsonObject>("frame"); // without messageId
        QTest::newRow("message.edit") << QJsonObject { { u"type"_qs, u"message.edit"_qs }, { u"text"_qs, u"x"_qs } };
        QTest::newRow("message.delete") << QJsonObject { { u"type"_qs, u"message.delete"_qs } };
        QTest::newRow("message.pin") << QJsonObject { { u"type"_qs, u"message.pin"_qs } };
        QTest::newRow("message.unpin") << QJsonObject { { u"type"_qs, u"message.unpin"_qs } };
        QTest::newRow("reaction.add")
            << QJsonObject { { u"type"_qs, u"reaction.add"_qs }, { u"emoji"_qs, u"👍"_qs } };
        QTest::newRow("reaction.remove")
            << QJsonObject { { u"type"_qs, u"reaction.remove"_qs }, { u"emoji"_qs, u"👍"_qs } };
    }
    void gatewayRefusalIsAMissingMessage()
    {
        QFETCH(QJsonObject, frame);
        GatewayClient outsider;
        QVERIFY(outsider.open(m_server, m_outsider.token));
        GatewayClient removed;
        QVERIFY(removed.open(m_server, m_removed.token));
        const auto errorOf = [&frame](GatewayClient &client, const QString &messageId) {
            QJsonObject f = frame;
            f.insert(u"messageId"_qs, messageId);
            const QJsonObject answer = client.call(f);
            return std::pair { answer.value(u"type").toString(), answer.value(u"error").toObject() };
        };
        const auto missing = errorOf(outsider, QString::fromLatin1(MissingId));
        QCOMPARE(missing.first, u"error"_qs);
        QCOMPARE(missing.second.value(u"code").toString(), u"not_found"_qs);
        QCOMPARE(errorOf(outsider, m_private), missing);
        QCOMPARE(errorOf(outsider, m_direct), missing);
        QCOMPARE(errorOf(removed, m_removedOwn), missing);
        const auto pub = errorOf(outsider, m_public);
        QCOMPARE(pub.first, u"error"_qs);
        QCOMPARE(pub.second.value(u"code").toString(), u"forbidden"_qs);
    }

private:
    static constexpr const char *MissingId = "999999999999999";

    QString post(const QString &channel, const TestAccount &author, const QString &text)
    {
        RestClient rest(m_server);
        const auto r = rest.post(
            u"/api/v1/channels/%1/messages"_qs.arg(channel), { { u"text"_qs, text }, { u"clientMsgId"_qs, u"c-%1"_qs.arg(++m_clientMsgs) } },
            author.token);
        if (r.status != 201)
            qWarning("post failed: %d %s", r.status, r.body.constData());
        return r.json.value(u"id").toString();
    }

    int m_clientMsgs = 0;
    TestServer m_server;
    TestAccount m_owner, m_peer, m_outsider, m_removed;
    QString m_private, m_removedOwn, m_direct, m_public;
};

QTEST_GUILESS_MAIN(TestAuthorization)
#include "tst_authorization.moc"
