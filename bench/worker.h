#pragma once

#include "latencyhistogram.h"
#include "wsclient.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QSocketNotifier>
#include <QTimer>

#include <vector>

// One load-generating process. The coordinator (WorkerPool) re-executes natter-bench with --worker and drives
// it with one JSON command per line on stdin; the worker answers one JSON line per command on stdout.
// Spreading the connections over processes keeps each under the 20,000-file limit and lets the kernel spread
// them over cores.
class Worker : public QObject, public WsClient::Listener
{
    Q_OBJECT
public:
    explicit Worker(int workerId, QObject *parent = nullptr);
    ~Worker() override;

    void onOpen(WsClient *client) override;
    void onText(WsClient *client, QByteArrayView payload) override;
    void onClosed(WsClient *client, int closeCode) override;

private:
    struct Connection
    {
        WsClient *client = nullptr;
        QByteArray token;
        QByteArray channelId;
        qint64 lastSeq = 0;
        quint64 counter = 0;
        int inFlight = 0;
        int attempts = 0;
        bool sender = false;
        bool ready = false;
        bool wantsOpen = false;
    };
    enum class Mode { Idle, Connecting, Closing, Fanout, Durable, Storm };

    void onStdin();
    void handleCommand(const QJsonObject &command);
    void reply(QJsonObject answer);

    void startConnect(const QJsonObject &command);
    void openMore();
    void checkConnectDone();
    void startClose();
    void startFanout(const QJsonObject &command);
    void fanoutTick();
    void startDurable(const QJsonObject &command);
    void sendDurable(Connection &connection);
    void startStorm(const QJsonObject &command);
    void sendSync(Connection &connection);
    void reopenLater(int index);
    void finishStep();
    void keepAlive();
    void sendMessage(Connection &connection);

    static qint64 nowNs();

    std::vector<Connection> m_connections;
    std::vector<int> m_senders;
    QList<QHostAddress> m_sources;
    QHostAddress m_server;
    QByteArray m_stdinBuffer;
    QByteArray m_runTag;
    QByteArray m_padding;
    QSocketNotifier *m_stdinNotifier = nullptr;
    QTimer m_tickTimer;
    QTimer m_keepAliveTimer;
    QTimer m_stepTimer;
    QElapsedTimer m_phaseClock;
    LatencyHistogram m_latency;
    QJsonObject m_closeCodes;
    Mode m_mode = Mode::Idle;
    quint16 m_port = 0;
    int m_workerId;
    int m_nextToOpen = 0;
    int m_pendingOpens = 0;
    int m_parallel = 100;
    int m_openCount = 0;
    int m_failed = 0;
    int m_step = 0;
    int m_window = 0;
    int m_keepAliveCursor = 0;
    int m_senderCursor = 0;
    qint64 m_windowEndNs = 0;
    qint64 m_windowStartNs = 0;
    double m_rate = 0.0;
    quint64 m_sent = 0;
    quint64 m_maxSends = 0;
    quint64 m_inWindow = 0;
    quint64 m_received = 0;
    quint64 m_errors = 0;
    quint64 m_rateLimited = 0;
    quint64 m_lostDuringStep = 0;
    bool m_sending = false;
};
