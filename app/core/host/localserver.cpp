#include "host/localserver.h"
#include "logging.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QNetworkInterface>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#ifdef Q_OS_WIN
#include <windows.h>
#else
#include <cerrno>
#include <csignal>
#endif

namespace Natter::Client {

namespace {
constexpr int startTimeoutMs = 15000;

bool isExecutableFile(const QString &path)
{
    const QFileInfo info(path);
    return info.isFile() && info.isExecutable();
}

bool processAlive(qint64 pid)
{
    if (pid <= 0)
        return false;
#ifdef Q_OS_WIN
    HANDLE h = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, DWORD(pid));
    if (!h)
        return false;
    DWORD code = 0;
    const bool alive = GetExitCodeProcess(h, &code) && code == STILL_ACTIVE;
    CloseHandle(h);
    return alive;
#else
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
#endif
}

void terminateProcess(qint64 pid, bool force)
{
#ifdef Q_OS_WIN
    Q_UNUSED(force);
    if (HANDLE h = OpenProcess(PROCESS_TERMINATE, FALSE, DWORD(pid))) {
        TerminateProcess(h, 0);
        CloseHandle(h);
    }
#else
    ::kill(pid_t(pid), force ? SIGKILL : SIGTERM);
#endif
}

bool portFree(const QHostAddress &address, quint16 port)
{
    QTcpServer probe;
    return probe.listen(address, port);
}

QString reachName(LocalServer::Reach reach)
{
    switch (reach) {
    case LocalServer::Reach::Network: return u"network"_qs;
    case LocalServer::Reach::ThisComputer: return u"this-computer"_qs;
    case LocalServer::Reach::Unset: break;
    }
    return {};
}
} // namespace

LocalServer::LocalServer(const QString &dataDir, QObject *parent)
    : QObject(parent)
    , m_dataDir(dataDir)
{
    m_startTimeout.setSingleShot(true);
    m_startTimeout.setInterval(startTimeoutMs);
    connect(&m_startTimeout, &QTimer::timeout, this, [this] {
        fail(tr("The server did not start within %1 seconds.").arg(startTimeoutMs / 1000));
    });
    m_poll.setInterval(50);
    connect(&m_poll, &QTimer::timeout, this, &LocalServer::poll);
    if (QCoreApplication::instance())
        connect(QCoreApplication::instance(), &QCoreApplication::aboutToQuit, this, &LocalServer::onQuit);
}

LocalServer::~LocalServer()
{
    onQuit();
}

void LocalServer::onQuit()
{
    if (!m_pid)
        return;
    if (m_keepServing && isRunning() && !m_starting) {
        qCInfo(lcLocalServer) << "leaving natter-server" << m_pid << "running for the team at" << m_url;
        m_pid = 0; // not ours to stop any more; the next start() adopts it
        return;
    }
    stop();
}

QString LocalServer::findBinary()
{
    const QString fromEnv = qEnvironmentVariable("NATTER_SERVER_BIN");
    if (!fromEnv.isEmpty())
        return isExecutableFile(fromEnv) ? fromEnv : QString();
    const QString appDir = QCoreApplication::applicationDirPath();
#ifdef Q_OS_WIN
    const QString exe = u"natter-server.exe"_qs;
#else
    const QString exe = u"natter-server"_qs;
#endif
    // Beside the app (installed packages, the Windows installer, the macOS bundle), then the build tree
    // (build/app/natter next to build/server/natter-server).
    for (const QString &candidate : { QString(appDir + u'/' + exe), QString(appDir + u"/../server/"_qs + exe) }) {
        if (isExecutableFile(candidate))
            return QDir::cleanPath(candidate);
    }
    return {};
}

QString LocalServer::logFile() const
{
    return QDir(m_dataDir).filePath(u"server.log"_qs);
}
QString LocalServer::pidFile() const
{
    return QDir(m_dataDir).filePath(u"natter-server.pid"_qs);
}
QString LocalServer::settingsFile() const
{
    return QDir(m_dataDir).filePath(u"host.ini"_qs);
}

bool LocalServer::isRunning() const
{
    return m_pid && processAlive(m_pid);
}

LocalServer::Reach LocalServer::reach() const
{
    const QString value = QSettings(settingsFile(), QSettings::IniFormat).value(u"reach"_qs).toString();
    if (value == u"network")
        return Reach::Network;
    if (value == u"this-computer")
        return Reach::ThisComputer;
    return Reach::Unset;
}

