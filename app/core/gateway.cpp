#include "gateway.h"
#include "logging.h"

#include <QJsonDocument>
#include <QNetworkRequest>
#include <QRandomGenerator>

#include <algorithm>

Gateway::Gateway(QObject *parent)
    : QObject(parent)
{
    m_heartbeat.setInterval(30000);
    connect(&m_heartbeat, &QTimer::timeout, this, &Gateway::onHeartbeat);
    m_reconnect.setSingleShot(true);
    connect(&m_reconnect, &QTimer::timeout, this, &Gateway::connectNow);
}

Gateway::~Gateway()
{
    m_running = false;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        delete m_socket;
    }
}

void Gateway::setBackoff(int initialMs, int maxMs)
{
    m_initialBackoffMs = initialMs;
    m_maxBackoffMs = maxMs;
}

int Gateway::backoffDelay(int attempt, int initialMs, int maxMs, double random01)
{
    const qint64 base = std::min<qint64>(maxMs, qint64(initialMs) << std::min(attempt, 20));
    return int(base / 2 + qint64(random01 * double(base - base / 2)));
}

void Gateway::start()
{
    if (m_running) return;
    m_running = true;
    m_attempt = 0;
    connectNow();
}

void Gateway::stop()
{
    m_running = false;
    m_reconnect.stop();
    m_heartbeat.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    setState(State::Disconnected);
}

void Gateway::connectNow()
{
    if (!m_running) return;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    // A client never needs frames anywhere near Qt's 2 GiB default.
    m_socket->setMaxAllowedIncomingMessageSize(16 * 1024 * 1024);
    m_socket->setMaxAllowedIncomingFrameSize(16 * 1024 * 1024);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &Gateway::onTextMessage);
    connect(m_socket, &QWebSocket::disconnected, this, &Gateway::onDisconnected);
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
        [this](QAbstractSocket::SocketError error) {
            qCInfo(lcGateway) << "socket error" << error << (m_socket ? m_socket->errorString() : QString());
            // A refused connection emits no disconnected() on every platform, so handle it here too.
            if (m_socket && m_socket->state() == QAbstractSocket::UnconnectedState) onDisconnected();
        });
    QNetworkRequest request(m_url);
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    m_gotReady = false;
    setState(State::Connecting);
    qCDebug(lcGateway) << "connecting to" << m_url.toString() << "attempt" << m_attempt;
    m_socket->open(request);
}

void Gateway::onTextMessage(const QString &text)
{
    m_awaitingPong = false;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (!doc.isObject()) {
        qCWarning(lcGateway) << "unparsable frame" << parseError.errorString();
        return;
    }
    const QJsonObject frame = doc.object();
    const QString type = frame.value(u"type").toString();
    if (type == u"ready") {
        m_attempt = 0;
        m_gotReady = true;
        const int heartbeatMs = frame.value(u"heartbeatMs").toInt(30000);
        m_heartbeat.start(std::max(heartbeatMs, 100));
        setState(State::Connected);
        emit ready(frame);
    } else if (type == u"pong") {
        // Liveness only.
    } else if ((type == u"ack" || type == u"error") && frame.contains(u"reqId")) {
        emit replyReceived(frame.value(u"reqId").toString(), frame);
    } else if (type == u"error") {
        qCWarning(lcGateway) << "server error" << frame;
    } else {
        emit eventReceived(frame);
    }
}

void Gateway::onDisconnected()
{
    if (!m_socket) return;
    const int code = m_socket->closeCode();
    qCInfo(lcGateway) << "disconnected" << code << m_socket->closeReason() << m_socket->errorString();
    m_heartbeat.stop();
    m_awaitingPong = false;
    m_socket->disconnect(this);
    m_socket->deleteLater();
    m_socket = nullptr;
    setState(State::Disconnected);
    if (code == 4001 || code == 4002) {
        m_running = false;
        emit authRejected(code);
        return;
    }
    scheduleReconnect();
    if (!m_gotReady) emit attemptFailed();
}

void Gateway::scheduleReconnect()
{
    if (!m_running || m_reconnect.isActive()) return;
    const int delay = backoffDelay(
        m_attempt, m_initialBackoffMs, m_maxBackoffMs, QRandomGenerator::global()->generateDouble());
    ++m_attempt;
    qCInfo(lcGateway) << "reconnecting in" << delay << "ms";
    m_reconnect.start(delay);
}

void Gateway::onHeartbeat()
{
    if (!m_socket || m_state != State::Connected) return;
    if (m_awaitingPong) {
        // Nothing at all came back for a whole heartbeat: the connection is dead even if TCP has not noticed.
        qCInfo(lcGateway) << "no answer to ping; dropping connection";
        m_socket->abort();
        return;
    }
    m_awaitingPong = true;
    sendFrame({ { u"type"_qs, u"ping"_qs } });
}

QString Gateway::call(QJsonObject frame)
{
    if (m_state != State::Connected) return {};
    const QString reqId = u"c"_qs + QString::number(m_nextReqId++);
    frame.insert(u"reqId", reqId);
    return sendFrame(frame) ? reqId : QString();
}

bool Gateway::sendFrame(const QJsonObject &frame)
{
    if (!m_socket || m_state != State::Connected) return false;
    m_socket->sendTextMessage(QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
    return true;
}

void Gateway::setState(State state)
{
    if (m_state == state) return;
    m_state = state;
    emit stateChanged(state);
}
