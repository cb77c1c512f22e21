#include "certificatedialog.h"
#include "net/tlstrust.h"
#include "session/account.h"
#include "session/session.h"
#include "store/profile.h"
#include "store/tokenstore.h"
#include "testserver.h"

#include <QFile>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTest>

// Self-signed servers (issue 13): a real natter-server with certificates made at test time by
// `natter-server make-cert` (openssl). The first connection asks; accepted, the certificate is pinned for
// host:port and both https (REST) and wss (the gateway) use it; refused, nothing at all reaches the server; a
// pinned server showing another certificate is refused with a warning, and nothing (no token) reaches it.
using namespace Natter::Client;

namespace {
const QString Password = QStringLiteral("correct-horse-battery");

struct Certificate
{
    QTemporaryDir dir;
    QString fingerprint; // as make-cert printed it
    QString cert() const { return dir.filePath(QStringLiteral("cert.pem")); }
    QString key() const { return dir.filePath(QStringLiteral("key.pem")); }

    bool make()
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(TestServer::binary(),
            { QStringLiteral("make-cert"), dir.path(), QStringLiteral("--host"), QStringLiteral("127.0.0.1") });
        if (!p.waitForFinished(60000) || p.exitCode() != 0) {
            qWarning() << "make-cert failed" << p.readAll();
            return false;
        }
        const auto match = QRegularExpression(QStringLiteral("SHA-256 fingerprint (\\S+)"))
                               .match(QString::fromUtf8(p.readAll()));
        fingerprint = match.captured(1);
        return !fingerprint.isEmpty();
    }
};

// The files the server is started with; a test swaps the certificate behind them between restarts.
bool install(const Certificate &from, const QTemporaryDir &live)
{
    for (const QString name : { QStringLiteral("cert.pem"), QStringLiteral("key.pem") }) {
        QFile::remove(live.filePath(name));
        if (!QFile::copy(from.dir.filePath(name), live.filePath(name))) return false;
    }
    return true;
}

bool sentNothing(const QByteArray &log)
{
    return !log.contains("request id=") && !log.contains("session open");
}

// One profile of the app: what main() builds, minus the window.
struct App
{
    explicit App(const QString &home, TokenStore *tokens)
        : account(Profile(QStringLiteral("tls"), home), tokens, &nam)
    {
    }
    QNetworkAccessManager nam;
    Account account;
};

struct SignIn
{
    bool finished = false;
    QString error;
    Account::ErrorCallback callback()
    {
        return [this](const QString &e) {
            finished = true;
            error = e;
        };
    }
};
} // namespace

class TestTls : public QObject
{
    Q_OBJECT

    Certificate m_first;
    Certificate m_second;

