#include "testserver.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QUuid>

namespace {
// psql against URL (maintenance connections to the server's "postgres" database, or a test database).
std::optional<QByteArray> runPsql(const QString &url, const QString &sql)
{
    QProcess p;
    p.start(QStringLiteral("psql"),
        { QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-A"), QStringLiteral("-t"),
            QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-d"), url,
            QStringLiteral("-c"), sql });
    if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning("psql failed: %s %s", qPrintable(sql), p.readAllStandardError().constData());
        return std::nullopt;
    }
    return p.readAllStandardOutput();
}
} // namespace

TestServer::TestServer(QStringList extraArgs)
    : m_extraArgs(std::move(extraArgs))
{
}

TestServer::~TestServer()
{
    stop();
    dropDatabase();
}

bool TestServer::usesPostgres()
{
    return !qEnvironmentVariableIsEmpty("NATTER_TEST_POSTGRES");
}

bool TestServer::createDatabase()
{
    if (!usesPostgres() || !m_databaseName.isEmpty())
        return true;
    const QString admin = qEnvironmentVariable("NATTER_TEST_POSTGRES");
    const QString name = u"natter_test_"_qs + QUuid::createUuid().toString(QUuid::Id128).left(16);
    if (!runPsql(admin, u"CREATE DATABASE "_qs + name))
        return false;
    m_databaseName = name;
    QUrl url(admin);
    url.setPath(u'/' + name);
    m_databaseUrl = url.toString();
    return true;
}

void TestServer::dropDatabase()
{
    if (m_databaseName.isEmpty())
        return;
    runPsql(qEnvironmentVariable("NATTER_TEST_POSTGRES"), u"DROP DATABASE IF EXISTS "_qs + m_databaseName + u" WITH (FORCE)"_qs);
    m_databaseName.clear();
    m_databaseUrl.clear();
}

std::optional<QByteArray> TestServer::psql(const QString &sql) const
{
    if (m_databaseUrl.isEmpty())
        return std::nullopt;
    return runPsql(m_databaseUrl, sql);
}

bool TestServer::postgresCtl(const QString &action)
{
    QStringList command = qEnvironmentVariable("NATTER_TEST_POSTGRES_CTL").split(u' ', Qt::SkipEmptyParts);
    if (command.isEmpty())
        return false;
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(command.takeFirst(), command << action);
    return p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

QString TestServer::binary()
{
    const QString fromEnv = qEnvironmentVariable("NATTER_SERVER_BIN");
    return fromEnv.isEmpty() ? QStringLiteral(NATTER_SERVER_BIN_DEFAULT) : fromEnv;
}

bool TestServer::start()
{
    stop();
    if (!createDatabase()) {
        qWarning("could not create a PostgreSQL database for natter-server");
        return false;
    }
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    m_process->setProcessEnvironment(QProcessEnvironment::systemEnvironment());
    // Reuse the previous port across restarts so that clients reconnecting to the same URL find the server
    // again.
    QStringList args { QStringLiteral("--listen"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
        QString::number(m_lastPort), QStringLiteral("--data-dir"), m_dataDir.path(),
        QStringLiteral("--password-cost"), QStringLiteral("fast") };
    if (!m_databaseUrl.isEmpty())
        args += { QStringLiteral("--database"), m_databaseUrl };
    // The abuse limits are off for the suites that test other things (they register dozens of users and open
    // many connections from 127.0.0.1); tst_abuse turns each on with small values (extraArgs come last and
    // win).
    args += QStringList { QStringLiteral("--login-backoff=0"), QStringLiteral("--register-limit=0"),
        QStringLiteral("--max-pending-hashes=0"), QStringLiteral("--max-connections-per-user=0"),
        QStringLiteral("--max-unauthenticated-per-address=0") };
    // Lets a whole suite run against another server configuration, e.g. "--ws-transport lite".
    args += qEnvironmentVariable("NATTER_TEST_SERVER_ARGS").split(u' ', Qt::SkipEmptyParts);
    args += m_extraArgs;
    m_process->start(binary(), args);
    if (!m_process->waitForStarted(10000)) {
        qWarning("natter-server did not start: %s", qPrintable(m_process->errorString()));
        return false;
    }
    static const QRegularExpression listening(QStringLiteral("listening on [^\\s]+:(\\d+)"));
    // Only this run's output counts: after a restart the previous run's "listening on" line is still in
    // m_output, and matching it returned before the new process listened (a race that the slower sanitized
    // build lost: tst_durability, tst_search, tst_presence and tst_authmatrix restart their servers).
    const qsizetype outputBefore = m_output.size();
    QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired()) {
        m_process->waitForReadyRead(100);
        m_output += m_process->readAllStandardOutput();
        const auto match = listening.match(QString::fromUtf8(m_output.mid(outputBefore)));
        if (match.hasMatch()) {
            m_port = match.captured(1).toUShort();
            const qsizetype end = outputBefore + match.capturedEnd();
            const qsizetype lineEnd = m_output.indexOf('\n', end);
            m_tls = m_output.mid(end, lineEnd - end).contains("(tls)");
            m_lastPort = m_port;
            return true;
        }
        if (m_process->state() == QProcess::NotRunning)
            break;
    }
    qWarning("natter-server did not report listening; stdout: %s stderr: %s", m_output.constData(),
        m_process->readAllStandardError().constData());
    return false;
}

void TestServer::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        m_stoppedCleanly = m_process->waitForFinished(10000)
            && m_process->exitStatus() == QProcess::NormalExit && m_process->exitCode() == 0;
        if (m_process->state() != QProcess::NotRunning) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    m_process.reset();
    m_port = 0;
}

QByteArray TestServer::takeLog()
{
    return m_process ? m_process->readAllStandardError() : QByteArray();
}

void TestServer::terminate()
{
    if (m_process && m_process->state() != QProcess::NotRunning)
        m_process->terminate();
}

bool TestServer::waitForExit(int timeoutMs)
{
    if (!m_process)
        return m_stoppedCleanly;
    const bool ended = QTest::qWaitFor([this] { return m_process->state() == QProcess::NotRunning; }, timeoutMs);
    m_output += m_process->readAllStandardOutput();
    m_stoppedCleanly = ended && m_process->exitStatus() == QProcess::NormalExit && m_process->exitCode() == 0;
    if (!ended) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    m_process.reset();
    m_port = 0;
    return m_stoppedCleanly;
}

void TestServer::kill()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    m_process.reset();
    m_port = 0;
}

bool TestServer::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

qint64 TestServer::pid() const
{
    return m_process ? m_process->processId() : 0;
}

qint64 TestServer::rssKb() const
{
    QFile status(u"/proc/%1/status"_qs.arg(pid()));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return 0;
}

QUrl TestServer::httpUrl(const QString &path) const
{
    QUrl url;
    url.setScheme(m_tls ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    url.setPath(path);
    return url;
}

QUrl TestServer::wsUrl(const QString &query) const
{
    QUrl url;
    url.setScheme(m_tls ? QStringLiteral("wss") : QStringLiteral("ws"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    url.setPath(QStringLiteral("/api/v1/ws"));
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}