void LocalServer::setReach(Reach reach)
{
    QDir().mkpath(m_dataDir);
    QSettings settings(settingsFile(), QSettings::IniFormat);
    settings.setValue(u"reach"_qs, reachName(reach));
}

quint16 LocalServer::port() const
{
    return quint16(QSettings(settingsFile(), QSettings::IniFormat).value(u"port"_qs).toUInt());
}

quint16 LocalServer::choosePort(bool avoidRemembered)
{
    const QHostAddress address = reach() == Reach::Network ? QHostAddress(QHostAddress::AnyIPv4)
                                                           : QHostAddress(QHostAddress::LocalHost);
    const quint16 remembered = port();
    if (remembered && !avoidRemembered)
        return remembered;
    quint16 chosen = 0;
    if (remembered != PreferredPort && portFree(address, PreferredPort)) {
        chosen = PreferredPort;
    } else {
        QTcpServer probe;
        if (probe.listen(address, 0))
            chosen = probe.serverPort();
    }
    QSettings(settingsFile(), QSettings::IniFormat).setValue(u"port"_qs, chosen);
    return chosen;
}

QStringList LocalServer::teammateAddresses() const
{
    QStringList out;
    if (reach() != Reach::Network || !m_url.isValid())
        return out;
    for (const QHostAddress &a : QNetworkInterface::allAddresses()) {
        if (a.isLoopback() || a.isLinkLocal() || a.isNull())
            continue;
        QUrl url;
        url.setScheme(u"http"_qs);
        url.setHost(a.toString().section(u'%', 0, 0));
        url.setPort(m_url.port());
        if (a.protocol() == QAbstractSocket::IPv4Protocol)
            out.prepend(url.toString()); // IPv4 first: what people type
        else
            out.append(url.toString());
    }
    return out;
}

bool LocalServer::tryAdopt()
{
    if (!QFileInfo::exists(pidFile()))
        return false;
    QSettings saved(pidFile(), QSettings::IniFormat);
    const qint64 pid = saved.value(u"pid"_qs).toLongLong();
    const quint16 savedPort = quint16(saved.value(u"port"_qs).toUInt());
    const QString savedReach = saved.value(u"reach"_qs).toString();
    bool answers = false;
    if (processAlive(pid) && savedPort) {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, savedPort);
        answers = probe.waitForConnected(1000);
    }
    if (!answers) {
        qCInfo(lcLocalServer) << "forgetting a stale pid file for" << pid;
        QFile::remove(pidFile());
        return false;
    }
    m_pid = pid;
    if (savedReach != reachName(reach() == Reach::Unset ? Reach::ThisComputer : reach())) {
        // Left running with the other reach: restart it as asked now.
        qCInfo(lcLocalServer) << "restarting natter-server" << pid << "with a different reach";
        stop();
        return false;
    }
    m_adopted = true;
    m_url.clear();
    m_url.setScheme(u"http"_qs);
    m_url.setHost(u"127.0.0.1"_qs);
    m_url.setPort(savedPort);
    qCInfo(lcLocalServer) << "adopted natter-server" << pid << "at" << m_url;
    return true;
}

void LocalServer::start()
{
    if (m_starting || (isRunning() && m_url.isValid()))
        return;
    m_adopted = false;
    if (tryAdopt()) {
        QMetaObject::invokeMethod(this, [this] { emit started(m_url); }, Qt::QueuedConnection);
        return;
    }
    const QString binary = findBinary();
    if (binary.isEmpty()) {
        const QString fromEnv = qEnvironmentVariable("NATTER_SERVER_BIN");
        fail(fromEnv.isEmpty()
                ? tr("The Natter server program (natter-server) was not found next to the app.")
                : tr("The Natter server program was not found at %1.").arg(fromEnv));
        return;
    }
    if (!QDir().mkpath(m_dataDir)) {
        fail(tr("Cannot create the server's data folder %1.").arg(m_dataDir));
        return;
    }
    const bool network = reach() == Reach::Network;
    m_startPort = choosePort(m_retriedPort);
    const QStringList args { u"--listen"_qs, network ? u"0.0.0.0"_qs : u"127.0.0.1"_qs, u"--port"_qs,
        QString::number(m_startPort), u"--data-dir"_qs, m_dataDir };
    // One earlier log is kept: server.log.1.
    if (QFileInfo(logFile()).size() > 4 * 1024 * 1024) {
        QFile::remove(logFile() + u".1"_qs);
        QFile::rename(logFile(), logFile() + u".1"_qs);
    }
    m_logOffset = QFileInfo(logFile()).size();
    QProcess process;
    process.setProgram(binary);
    process.setArguments(args);
    process.setStandardInputFile(QProcess::nullDevice());
    process.setStandardOutputFile(logFile(), QIODevice::Append);
    process.setStandardErrorFile(logFile(), QIODevice::Append);
    qCInfo(lcLocalServer) << "starting" << binary << args;
    m_url.clear();
    m_pid = 0;
    if (!process.startDetached(&m_pid)) {
        fail(tr("The server could not be started: %1").arg(process.errorString()));
        return;
    }
    m_starting = true;
    m_startTimeout.start();
    m_poll.start();
}

