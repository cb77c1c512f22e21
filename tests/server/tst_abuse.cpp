#include "rawhttp.h"
#include "testclient.h"
#include "testserver.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QTest>

#include <memory>

namespace {
QHostAddress from(int last)
{
    return QHostAddress(u"127.0.0.%1"_qs.arg(last));
}

QByteArray credentials(const QString &username, const QString &password)
{
    return QJsonDocument(QJsonObject { { u"username"_qs, username }, { u"password"_qs, password } })
        .toJson(QJsonDocument::Compact);
}

const QString Password = u"correct horse battery"_qs;

// An upper bound of the time since TIMER started, for comparison with the server's own clock: both are read
// in whole milliseconds, so each may be short by up to one.
qint64 elapsed(const QElapsedTimer &timer)
{
    return timer.elapsed() + 2;
}

// The refusal every abuse limit answers with: 429 rate_limited, Retry-After in whole seconds (rounded up) and
// the same wait in milliseconds in the body (PROTOCOL.md).
#define QVERIFY_RATE_LIMITED(response)                                                                       \
    do {                                                                                                     \
        const RawResponse &r_ = (response);                                                                  \
        QCOMPARE(r_.status, 429);                                                                            \
        QCOMPARE(r_.errorCode(), u"rate_limited"_qs);                                                        \
        QVERIFY(r_.retryAfterMs() > 0);                                                                      \
        QCOMPARE(r_.header("retry-after"), QByteArray::number((r_.retryAfterMs() + 999) / 1000));            \
    } while (false)

QByteArray upgradeRequest(const QByteArray &token, const QByteArray &extraHeaders = {})
{
    return "GET /api/v1/ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
           "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nAuthorization: "
           "Bearer "
        + token + "\r\n" + extraHeaders + "\r\n";
}

// The status of a gateway upgrade from SOURCE (101 when it was accepted).
RawResponse upgrade(
    quint16 port, const QByteArray &token, const QByteArray &extraHeaders = {}, int source = 1)
{
    RawHttp http(from(source), port);
    http.socket().write(upgradeRequest(token, extraHeaders));
    return http.read();
}
} // namespace

// Issue 15's abuse limits, each against a real server started with small limits (the other suites run with
// them off, see TestServer): what is refused, with exactly which answer, and that legitimate use goes on.
// Addresses are 127.0.0.x, all loopback, so that "another address" is real. No assertion depends on how fast
// the machine is: back-offs are long compared with a request, and waits are measured, not assumed.
class TestAbuse : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestServer> start(const QStringList &args)
    {
        auto server = std::make_unique<TestServer>(args);
        if (!server->start())
            return nullptr;
        return server;
    }
    // Registers NAME from 127.0.0.SOURCE and returns its token.
    static QByteArray registerFrom(const TestServer &server, const QString &name, int source = 1)
    {
        const RawResponse r = RawHttp::once(
            from(source), server.port(), "POST", "/api/v1/auth/register", credentials(name, Password));
        return r.status == 201 ? r.json.value(u"token").toString().toLatin1() : QByteArray();
    }

