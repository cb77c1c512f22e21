#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QProcess>

#include <deque>
#include <memory>
#include <vector>

// The coordinator's side of the worker protocol: starts N copies of this executable with --worker, writes one
// JSON command per line to each, and waits (in a local event loop) for the matching one-line answers.
class WorkerPool : public QObject
{
    Q_OBJECT
public:
    explicit WorkerPool(QObject *parent = nullptr);
    ~WorkerPool() override;

    bool start(int count);
    int count() const { return int(m_workers.size()); }
    QList<qint64> pids() const;

    // Sends commands[i] to worker i (an empty object skips that worker) and waits for one answer whose "ev"
    // is `event` from each worker addressed. Answers missing at the timeout are left out of the result.
    QList<QJsonObject> broadcast(const QList<QJsonObject> &commands, const QString &event, int timeoutMs);
    // The same command to every worker.
    QList<QJsonObject> broadcastAll(const QJsonObject &command, const QString &event, int timeoutMs);

    void stop();

private:
    struct Slot
    {
        std::unique_ptr<QProcess> process;
        QByteArray buffer;
        std::deque<QJsonObject> answers;
    };
    void onOutput(int index);

    std::vector<std::unique_ptr<Slot>> m_workers;
};
