#include "worker.h"

#include <common/protocol/protocol.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRandomGenerator>

#include <chrono>
#include <cstring>
#include <string.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcBenchWorker, "natter.bench.worker")

namespace {
constexpr int kTickMs = 2;
constexpr int kKeepAlivePeriodS = 20;
constexpr int kStormAttempts = 6;

using namespace Natter;

bool contains(QByteArrayView haystack, const QByteArray &needle)
{
    return memmem(haystack.data(), size_t(haystack.size()), needle.constData(), size_t(needle.size())) != nullptr;
}

// The worker reads thousands of frames a second per process and must not parse them: it finds the protocol's
// own names in the bytes. The needles are made from common/protocol, so they follow it.
QByteArray quoted(QLatin1StringView name)
{
    return '"' + QByteArray(name.data(), name.size()) + '"';
}
QByteArray keyPrefix(QLatin1StringView key)
{
    return quoted(key) + ':';
}
const QByteArray ReadyNeedle = quoted(Wire::frameTypeName(Wire::FrameType::Ready));
const QByteArray MessageNewNeedle = quoted(Wire::frameTypeName(Wire::FrameType::MessageNew));
const QByteArray AckNeedle = quoted(Wire::frameTypeName(Wire::FrameType::Ack));
const QByteArray ErrorNeedle = quoted(Wire::frameTypeName(Wire::FrameType::Error));
const QByteArray RateLimitedNeedle = QByteArray(Wire::toName(Wire::ErrorCode::RateLimited).data());
const QByteArray LastSeqKey = keyPrefix(Wire::Key::LastSeq);
const QByteArray SeqKey = keyPrefix(Wire::Key::Seq);
const QByteArray ReqIdKey = keyPrefix(Wire::Key::ReqId);
const QByteArray ReqIdValueMarker = ReqIdKey + '"';
// The reqId of a storm's sync, and the marker in front of each send's stamp.
const QString SyncReqId = QStringLiteral("sync");
const QByteArray SyncReqIdNeedle = ReqIdKey + '"' + SyncReqId.toLatin1() + '"';
const QByteArray StampMarker = QByteArrayLiteral("bt=");
const QByteArray PingFrame = Wire::encodeFrame(Wire::Ping {});

// Finds `marker` and reads "<step>.<nanoseconds>" right after it: the stamp the bench writes into every text
// and reqId, so a receiver measures latency without parsing JSON or sharing state with the sender's process.
bool readStamp(QByteArrayView payload, const QByteArray &marker, int *step, qint64 *ns)
{
    const size_t markerLength = size_t(marker.size());
    const void *hit = memmem(payload.data(), size_t(payload.size()), marker.constData(), markerLength);
    if (!hit) return false;
    const char *p = static_cast<const char *>(hit) + markerLength;
    const char *end = payload.data() + payload.size();
    qint64 a = 0;
    while (p < end && *p >= '0' && *p <= '9')
        a = a * 10 + (*p++ - '0');
    if (p >= end || *p != '.') return false;
    ++p;
    qint64 b = 0;
    while (p < end && *p >= '0' && *p <= '9')
        b = b * 10 + (*p++ - '0');
    *step = int(a);
    *ns = b;
    return true;
}

qint64 readInteger(QByteArrayView payload, const QByteArray &key)
{
    const size_t keyLength = size_t(key.size());
    const void *hit = memmem(payload.data(), size_t(payload.size()), key.constData(), keyLength);
    if (!hit) return -1;
    const char *p = static_cast<const char *>(hit) + keyLength;
    const char *end = payload.data() + payload.size();
    qint64 value = 0;
    while (p < end && *p >= '0' && *p <= '9')
        value = value * 10 + (*p++ - '0');
    return value;
}
}

Worker::Worker(int workerId, QObject *parent)
    : QObject(parent)
    , m_workerId(workerId)
{
    m_padding = QByteArray(48, 'x');
    m_stdinNotifier = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
    connect(m_stdinNotifier, &QSocketNotifier::activated, this, &Worker::onStdin);
    m_tickTimer.setTimerType(Qt::PreciseTimer);
    m_tickTimer.setInterval(kTickMs);
    connect(&m_tickTimer, &QTimer::timeout, this, &Worker::fanoutTick);
    m_keepAliveTimer.setInterval(1000);
    connect(&m_keepAliveTimer, &QTimer::timeout, this, &Worker::keepAlive);
    m_keepAliveTimer.start();
    m_stepTimer.setSingleShot(true);
    connect(&m_stepTimer, &QTimer::timeout, this, &Worker::finishStep);
}

