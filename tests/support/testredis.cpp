#include "testredis.h"

#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUrl>

TestRedis::~TestRedis()
{
    stop();
}

QString TestRedis::sharedUrl()
{
    return qEnvironmentVariable("NATTER_TEST_REDIS");
}

bool TestRedis::start()
{
    const QString binary = QStandardPaths::findExecutable(QStringLiteral("redis-server"));
    if (binary.isEmpty() || !m_dir.isValid())
        return false;
    if (!m_port) {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0))
            return false;
        m_port = probe.serverPort();
    }
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->start(binary,
        { QStringLiteral("--port"), QString::number(m_port), QStringLiteral("--bind"), QStringLiteral("127.0.0.1"),
            QStringLiteral("--save"), QString(), QStringLiteral("--appendonly"), QStringLiteral("no"),
            QStringLiteral("--dir"), m_dir.path(), QStringLiteral("--daemonize"), QStringLiteral("no") });
    if (!m_process->waitForStarted(5000))
        return false;
    return QTest::qWaitFor([this] { return command(url(), { "PING" }) == "+PONG"; }, 10000);
}

void TestRedis::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    m_process.reset();
}

bool TestRedis::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QString TestRedis::url() const
{
    return QStringLiteral("redis://127.0.0.1:%1").arg(m_port);
}

QByteArray TestRedis::command(const QString &url, const QByteArrayList &args)
{
    const QUrl parsed(url);
    QTcpSocket socket;
    socket.connectToHost(parsed.host(), quint16(parsed.port(6379)));
    if (!socket.waitForConnected(2000))
        return {};
    QByteArray out = "*" + QByteArray::number(args.size()) + "\r\n";
    for (const QByteArray &arg : args)
        out += "$" + QByteArray::number(arg.size()) + "\r\n" + arg + "\r\n";
    socket.write(out);
    QByteArray reply;
    while (!reply.contains("\r\n") && socket.waitForReadyRead(2000))
        reply += socket.readAll();
    return reply.left(reply.indexOf("\r\n"));
}
