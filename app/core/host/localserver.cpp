#include "host/localserver.h"
#include "logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace Natter::Client {

namespace {
constexpr int startTimeoutMs = 15000;

bool isExecutableFile(const QString &path)
{
    const QFileInfo info(path);
    return info.isFile() && info.isExecutable();
}
}

LocalServer::LocalServer(const QString &dataDir, QObject *parent)
    : QObject(parent)
    , m_dataDir(dataDir)
{
    m_startTimeout.setSingleShot(true);
    m_startTimeout.setInterval(startTimeoutMs);
    connect(&m_startTimeout, &QTimer::timeout, this,
        [this] { fail(tr("The server did not start within %1 seconds.").arg(startTimeoutMs / 1000)); });
    if (QCoreApplication::instance())
        connect(QCoreApplication::instance(), &QCoreApplication::aboutToQuit, this, [this] { stop(); });
}

LocalServer::~LocalServer()
{
    stop();
}

QString LocalServer::findBinary()
{
    const QString fromEnv = qEnvironmentVariable("NATTER_SERVER_BIN");
    if (!fromEnv.isEmpty())
        return isExecutableFile(fromEnv) ? fromEnv : QString();
    const QString appDir = QCoreApplication::applicationDirPath();
    for (const QString &candidate :
        { appDir + u"/natter-server"_qs, appDir + u"/../server/natter-server"_qs }) {
        if (isExecutableFile(candidate))
            return QDir::cleanPath(candidate);
    }
    return {};
}

bool LocalServer::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

void LocalServer::start()
{
    if (m_starting || (isRunning() && m_url.isValid()))
        return;
    stop();
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
    m_starting = true;
    m_stdout.clear();
    m_url.clear();
    m_process = new QProcess(this);
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    connect(m_process, &QProcess::readyReadStandardOutput, this, &LocalServer::readOutput);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            fail(tr("The server could not be started: %1").arg(m_process->errorString()));
    });
    connect(m_process, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus status) {
        if (!m_starting) {
            qCInfo(lcLocalServer) << "natter-server exited" << exitCode << status;
            return;
        }
        const QString errors = QString::fromLocal8Bit(m_process->readAllStandardError()).trimmed();
        fail(errors.isEmpty() ? tr("The server stopped while starting (exit code %1).").arg(exitCode)
                              : tr("The server stopped while starting: %1").arg(errors));
    });
    const QStringList args { u"--listen"_qs, u"127.0.0.1"_qs, u"--port"_qs, u"0"_qs, u"--data-dir"_qs,
        m_dataDir };
    qCInfo(lcLocalServer) << "starting" << binary << args;
    m_startTimeout.start();
    m_process->start(binary, args);
}

void LocalServer::readOutput()
{
    m_stdout += m_process->readAllStandardOutput();
    if (!m_starting)
        return;
    static const QRegularExpression listening(u"listening on (\\S+):(\\d+)"_qs);
    const auto match = listening.match(QString::fromUtf8(m_stdout));
    if (!match.hasMatch())
        return;
    QString host = match.captured(1);
    if (host == u"0.0.0.0" || host == u"::")
        host = u"127.0.0.1"_qs;
    QUrl url;
    url.setScheme(u"http"_qs);
    url.setHost(host);
    url.setPort(match.captured(2).toInt());
    m_url = url;
    m_starting = false;
    m_startTimeout.stop();
    qCInfo(lcLocalServer) << "natter-server listening on" << url;
    emit started(url);
}

void LocalServer::fail(const QString &reason)
{
    qCWarning(lcLocalServer) << "cannot host a server:" << reason;
    m_starting = false;
    m_startTimeout.stop();
    stop();
    emit failed(reason);
}

void LocalServer::stop(int timeoutMs)
{
    m_startTimeout.stop();
    m_starting = false;
    m_url.clear();
    if (!m_process)
        return;
    QProcess *process = m_process;
    m_process = nullptr;
    process->disconnect(this);
    if (process->state() != QProcess::NotRunning) {
        process->terminate();
        if (!process->waitForFinished(timeoutMs)) {
            qCWarning(lcLocalServer) << "natter-server did not stop, killing it";
            process->kill();
            process->waitForFinished(timeoutMs);
        }
    }
    // deleteLater: stop() may run inside one of the process's own signals.
    process->deleteLater();
}

} // namespace Natter::Client
