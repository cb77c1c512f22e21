#include "workerpool.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTimer>

Q_LOGGING_CATEGORY(lcBenchPool, "natter.bench.pool")

WorkerPool::WorkerPool(QObject *parent)
    : QObject(parent)
{
}

WorkerPool::~WorkerPool()
{
    stop();
}

bool WorkerPool::start(int count)
{
    for (int i = 0; i < count; ++i) {
        auto slot = std::make_unique<Slot>();
        slot->process = std::make_unique<QProcess>();
        slot->process->setReadChannel(QProcess::StandardOutput);
        slot->process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        connect(slot->process.get(), &QProcess::readyReadStandardOutput, this, [this, i] { onOutput(i); });
        slot->process->start(
            QCoreApplication::applicationFilePath(), { QStringLiteral("--worker"), QString::number(i) });
        if (!slot->process->waitForStarted(5000)) {
            qCCritical(lcBenchPool) << "worker" << i << "did not start:" << slot->process->errorString();
            return false;
        }
        m_workers.push_back(std::move(slot));
    }
    return true;
}

QList<qint64> WorkerPool::pids() const
{
    QList<qint64> result;
    for (const auto &slot : m_workers)
        result.append(slot->process->processId());
    return result;
}

void WorkerPool::onOutput(int index)
{
    Slot &slot = *m_workers[index];
    slot.buffer.append(slot.process->readAllStandardOutput());
    qsizetype newline;
    while ((newline = slot.buffer.indexOf('\n')) >= 0) {
        const QByteArray line = slot.buffer.left(newline);
        slot.buffer.remove(0, newline + 1);
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        if (document.isObject())
            slot.answers.push_back(document.object());
        else
            qCWarning(lcBenchPool) << "worker" << index << "wrote" << line.left(200);
    }
}

QList<QJsonObject> WorkerPool::broadcast(
    const QList<QJsonObject> &commands, const QString &event, int timeoutMs)
{
    std::vector<bool> waiting(m_workers.size(), false);
    for (int i = 0; i < int(m_workers.size()) && i < commands.size(); ++i) {
        if (commands.at(i).isEmpty()) continue;
        waiting[i] = true;
        m_workers[i]->process->write(QJsonDocument(commands.at(i)).toJson(QJsonDocument::Compact) + '\n');
    }
    QList<QJsonObject> answers;
    QElapsedTimer clock;
    clock.start();
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(5);
    connect(&poll, &QTimer::timeout, &loop, &QEventLoop::quit);
    poll.start();
    for (;;) {
        bool pending = false;
        for (int i = 0; i < int(m_workers.size()); ++i) {
            if (!waiting[i]) continue;
            auto &queue = m_workers[i]->answers;
            while (!queue.empty()) {
                const QJsonObject answer = queue.front();
                queue.pop_front();
                if (answer.value(QStringLiteral("ev")).toString() == event) {
                    answers.append(answer);
                    waiting[i] = false;
                    break;
                }
            }
            if (waiting[i] && m_workers[i]->process->state() == QProcess::NotRunning) {
                qCWarning(lcBenchPool) << "worker" << i << "exited";
                waiting[i] = false;
            }
            pending = pending || waiting[i];
        }
        if (!pending) break;
        if (clock.elapsed() > timeoutMs) {
            qCWarning(lcBenchPool) << "timed out waiting for" << event;
            break;
        }
        loop.exec();
    }
    return answers;
}

QList<QJsonObject> WorkerPool::broadcastAll(const QJsonObject &command, const QString &event, int timeoutMs)
{
    return broadcast(QList<QJsonObject>(count(), command), event, timeoutMs);
}

void WorkerPool::stop()
{
    for (auto &slot : m_workers) {
        if (slot->process->state() == QProcess::NotRunning) continue;
        slot->process->write("{\"cmd\":\"quit\"}\n");
        slot->process->closeWriteChannel();
    }
    for (auto &slot : m_workers) {
        if (!slot->process->waitForFinished(5000)) {
            slot->process->kill();
            slot->process->waitForFinished(2000);
        }
    }
    m_workers.clear();
}