QString LocalServer::lastLogLines(int lines) const
{
    QFile file(logFile());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    file.seek(m_logOffset);
    const QStringList all = QString::fromLocal8Bit(file.readAll()).trimmed().split(u'\n', Qt::SkipEmptyParts);
    return all.mid(qMax(0, int(all.size()) - lines)).join(u'\n');
}

void LocalServer::poll()
{
    if (!m_starting) {
        m_poll.stop();
        return;
    }
    QFile file(logFile());
    QByteArray output;
    if (file.open(QIODevice::ReadOnly) && file.seek(m_logOffset))
        output = file.readAll();
    static const QRegularExpression listening(u"listening on (\\S+):(\\d+)"_qs);
    const auto match = listening.match(QString::fromUtf8(output));
    if (match.hasMatch()) {
        QUrl url;
        const qsizetype lineEnd = output.indexOf('\n', output.indexOf("listening on"));
        url.setScheme(output.mid(0, lineEnd < 0 ? output.size() : lineEnd).endsWith("(tls)") ? u"https"_qs
                                                                                          : u"http"_qs);
        url.setHost(u"127.0.0.1"_qs);
        url.setPort(match.captured(2).toInt());
        m_url = url;
        m_starting = false;
        m_retriedPort = false;
        m_startTimeout.stop();
        m_poll.stop();
        QSettings saved(pidFile(), QSettings::IniFormat);
        saved.setValue(u"pid"_qs, m_pid);
        saved.setValue(u"port"_qs, url.port());
        saved.setValue(u"reach"_qs, reachName(reach() == Reach::Unset ? Reach::ThisComputer : reach()));
        saved.sync();
        qCInfo(lcLocalServer) << "natter-server" << m_pid << "listening on" << url;
        emit started(url);
        return;
    }
    if (processAlive(m_pid))
        return;
    // It exited. A remembered port that another program took meanwhile: pick another once.
    if (output.contains("cannot listen") && !m_retriedPort) {
        qCInfo(lcLocalServer) << "port" << m_startPort << "is taken; choosing another";
        m_retriedPort = true;
        m_starting = false;
        m_poll.stop();
        m_startTimeout.stop();
        m_pid = 0;
        start();
        return;
    }
    const QString tail = lastLogLines(8);
    fail(tail.isEmpty() ? tr("The server stopped while starting.")
                        : tr("The server stopped while starting:\n%1").arg(tail));
}

void LocalServer::fail(const QString &reason)
{
    qCWarning(lcLocalServer) << "cannot host a server:" << reason;
    m_starting = false;
    m_retriedPort = false;
    m_startTimeout.stop();
    m_poll.stop();
    stop();
    emit failed(reason);
}

void LocalServer::stop(int timeoutMs)
{
    m_startTimeout.stop();
    m_poll.stop();
    m_starting = false;
    m_url.clear();
    m_adopted = false;
    const qint64 pid = std::exchange(m_pid, 0);
    if (pid && processAlive(pid)) {
        terminateProcess(pid, false);
        // The server drains: it closes WebSockets with 1001 and waits for their close handshakes, which may
        // include this process's own connection, so events keep flowing while it does.
        QDeadlineTimer deadline(timeoutMs);
        while (processAlive(pid) && !deadline.hasExpired()) {
            if (QCoreApplication::instance())
                QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents, 10);
            QThread::msleep(10);
        }
        if (processAlive(pid)) {
            qCWarning(lcLocalServer) << "natter-server did not stop, killing it";
            terminateProcess(pid, true);
            QDeadlineTimer killed(2000);
            while (processAlive(pid) && !killed.hasExpired())
                QThread::msleep(10);
        }
    }
    if (pid)
        QFile::remove(pidFile());
}

} // namespace Natter::Client