    static Credentials credentials(const TestServer &server, const QString &user, bool registering)
    {
        Credentials c;
        c.server = server.httpUrl().toString();
        c.username = user;
        c.password = Password;
        c.registering = registering;
        return c;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_first.make());
        QVERIFY(m_second.make());
        QVERIFY(m_first.fingerprint != m_second.fingerprint);
        // The app computes the fingerprint the way make-cert prints it.
        const auto certs = QSslCertificate::fromPath(m_first.cert());
        QCOMPARE(certs.size(), 1);
        QCOMPARE(TlsTrust::fingerprint(certs.first()), m_first.fingerprint);
    }

    // Accept → https sign-in and wss `ready`; the app restarted (and the server restarted with the same
    // certificate) does not ask again; the server restarted with another certificate is refused with the
    // warning and receives nothing, until the user explicitly trusts the new one.
    void acceptPinRestartAndChange()
    {
        QTemporaryDir live, home;
        QVERIFY(install(m_first, live));
        TestServer server({ QStringLiteral("--tls-cert"), live.filePath(QStringLiteral("cert.pem")),
            QStringLiteral("--tls-key"), live.filePath(QStringLiteral("key.pem")) });
        QVERIFY(server.start());
        QVERIFY(server.isTls());
        const QString key = TlsTrust::serverKey(server.httpUrl());
        server.takeLog();
        MemoryTokenStore tokens;
        {
            App app(home.path(), &tokens);
            QSignalSpy asked(&app.account, &Account::certificateNeedsApproval);
            SignIn signIn;
            app.account.signIn(credentials(server, QStringLiteral("ana"), true), signIn.callback());
            QTRY_COMPARE_WITH_TIMEOUT(asked.count(), 1, 15000);
            QCOMPARE(asked.at(0).at(0).toString(), key);
            QCOMPARE(asked.at(0).at(1).toString(), m_first.fingerprint);
            QVERIFY(asked.at(0).at(2).toString().contains(QStringLiteral("CN=")));
            QVERIFY(!signIn.finished); // the sign-in waits for the answer
            QVERIFY(sentNothing(server.takeLog()));

            app.account.answerCertificate(key, m_first.fingerprint, true);
            QTRY_VERIFY_WITH_TIMEOUT(signIn.finished, 15000);
            QCOMPARE(signIn.error, QString());
            QVERIFY(app.account.session());
            QCOMPARE(app.account.server().scheme(), QStringLiteral("https"));
            // `ready` over wss, then sync.
            QTRY_VERIFY_WITH_TIMEOUT(app.account.session()->isSynced(), 20000);
            const QByteArray log = server.takeLog();
            QVERIFY2(log.contains("/auth/register") && log.contains("session open"), log.constData());
            QCOMPARE(app.account.tlsTrust()->pinnedFingerprint(key), m_first.fingerprint);
            QCOMPARE(asked.count(), 1);
        }

        // The app starts again (pin read from the profile) and so does the server, same certificate: no
        // question.
        server.stop();
        QVERIFY(server.start());
        App app(home.path(), &tokens);
        QSignalSpy asked(&app.account, &Account::certificateNeedsApproval);
        QSignalSpy changed(&app.account, &Account::certificateChanged);
        bool resumed = false;
        app.account.resume({}, [&](bool ok) { resumed = ok; });
        QTRY_VERIFY(resumed);
        QTRY_VERIFY_WITH_TIMEOUT(app.account.session()->isSynced(), 20000);
        QCOMPARE(asked.count(), 0);
        QCOMPARE(changed.count(), 0);

        // The server comes back with another certificate: refused, with the old and new fingerprints.
        server.stop();
        QVERIFY(install(m_second, live));
        QVERIFY(server.start());
        QCOMPARE(TlsTrust::serverKey(server.httpUrl()), key); // same port
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 30000);
        QCOMPARE(changed.at(0).at(0).toString(), key);
        QCOMPARE(changed.at(0).at(1).toString(), m_first.fingerprint);
        QCOMPARE(changed.at(0).at(2).toString(), m_second.fingerprint);
        QCOMPARE(asked.count(), 0);
        // The gateway keeps trying (each try refused at the handshake) without asking again, and not a request,
        // so not the token, reaches the new certificate's server.
        QTest::qWait(3500);
        QCOMPARE(changed.count(), 1);
        QVERIFY(!app.account.session()->isSynced());
        QVERIFY(sentNothing(server.takeLog()));
        QCOMPARE(app.account.tlsTrust()->pinnedFingerprint(key), m_first.fingerprint);

        // Only an explicit answer trusts the new certificate; then the session connects at once.
        app.account.answerCertificate(key, m_first.fingerprint, true); // not the question asked: ignored
        QCOMPARE(app.account.tlsTrust()->pinnedFingerprint(key), m_first.fingerprint);
        app.account.answerCertificate(key, m_second.fingerprint, true);
        QCOMPARE(app.account.tlsTrust()->pinnedFingerprint(key), m_second.fingerprint);
        QTRY_VERIFY_WITH_TIMEOUT(app.account.session()->isSynced(), 20000);
        QVERIFY(server.takeLog().contains("session open"));
    }

    // Refusing the certificate ends the sign-in with a sentence, pins nothing and sends nothing.
    void refusedSendsNothing()
    {
        QTemporaryDir home;
        TestServer server({ QStringLiteral("--tls-cert"), m_first.cert(), QStringLiteral("--tls-key"), m_first.key() });
        QVERIFY(server.start());
        const QString key = TlsTrust::serverKey(server.httpUrl());
        server.takeLog();
        MemoryTokenStore tokens;
        App app(home.path(), &tokens);
        QSignalSpy asked(&app.account, &Account::certificateNeedsApproval);
        SignIn signIn;
        app.account.signIn(credentials(server, QStringLiteral("ana"), true), signIn.callback());
        QTRY_COMPARE_WITH_TIMEOUT(asked.count(), 1, 15000);
        app.account.answerCertificate(key, m_first.fingerprint, false);
        QVERIFY(signIn.finished);
        QVERIFY2(signIn.error.contains(QStringLiteral("not trusted")), qPrintable(signIn.error));
        QVERIFY(!app.account.session());
        QVERIFY(app.account.tlsTrust()->pinnedFingerprint(key).isEmpty());
        QTest::qWait(300);
        QVERIFY(sentNothing(server.takeLog()));

        // Signing in again asks again.
        SignIn again;
        app.account.signIn(credentials(server, QStringLiteral("ana"), true), again.callback());
        QTRY_COMPARE_WITH_TIMEOUT(asked.count(), 2, 15000);
        QVERIFY(!again.finished);
    }

    // A profile that pinned one certificate meets another at sign-in: the warning, then nothing sent.
    void changedCertificateAtSignIn()
    {
        QTemporaryDir home;
        TestServer server({ QStringLiteral("--tls-cert"), m_second.cert(), QStringLiteral("--tls-key"), m_second.key() });
        QVERIFY(server.start());
        const QString key = TlsTrust::serverKey(server.httpUrl());
        server.takeLog();
        MemoryTokenStore tokens;
        App app(home.path(), &tokens);
        app.account.tlsTrust()->pin(key, m_first.fingerprint);
        QSignalSpy asked(&app.account, &Account::certificateNeedsApproval);
        QSignalSpy changed(&app.account, &Account::certificateChanged);
        SignIn signIn;
        app.account.signIn(credentials(server, QStringLiteral("ana"), true), signIn.callback());
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 15000);
        QCOMPARE(changed.at(0).at(1).toString(), m_first.fingerprint);
        QCOMPARE(changed.at(0).at(2).toString(), m_second.fingerprint);
        QCOMPARE(asked.count(), 0);
        app.account.answerCertificate(key, m_second.fingerprint, false);
        QVERIFY(signIn.finished);
        QVERIFY2(signIn.error.contains(QStringLiteral("has changed")), qPrintable(signIn.error));
        QCOMPARE(app.account.tlsTrust()->pinnedFingerprint(key), m_first.fingerprint);
        QVERIFY(sentNothing(server.takeLog()));
    }

    // A certificate that verifies (here: its issuer added to the trusted CAs, as a public CA would be) needs no
    // question.
    void verifiedCertificateNeedsNoPrompt()
    {
        const QSslConfiguration original = QSslConfiguration::defaultConfiguration();
        QSslConfiguration trusting = original;
        trusting.addCaCertificates(QSslCertificate::fromPath(m_first.cert()));
        QSslConfiguration::setDefaultConfiguration(trusting);
        auto restore = qScopeGuard([&] { QSslConfiguration::setDefaultConfiguration(original); });

        QTemporaryDir home;
        TestServer server({ QStringLiteral("--tls-cert"), m_first.cert(), QStringLiteral("--tls-key"), m_first.key() });
        QVERIFY(server.start());
        MemoryTokenStore tokens;
        App app(home.path(), &tokens);
        QSignalSpy asked(&app.account, &Account::certificateNeedsApproval);
        SignIn signIn;
        app.account.signIn(credentials(server, QStringLiteral("ana"), true), signIn.callback());
        QTRY_VERIFY_WITH_TIMEOUT(signIn.finished, 15000);
        QCOMPARE(signIn.error, QString());
        QTRY_VERIFY_WITH_TIMEOUT(app.account.session()->isSynced(), 20000);
        QCOMPARE(asked.count(), 0);
        QVERIFY(app.account.tlsTrust()->pinnedFingerprint(TlsTrust::serverKey(server.httpUrl())).isEmpty());
    }

    // The dialog shows the fingerprint (and, for a change, both), defaults to not trusting.
    void dialogShowsTheFingerprint()
    {
        CertificateDialog ask(QStringLiteral("chat.lan:8787"), m_first.fingerprint, QStringLiteral("CN=chat.lan"), {});
        ask.show();
        QVERIFY(!ask.isChange());
        auto *label = ask.findChild<QLabel *>(QStringLiteral("fingerprint"));
        QVERIFY(label);
        QVERIFY(label->isVisible());
        QCOMPARE(label->text().replace(u'\n', u':'), m_first.fingerprint);
        QCOMPARE(label->text().count(u'\n'), 1); // two lines of 16 bytes
        QVERIFY(ask.text().contains(m_first.fingerprint));
        QVERIFY(ask.text().contains(QStringLiteral("chat.lan:8787")));
        QVERIFY(ask.text().contains(QStringLiteral("CN=chat.lan")));
        QVERIFY(ask.refuseButton()->isDefault());
        QVERIFY(!ask.trustButton()->isDefault());

        CertificateDialog warn(QStringLiteral("chat.lan:8787"), m_second.fingerprint, {}, m_first.fingerprint);
        warn.show();
        QVERIFY(warn.isChange());
        QCOMPARE(warn.findChild<QLabel *>(QStringLiteral("pinnedFingerprint"))->text().replace(u'\n', u':'),
            m_first.fingerprint);
        QCOMPARE(warn.findChild<QLabel *>(QStringLiteral("fingerprint"))->text().replace(u'\n', u':'),
            m_second.fingerprint);
        QVERIFY(warn.text().contains(QStringLiteral("different certificate")));
        QVERIFY(warn.refuseButton()->isDefault());
    }

    // The prompt the app installs over its window: the account's question becomes the dialog, and a click on
    // "Trust this certificate" signs in.
    void promptAnswersTheAccount()
    {
        QTemporaryDir home;
        TestServer server({ QStringLiteral("--tls-cert"), m_first.cert(), QStringLiteral("--tls-key"), m_first.key() });
        QVERIFY(server.start());
        MemoryTokenStore tokens;
        App app(home.path(), &tokens);
        QWidget window;
        window.show();
        CertificatePrompt prompt(&app.account, &window);
        SignIn signIn;
        app.account.signIn(credentials(server, QStringLiteral("ana"), true), signIn.callback());
        QTRY_VERIFY_WITH_TIMEOUT(prompt.dialog(), 15000);
        QVERIFY(prompt.dialog()->text().contains(m_first.fingerprint));
        QTest::mouseClick(prompt.dialog()->trustButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(signIn.finished, 15000);
        QCOMPARE(signIn.error, QString());
        QTRY_VERIFY_WITH_TIMEOUT(app.account.session()->isSynced(), 20000);
        QTRY_VERIFY(!prompt.dialog());
    }
};

QTEST_MAIN(TestTls)
#include "tst_tls.moc"