Worker::~Worker()
{
    for (auto &connection : m_connections)
        delete connection.client;
}

qint64 Worker::nowNs()
{
    // steady_clock is CLOCK_MONOTONIC: one clock for every process on the machine, so a stamp written by one
    // worker is comparable in another.
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
        std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

void Worker::onStdin()
{
    char chunk[65536];
    const ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
    if (n <= 0) {
        // The coordinator is gone: never outlive it.
        m_stdinNotifier->setEnabled(false);
        QCoreApplication::exit(0);
        return;
    }
    m_stdinBuffer.append(chunk, n);
    qsizetype newline;
    while ((newline = m_stdinBuffer.indexOf('\n')) >= 0) {
        const QByteArray line = m_stdinBuffer.left(newline);
        m_stdinBuffer.remove(0, newline + 1);
        const QJsonObject command = QJsonDocument::fromJson(line).object();
        if (!command.isEmpty()) handleCommand(command);
    }
}

void Worker::reply(QJsonObject answer)
{
    answer.insert(QStringLiteral("worker"), m_workerId);
    answer.insert(QStringLiteral("open"), m_openCount);
    const QByteArray line = QJsonDocument(answer).toJson(QJsonDocument::Compact) + '\n';
    qsizetype written = 0;
    while (written < line.size()) {
        const ssize_t n = ::write(STDOUT_FILENO, line.constData() + written, size_t(line.size() - written));
        if (n <= 0) break;
        written += n;
    }
}

void Worker::handleCommand(const QJsonObject &command)
{
    const QString name = command.value(QStringLiteral("cmd")).toString();
    if (name == QLatin1String("connect"))
        startConnect(command);
    else if (name == QLatin1String("close"))
        startClose();
    else if (name == QLatin1String("fanout"))
        startFanout(command);
    else if (name == QLatin1String("durable"))
        startDurable(command);
    else if (name == QLatin1String("storm"))
        startStorm(command);
    else if (name == QLatin1String("quit"))
        QCoreApplication::exit(0);
    else
        reply({ { QStringLiteral("ev"), QStringLiteral("error") }, { QStringLiteral("message"), name } });
}

void Worker::startConnect(const QJsonObject &command)
{
    m_server = QHostAddress(command.value(QStringLiteral("server")).toString());
    m_port = quint16(command.value(QStringLiteral("port")).toInt());
    m_parallel = qMax(1, command.value(QStringLiteral("parallel")).toInt(100));
    m_runTag = command.value(QStringLiteral("run")).toString().toLatin1();
    m_sources.clear();
    for (const auto &source : command.value(QStringLiteral("sources")).toArray())
        m_sources.append(QHostAddress(source.toString()));
    const QJsonArray conns = command.value(QStringLiteral("conns")).toArray();
    m_nextToOpen = int(m_connections.size());
    m_connections.reserve(m_connections.size() + conns.size());
    for (const auto &value : conns) {
        const QJsonObject spec = value.toObject();
        Connection connection;
        connection.token = spec.value(QStringLiteral("t")).toString().toLatin1();
        connection.channelId = spec.value(QStringLiteral("c")).toString().toLatin1();
        connection.sender = spec.value(QStringLiteral("s")).toBool();
        m_connections.push_back(std::move(connection));
    }
    m_failed = 0;
    m_closeCodes = {};
    m_mode = Mode::Connecting;
    m_phaseClock.start();
    openMore();
    checkConnectDone();
}

void Worker::openMore()
{
    while (m_pendingOpens < m_parallel && m_nextToOpen < int(m_connections.size())) {
        const int index = m_nextToOpen++;
        Connection &connection = m_connections[index];
        if (!connection.client) connection.client = new WsClient(index, this);
        connection.ready = false;
        connection.wantsOpen = true;
        const QHostAddress source
            = m_sources.isEmpty() ? QHostAddress() : m_sources.at(index % m_sources.size());
        ++m_pendingOpens;
        connection.client->open(m_server, m_port, source, connection.token);
    }
}

void Worker::checkConnectDone()
{
    if (m_mode != Mode::Connecting || m_pendingOpens > 0 || m_nextToOpen < int(m_connections.size())) return;
    m_mode = Mode::Idle;
    reply({ { QStringLiteral("ev"), QStringLiteral("connected") }, { QStringLiteral("ok"), m_openCount },
        { QStringLiteral("failed"), m_failed },
        { QStringLiteral("elapsedMs"), double(m_phaseClock.nsecsElapsed()) / 1e6 },
        { QStringLiteral("codes"), m_closeCodes } });
}

void Worker::onOpen(WsClient *)
{
    // Counted as open only once the server's "ready" frame arrives: that is when a real client can talk.
}

void Worker::onText(WsClient *client, QByteArrayView payload)
{
    Connection &connection = m_connections[client->index()];
    const qint64 now = nowNs();
    if (!connection.ready) {
        if (contains(payload, ReadyNeedle)) {
            connection.ready = true;
            // Each bench connection is in at most one channel: the first lastSeq is that channel's.
            const qint64 lastSeq = readInteger(payload, LastSeqKey);
            if (lastSeq > connection.lastSeq) connection.lastSeq = lastSeq;
            ++m_openCount;
            if (connection.wantsOpen) {
                connection.wantsOpen = false;
                --m_pendingOpens;
            }
            if (m_mode == Mode::Storm) {
                sendSync(connection);
            } else {
                openMore();
                checkConnectDone();
            }
        }
        return;
    }
    if (contains(payload, MessageNewNeedle)) {
        const qint64 seq = readInteger(payload, SeqKey);
        if (seq > connection.lastSeq) connection.lastSeq = seq;
        int step;
        qint64 sentNs;
        if (m_mode == Mode::Fanout && readStamp(payload, StampMarker, &step, &sentNs) && step == m_step) {
            ++m_received;
            if (now <= m_windowEndNs) ++m_inWindow;
            m_latency.record(now - sentNs);
        }
        return;
    }
    const bool isAck = contains(payload, AckNeedle);
    const bool isError = !isAck && contains(payload, ErrorNeedle);
    if (!isAck && !isError) return;
    if (isError) {
        ++m_errors;
        if (contains(payload, RateLimitedNeedle)) ++m_rateLimited;
    }
    int step;
    qint64 sentNs;
    if (m_mode == Mode::Storm && contains(payload, SyncReqIdNeedle)) {
        if (isError) {
            ++m_failed; // e.g. a server without sync
        } else {
            m_latency.record(now - m_windowStartNs);
            ++m_received;
        }
        if (m_received + m_failed >= quint64(m_connections.size())) finishStep();
        return;
    }
    if (m_mode != Mode::Durable || !readStamp(payload, ReqIdValueMarker, &step, &sentNs) || step != m_step)
        return;
    --connection.inFlight;
    if (isAck) {
        ++m_received;
        if (now <= m_windowEndNs) ++m_inWindow;
        m_latency.record(now - sentNs);
    }
    if (m_sending && now < m_windowEndNs)
        sendDurable(connection);
    else
        m_sending = false;
    if (!m_sending && m_sent <= m_received + m_errors) finishStep();
}

void Worker::onClosed(WsClient *client, int closeCode)
{
    Connection &connection = m_connections[client->index()];
    const QString key = QString::number(closeCode);
    m_closeCodes.insert(key, m_closeCodes.value(key).toInt() + 1);
    if (connection.ready) {
        connection.ready = false;
        --m_openCount;
        if (m_mode == Mode::Fanout || m_mode == Mode::Durable) {
            ++m_lostDuringStep;
            m_sent -= qMin<quint64>(m_sent, quint64(qMax(0, connection.inFlight)));
            connection.inFlight = 0;
        }
    }
    if (connection.wantsOpen && m_mode == Mode::Storm && connection.attempts < kStormAttempts) {
        // Like the app: try again after 1 s, doubling, with jitter, instead of giving up.
        reopenLater(client->index());
        return;
    }
    if (connection.wantsOpen) {
        connection.wantsOpen = false;
        --m_pendingOpens;
        ++m_failed;
        if (m_mode == Mode::Connecting) {
            openMore();
            checkConnectDone();
        } else if (m_mode == Mode::Storm && m_received + m_failed >= quint64(m_connections.size())) {
            finishStep();
        }
    }
}

void Worker::startClose()
{
    m_mode = Mode::Closing;
    m_tickTimer.stop();
    m_stepTimer.stop();
    int closed = 0;
    for (auto &connection : m_connections) {
        if (connection.client && connection.client->state() != WsClient::State::Closed) {
            connection.client->close();
            ++closed;
        }
    }
    // Sockets get a moment to send their close frames and FINs before the objects go.
    QTimer::singleShot(1000, this, [this, closed] {
        for (auto &connection : m_connections) {
            if (connection.client) connection.client->deleteLater();
        }
        m_connections.clear();
        m_openCount = 0;
        m_pendingOpens = 0;
        m_nextToOpen = 0;
        m_mode = Mode::Idle;
        reply({ { QStringLiteral("ev"), QStringLiteral("closed") }, { QStringLiteral("closed"), closed } });
    });
}

void Worker::sendMessage(Connection &connection)
{
    const qint64 now = nowNs();
    const QByteArray stamp = QByteArray::number(m_step) + '.' + QByteArray::number(now);
    Wire::SendMessage send;
    send.channelId = Wire::Id::fromString(QString::fromLatin1(connection.channelId));
    send.clientMsgId = QString::fromLatin1(m_runTag + '-' + QByteArray::number(m_workerId) + '-'
        + QByteArray::number(connection.client->index()) + '-' + QByteArray::number(++connection.counter));
    send.text = QString::fromLatin1(StampMarker + stamp + ' ' + m_padding);
    const QByteArray frame = Wire::encodeFrame(send, QString::fromLatin1(stamp));
    connection.client->sendText(frame);
    ++connection.inFlight;
    ++m_sent;
}

void Worker::startFanout(const QJsonObject &command)
{
    m_mode = Mode::Fanout;
    m_step = command.value(QStringLiteral("step")).toInt();
    m_rate = command.value(QStringLiteral("rate")).toDouble();
    const double seconds = command.value(QStringLiteral("seconds")).toDouble(10);
    const int drainMs = command.value(QStringLiteral("drainMs")).toInt(3000);
    m_senders.clear();
    for (int i = 0; i < int(m_connections.size()); ++i) {
        if (m_connections[i].sender && m_connections[i].ready) m_senders.push_back(i);
    }
    m_latency.clear();
    m_sent = m_received = m_inWindow = m_errors = m_rateLimited = m_lostDuringStep = 0;
    m_windowStartNs = nowNs();
    m_windowEndNs = m_windowStartNs + qint64(seconds * 1e9);
    m_sending = m_rate > 0 && !m_senders.empty();
    if (m_sending) m_tickTimer.start();
    m_stepTimer.start(int(seconds * 1000) + drainMs);
}

void Worker::fanoutTick()
{
    const qint64 now = nowNs();
    if (now >= m_windowEndNs || !m_sending) {
        m_sending = false;
        m_tickTimer.stop();
        return;
    }
    const double elapsed = double(now - m_windowStartNs) / 1e9;
    const auto due = quint64(m_rate * elapsed);
    while (m_sent < due && !m_senders.empty()) {
        m_senderCursor = (m_senderCursor + 1) % int(m_senders.size());
        Connection &connection = m_connections[m_senders[m_senderCursor]];
        if (connection.ready)
            sendMessage(connection);
        else
            ++m_sent; // a dropped sender still owes its share: keep the schedule honest
    }
}

void Worker::startDurable(const QJsonObject &command)
{
    m_mode = Mode::Durable;
    m_step = command.value(QStringLiteral("step")).toInt();
    m_window = qMax(1, command.value(QStringLiteral("window")).toInt(1));
    m_maxSends = quint64(command.value(QStringLiteral("maxSends")).toDouble(0));
    const int active = command.value(QStringLiteral("active")).toInt();
    const double seconds = command.value(QStringLiteral("seconds")).toDouble(10);
    const int drainMs = command.value(QStringLiteral("drainMs")).toInt(3000);
    m_senders.clear();
    for (int i = 0; i < int(m_connections.size()) && int(m_senders.size()) < active; ++i) {
        if (m_connections[i].sender && m_connections[i].ready) m_senders.push_back(i);
    }
    m_latency.clear();
    m_sent = m_received = m_inWindow = m_errors = m_rateLimited = m_lostDuringStep = 0;
    m_windowStartNs = nowNs();
    m_windowEndNs = m_windowStartNs + qint64(seconds * 1e9);
    m_sending = true;
    for (int index : m_senders) {
        m_connections[index].inFlight = 0;
        for (int i = 0; i < m_window; ++i)
            sendDurable(m_connections[index]);
    }
    // The step ends early when every outstanding send is answered; this is the cap.
    m_stepTimer.start(int(seconds * 1000) + drainMs);
    QTimer::singleShot(int(seconds * 1000), this, [this, step = m_step] {
        if (m_mode == Mode::Durable && m_step == step) {
            m_sending = false;
            if (m_sent <= m_received + m_errors) finishStep();
        }
    });
}

void Worker::sendDurable(Connection &connection)
{
    if (m_maxSends > 0 && m_sent >= m_maxSends) {
        m_sending = false;
        return;
    }
    if (connection.ready) sendMessage(connection);
}

void Worker::startStorm(const QJsonObject &command)
{
    // Every connection drops at once and comes back with sync, as after a server restart or a network blip.
    m_mode = Mode::Storm;
    m_step = command.value(QStringLiteral("step")).toInt();
    const int rewind = command.value(QStringLiteral("rewind")).toInt(0);
    m_parallel = qMax(1, command.value(QStringLiteral("parallel")).toInt(m_parallel));
    m_latency.clear();
    m_sent = m_received = m_inWindow = m_errors = m_rateLimited = m_lostDuringStep = 0;
    m_failed = 0;
    for (auto &connection : m_connections) {
        connection.lastSeq = qMax<qint64>(0, connection.lastSeq - rewind);
        if (connection.client) connection.client->abort();
        connection.ready = false;
    }
    m_openCount = 0;
    m_pendingOpens = 0;
    m_windowStartNs = nowNs();
    for (int i = 0; i < int(m_connections.size()); ++i) {
        Connection &connection = m_connections[i];
        const QHostAddress source = m_sources.isEmpty() ? QHostAddress() : m_sources.at(i % m_sources.size());
        connection.wantsOpen = true;
        connection.attempts = 0;
        ++m_pendingOpens;
        connection.client->open(m_server, m_port, source, connection.token);
    }
    m_stepTimer.start(command.value(QStringLiteral("timeoutMs")).toInt(120000));
}

void Worker::reopenLater(int index)
{
    Connection &connection = m_connections[index];
    const int base = 1000 << qMin(connection.attempts, 5);
    const int delay = qMin(30000, base / 2 + int(QRandomGenerator::global()->bounded(base)));
    ++connection.attempts;
    QTimer::singleShot(delay, this, [this, index] {
        Connection &again = m_connections[index];
        if (m_mode != Mode::Storm || !again.wantsOpen) return;
        const QHostAddress source
            = m_sources.isEmpty() ? QHostAddress() : m_sources.at(index % m_sources.size());
        again.client->open(m_server, m_port, source, again.token);
    });
}

void Worker::sendSync(Connection &connection)
{
    Wire::Sync sync;
    sync.channels.append({ Wire::Id::fromString(QString::fromLatin1(connection.channelId)), connection.lastSeq });
    const QByteArray frame = Wire::encodeFrame(sync, SyncReqId);
    connection.client->sendText(frame);
}

void Worker::finishStep()
{
    if (m_mode != Mode::Fanout && m_mode != Mode::Durable && m_mode != Mode::Storm) return;
    const Mode mode = m_mode;
    m_mode = Mode::Idle;
    m_sending = false;
    m_tickTimer.stop();
    m_stepTimer.stop();
    qint64 backlog = 0;
    for (const auto &connection : m_connections) {
        if (connection.client && connection.ready) backlog += connection.client->bytesToWrite();
    }
    reply({ { QStringLiteral("ev"), mode == Mode::Storm ? QStringLiteral("storm") : QStringLiteral("step") },
        { QStringLiteral("step"), m_step }, { QStringLiteral("sent"), double(m_sent) },
        { QStringLiteral("received"), double(m_received) },
        { QStringLiteral("inWindow"), double(m_inWindow) }, { QStringLiteral("errors"), double(m_errors) },
        { QStringLiteral("rateLimited"), double(m_rateLimited) },
        { QStringLiteral("lost"), double(m_lostDuringStep) }, { QStringLiteral("failed"), m_failed },
        { QStringLiteral("elapsedMs"), double(nowNs() - m_windowStartNs) / 1e6 },
        { QStringLiteral("clientBacklog"), double(backlog) }, { QStringLiteral("codes"), m_closeCodes },
        { QStringLiteral("hist"), m_latency.toJson() } });
}

void Worker::keepAlive()
{
    // The server drops a connection silent for 2 × heartbeatMs (60 s); ping each one every 20 s, spread
    // evenly.
    const int count = int(m_connections.size());
    if (count == 0 || m_mode == Mode::Storm) return;
    int quota = (count + kKeepAlivePeriodS - 1) / kKeepAlivePeriodS;
    while (quota-- > 0) {
        m_keepAliveCursor = (m_keepAliveCursor + 1) % count;
        Connection &connection = m_connections[m_keepAliveCursor];
        if (connection.ready) connection.client->sendText(PingFrame);
    }
}