private Q_SLOTS:
    // Past the free failures of one account from one address, each failure doubles the wait; even the right
    // password is refused during it, unhashed; a success afterwards starts the count again.
    void loginBackoffGrowsAndResetsAfterSuccess()
    {
        const qint64 base = 2000;
        auto server = start({ u"--login-backoff=2000:60000"_qs, u"--login-free-failures=2:100:100"_qs });
        QVERIFY(server);
        const quint16 port = server->port();
        QVERIFY(!registerFrom(*server, u"grace"_qs).isEmpty());
        const QHostAddress at = from(10);
        QCOMPARE(RawHttp::login(at, port, u"grace"_qs, u"wrong one"_qs).status, 401);
        QElapsedTimer sinceFailure;
        sinceFailure.start();
        QCOMPARE(RawHttp::login(at, port, u"grace"_qs, u"wrong two"_qs).status, 401);
        // The second failure reaches the free ones: BASE.
        RawResponse r = RawHttp::login(at, port, u"grace"_qs, Password);
        QVERIFY_RATE_LIMITED(r);
        QVERIFY(r.retryAfterMs() <= base);
        QVERIFY(r.retryAfterMs() >= base - elapsed(sinceFailure));

        QTest::qWait(int(r.retryAfterMs()) + 50);
        sinceFailure.restart();
        QCOMPARE(RawHttp::login(at, port, u"grace"_qs, u"wrong three"_qs).status, 401);
        // One more failure: twice BASE.
        r = RawHttp::login(at, port, u"grace"_qs, u"wrong four"_qs);
        QVERIFY_RATE_LIMITED(r);
        QVERIFY(r.retryAfterMs() <= 2 * base);
        QVERIFY(r.retryAfterMs() >= 2 * base - elapsed(sinceFailure));
        // Other accounts from the same address are not slowed by this pair.
        QCOMPARE(RawHttp::login(at, port, u"nobody"_qs, u"wrong"_qs).status, 401);

        QTest::qWait(int(r.retryAfterMs()) + 50);
        QCOMPARE(RawHttp::login(at, port, u"grace"_qs, Password).status, 200);
        // The count started again: two free failures, then the back-off (BASE again, not 4·BASE).
        QCOMPARE(RawHttp::login(at, port, u"grace"_qs, u"wrong five"_qs).status, 401);
        sinceFailure.restart();
        QCOMPARE(RawHttp::login(at, port, u"grace"_qs, u"wrong six"_qs).status, 401);
        r = RawHttp::login(at, port, u"grace"_qs, Password);
        QVERIFY_RATE_LIMITED(r);
        QVERIFY(r.retryAfterMs() <= base);
        QVERIFY(r.retryAfterMs() >= base - elapsed(sinceFailure));
    }

    // An attacker hammering the victim's account from other addresses cannot keep the victim out: the
    // victim's own address, where they signed in before, is slowed only by its own failures.
    void victimKeepsAccessFromTheirAddress()
    {
        auto server = start({ u"--login-backoff=60000:600000"_qs, u"--login-free-failures=2:4:3"_qs });
        QVERIFY(server);
        const quint16 port = server->port();
        QVERIFY(!registerFrom(*server, u"vera"_qs).isEmpty());
        const QHostAddress home = from(3);
        QCOMPARE(RawHttp::login(home, port, u"vera"_qs, Password).status, 200);

        const QHostAddress attacker = from(2);
        QCOMPARE(RawHttp::login(attacker, port, u"vera"_qs, u"guess 1"_qs).status, 401);
        QCOMPARE(RawHttp::login(attacker, port, u"vera"_qs, u"guess 2"_qs).status, 401);
        for (int i = 0; i < 20; ++i)
            QVERIFY_RATE_LIMITED(RawHttp::login(attacker, port, u"vera"_qs, u"guess more"_qs));
        // From a third address, the account's third failure reaches its free ones (3): the account is slowed
        // for addresses it never signed in from.
        QCOMPARE(RawHttp::login(from(4), port, u"vera"_qs, u"guess 3"_qs).status, 401);
        QVERIFY_RATE_LIMITED(RawHttp::login(from(5), port, u"vera"_qs, u"guess 4"_qs));
        QVERIFY_RATE_LIMITED(RawHttp::login(from(6), port, u"vera"_qs, Password));

        // The victim, from home: in at once, every time.
        for (int i = 0; i < 3; ++i)
            QCOMPARE(RawHttp::login(home, port, u"vera"_qs, Password).status, 200);
        // And their own mistakes there count only against that pair.
        QCOMPARE(RawHttp::login(home, port, u"vera"_qs, u"typo"_qs).status, 401);
        QCOMPARE(RawHttp::login(home, port, u"vera"_qs, Password).status, 200);
    }

    // One address trying many accounts is slowed after its free failures, for every account it has not
    // signed in to; an unknown account is answered exactly like a known one.
    void addressSprayIsSlowed()
    {
        auto server = start({ u"--login-backoff=60000:600000"_qs, u"--login-free-failures=100:4:100"_qs });
        QVERIFY(server);
        const quint16 port = server->port();
        QVERIFY(!registerFrom(*server, u"walt"_qs).isEmpty());
        const QHostAddress sprayer = from(8);
        for (int i = 0; i < 4; ++i)
            QCOMPARE(RawHttp::login(sprayer, port, u"user%1"_qs.arg(i), u"password"_qs).status, 401);
        const RawResponse unknown = RawHttp::login(sprayer, port, u"user9"_qs, u"password"_qs);
        const RawResponse known = RawHttp::login(sprayer, port, u"walt"_qs, u"password"_qs);
        QVERIFY_RATE_LIMITED(unknown);
        QVERIFY_RATE_LIMITED(known);
        QCOMPARE(known.json.value(u"error").toObject().value(u"message"),
            unknown.json.value(u"error").toObject().value(u"message"));
        // Another address is not affected.
        QCOMPARE(RawHttp::login(from(9), port, u"walt"_qs, Password).status, 200);
    }

    // Behind a trusted reverse proxy the client is the last X-Forwarded-For entry; from anyone else the
    // header is ignored (a client cannot pick the address it is counted under).
    void trustedProxyNamesTheClient()
    {
        auto server = start({ u"--trusted-proxies=127.0.0.70"_qs, u"--login-backoff=60000:600000"_qs,
            u"--login-free-failures=100:2:100"_qs });
        QVERIFY(server);
        const quint16 port = server->port();
        const auto login = [&](int source, const QByteArray &forwarded, const QString &user) {
            return RawHttp::once(from(source), port, "POST", "/api/v1/auth/login",
                credentials(user, u"wrong"_qs), "X-Forwarded-For: " + forwarded + "\r\n");
        };
        QCOMPARE(login(70, "203.0.113.9, 10.0.0.1", u"ann"_qs).status, 401);
        QCOMPARE(login(70, "10.0.0.1", u"bea"_qs).status, 401);
        // 10.0.0.1 has had its two free failures; 10.0.0.2 behind the same proxy has not.
        QVERIFY_RATE_LIMITED(login(70, "10.0.0.1", u"cid"_qs));
        QCOMPARE(login(70, "10.0.0.2", u"cid"_qs).status, 401);
        // An untrusted peer's X-Forwarded-For is ignored: it is counted as itself, whatever it claims.
        QCOMPARE(login(71, "10.0.0.1", u"dee"_qs).status, 401);
        QCOMPARE(login(71, "10.0.0.1", u"eve"_qs).status, 401);
        QVERIFY_RATE_LIMITED(login(71, "10.0.0.9", u"fay"_qs));
    }

    void registrationThrottledPerAddress()
    {
        auto server = start({ u"--register-limit=2:3600"_qs });
        QVERIFY(server);
        const quint16 port = server->port();
        const auto reg = [&](const QString &name, int source) {
            return RawHttp::once(
                from(source), port, "POST", "/api/v1/auth/register", credentials(name, Password));
        };
        QCOMPARE(reg(u"reg1"_qs, 30).status, 201);
        // A refusal for a reason of its own (name taken) costs nothing.
        QCOMPARE(reg(u"reg1"_qs, 30).status, 409);
        QCOMPARE(reg(u"reg2"_qs, 30).status, 201);
        const RawResponse third = reg(u"reg3"_qs, 30);
        QVERIFY_RATE_LIMITED(third);
        // 2 per hour: the next one in about half an hour.
        QVERIFY(third.retryAfterMs() <= 1800 * 1000);
        QVERIFY(third.retryAfterMs() > 1700 * 1000);
        QCOMPARE(reg(u"reg3"_qs, 31).status, 201);
        // Nothing was created by the refusal.
        QCOMPARE(RawHttp::login(from(31), port, u"reg3"_qs, Password).status, 200);
        QCOMPARE(reg(u"reg4"_qs, 30).status, 429);
    }

    // A login flood cannot queue Argon2id work without bound: beyond --max-pending-hashes, logins and
    // registrations are refused at once, without hashing, while the queue is still full.
    void hashQueueFullIsAnsweredWithoutHashing()
    {
        QTemporaryDir dir;
        const QString hold = dir.filePath(u"hold"_qs);
        qputenv("NATTER_TEST_HOLD_HASHES", hold.toUtf8());
        auto server = start({ u"--max-pending-hashes=2"_qs, u"--hash-threads=1"_qs });
        qunsetenv("NATTER_TEST_HOLD_HASHES");
        QVERIFY(server);
        const quint16 port = server->port();
        QVERIFY(!registerFrom(*server, u"hana"_qs).isEmpty());
        const auto pending = [&] {
            const RawResponse m = RawHttp::once(from(1), port, "GET", "/metrics");
            const qsizetype at = m.body.indexOf("\nnatter_password_hashes_pending ");
            return at < 0 ? -1 : m.body.mid(at + 32, m.body.indexOf('\n', at + 1) - at - 32).toInt();
        };
        QCOMPARE(pending(), 0);

        QFile file(hold);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        RawHttp first(from(50), port), second(from(51), port);
        first.socket().write(
            "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            "Content-Length: "
            + QByteArray::number(credentials(u"hana"_qs, Password).size()) + "\r\n\r\n"
            + credentials(u"hana"_qs, Password));
        second.socket().write(
            "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            "Content-Length: "
            + QByteArray::number(credentials(u"hana"_qs, u"wrong"_qs).size()) + "\r\n\r\n"
            + credentials(u"hana"_qs, u"wrong"_qs));
        QTRY_COMPARE_WITH_TIMEOUT(pending(), 2, 20000);

        // Held: nothing can be hashed now, yet these are answered.
        QVERIFY_RATE_LIMITED(RawHttp::login(from(52), port, u"hana"_qs, Password));
        QVERIFY_RATE_LIMITED(RawHttp::once(
            from(53), port, "POST", "/api/v1/auth/register", credentials(u"newcomer"_qs, Password)));
        QCOMPARE(pending(), 2);

        QVERIFY(QFile::remove(hold));
        QCOMPARE(first.read(20000).status, 200);
        QCOMPARE(second.read(20000).status, 401);
        QTRY_COMPARE(pending(), 0);
        QCOMPARE(RawHttp::login(from(52), port, u"hana"_qs, Password).status, 200);
    }

    void connectionsPerUser_data()
    {
        QTest::addColumn<QString>("transport");
        QTest::newRow("lite") << u"lite"_qs;
        QTest::newRow("qt") << u"qt"_qs;
    }
    // A user holds at most --max-connections-per-user gateway connections; the next upgrade is refused
    // 429 before it is upgraded, and a slot frees when a connection closes.
    void connectionsPerUser()
    {
        QFETCH(QString, transport);
        auto server = start({ u"--ws-transport="_qs + transport, u"--max-connections-per-user=2"_qs });
        QVERIFY(server);
        const QByteArray token = registerFrom(*server, u"cora"_qs);
        const QByteArray other = registerFrom(*server, u"dora"_qs);
        QVERIFY(!token.isEmpty() && !other.isEmpty());
        auto a = std::make_unique<GatewayClient>();
        GatewayClient b;
        QVERIFY(a->open(*server, QString::fromLatin1(token)));
        QVERIFY(b.open(*server, QString::fromLatin1(token)));
        const RawResponse third = upgrade(server->port(), token);
        QVERIFY_RATE_LIMITED(third);
        QCOMPARE(third.header("retry-after"), QByteArray("10"));
        // Another user is not affected.
        QCOMPARE(upgrade(server->port(), other).status, 101);
        a.reset();
        QTRY_COMPARE_WITH_TIMEOUT(upgrade(server->port(), token).status, 101, 10000);
        QVERIFY(b.isOpen());
    }

    // Connections that have not shown a valid token are capped per address; the cap is released by
    // authenticating and by closing.
    void unauthenticatedConnectionsPerAddress()
    {
        auto server = start({ u"--max-unauthenticated-per-address=3"_qs });
        QVERIFY(server);
        const quint16 port = server->port();
        const QByteArray token = registerFrom(*server, u"ida"_qs, 60);
        QVERIFY(!token.isEmpty());
        std::vector<std::unique_ptr<RawHttp>> idle;
        for (int i = 0; i < 3; ++i) {
            idle.push_back(std::make_unique<RawHttp>(from(61), port));
            QVERIFY(idle.back()->connected());
        }
        // The server has accepted the three once one of them is answered.
        QCOMPARE(idle[0]->request("GET", "/api/v1/health").status, 200);
        RawHttp fourth(from(61), port);
        const RawResponse refused = fourth.read();
        QVERIFY_RATE_LIMITED(refused);
        QCOMPARE(refused.header("connection").toLower(), QByteArray("close"));
        QVERIFY(fourth.waitClosed());
        // Another address has its own count.
        QCOMPARE(RawHttp::once(from(62), port, "GET", "/api/v1/health").status, 200);
        // A request with a valid token releases its connection's slot (a bad one does not).
        QCOMPARE(idle[1]->request("GET", "/api/v1/users/me", {}, "Authorization: Bearer nonsense\r\n").status,
            401);
        QCOMPARE(RawHttp::once(from(61), port, "GET", "/api/v1/health").status, 429);
        QCOMPARE(
            idle[1]->request("GET", "/api/v1/users/me", {}, "Authorization: Bearer " + token + "\r\n").status,
            200);
        // Closing releases a slot too (once the server has seen the close). HOLDER keeps the slot freed
        // above.
        RawHttp holder(from(61), port);
        QCOMPARE(holder.request("GET", "/api/v1/health").status, 200);
        QCOMPARE(RawHttp::once(from(61), port, "GET", "/api/v1/health").status, 429);
        idle[2].reset();
        QTRY_COMPARE_WITH_TIMEOUT(RawHttp::once(from(61), port, "GET", "/api/v1/health").status, 200, 10000);
    }

    void origins_data()
    {
        QTest::addColumn<QString>("transport");
        QTest::addColumn<QByteArray>("origin");
        QTest::addColumn<bool>("allowed");
        for (const QString transport : { u"lite"_qs, u"qt"_qs }) {
            const auto row = [&](const char *name, const QByteArray &origin, bool allowed) {
                QTest::addRow("%s %s", qPrintable(transport), name) << transport << origin << allowed;
            };
            row("no Origin (the app, curl)", {}, true);
            row("listed", "https://chat.example.com", true);
            row("listed, other case", "HTTPS://Chat.Example.com", true);
            row("other host", "https://evil.example", false);
            row("listed host, other port", "https://chat.example.com:8443", false);
            row("listed host, http", "http://chat.example.com", false);
            row("null", "null", false);
        }
    }
    // Browser pages may use the server only from listed origins: the gateway upgrade and REST alike.
    void origins()
    {
        QFETCH(QString, transport);
        QFETCH(QByteArray, origin);
        QFETCH(bool, allowed);
        auto server
            = start({ u"--ws-transport="_qs + transport, u"--allowed-origins=https://chat.example.com"_qs });
        QVERIFY(server);
        const QByteArray token = registerFrom(*server, u"olga"_qs);
        QVERIFY(!token.isEmpty());
        const QByteArray header = origin.isNull() ? QByteArray() : "Origin: " + origin + "\r\n";
        const RawResponse up = upgrade(server->port(), token, header);
        const RawResponse rest = RawHttp::once(from(1), server->port(), "GET", "/api/v1/users/me", {},
            "Authorization: Bearer " + token + "\r\n" + header);
        if (allowed) {
            QCOMPARE(up.status, 101);
            QCOMPARE(rest.status, 200);
            return;
        }
        for (const RawResponse &r : { up, rest }) {
            QCOMPARE(r.status, 403);
            QCOMPARE(r.errorCode(), u"forbidden"_qs);
            QVERIFY(!r.json.value(u"error").toObject().value(u"message").toString().isEmpty());
            QVERIFY(!r.body.contains(origin)); // the client's text is not echoed
        }
    }
};

QTEST_GUILESS_MAIN(TestAbuse)
#include "tst_abuse.moc"
