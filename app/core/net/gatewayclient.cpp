#include "net/gatewayclient.h"
#include "logging.h"
#include "net/clientlimits.h"
#include "net/tlstrust.h"

#include <common/protocol/requests.h>
#include <common/protocollimits.h>

#include <QNetworkRequest>
#include <QRandomGenerator>

#include <algorithm>

namespace Natter::Client {

GatewayClient::GatewayClient(QObject *parent)
    : QObject(parent)
{
    m_heartbeat.setInterval(Limits::HeartbeatMs);
    connect(&m_heartbeat, &QTimer::timeout, this, &GatewayClient::onHeartbeat);
    m_reconnect.setSingleShot(true);
    connect(&m_reconnect, &QTimer::timeout, this, &GatewayClient::connectNow);
}

GatewayClient::~GatewayClient()
{
    m_running = false;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        delete m_socket;
    }
}

void GatewayClient::setBackoff(int initialMs, int maxMs)
{
    m_initialBackoffMs = initialMs;
    m_maxBackoffMs = maxMs;
}

int GatewayClient::backoffDelay(int attempt, int initialMs, int maxMs, double random01)
{
    const qint64 base = std::min<qint64>(maxMs, qint64(initialMs) << std::min(attempt, 20));
    return int(base / 2 + qint64(random01 * double(base - base / 2)));
}

void GatewayClient::start()
{
    if (m_running) return;
    m_running = true;
    m_attempt = 0;
    connectNow();
}

void GatewayClient::stop()
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

void GatewayClient::connectNow()
{
    if (!m_running) return;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    // A client never needs frames anywhere near Qt's 2 GiB default; a larger one closes the connection (1009)
    // from its header, before its payload is read.
    m_socket->setMaxAllowedIncomingMessageSize(ClientLimits::MaxGatewayFrameBytes);
    m_socket->setMaxAllowedIncomingFrameSize(ClientLimits::MaxGatewayFrameBytes);
    if (m_trust) m_trust->watch(m_socket, m_url);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &GatewayClient::onTextMessage);
    connect(m_socket, &QWebSocket::disconnected, this, &GatewayClient::onDisconnected);
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
        [this](QAbstractSocket::SocketError error) {
            qCInfo(lcClientGateway) << "socket error" << error << (m_socket ? m_socket->errorString() : QString());
            // A refused connection emits no disconnected() on every platform, so handle it here too.
            if (m_socket && m_socket->state() == QAbstractSocket::UnconnectedState) onDisconnected();
        });
    QNetworkRequest request(m_url);
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    m_gotReady = false;
    setState(State::Connecting);
    qCDebug(lcClientGateway) << "connecting to" << m_url.toString() << "attempt" << m_attempt;
    m_socket->open(request);
}

void GatewayClient::onTextMessage(const QString &text)
{
    m_awaitingPong = false;
    QString error;
    const std::optional<QJsonObject> frame = JsonReader::parseObject(text.toUtf8(), &error);
    const Wire::Envelope envelope = frame ? Wire::Envelope::read(*frame, &error) : Wire::Envelope {};
    if (!error.isEmpty()) {
        qCWarning(lcClientGateway) << "dropping a malformed frame:" << error;
        return;
    }
    switch (envelope.type) {
    case Wire::FrameType::Ready: {
        const std::optional<Wire::Ready> decoded = Wire::decodeFrame<Wire::Ready>(*frame, &error);
        if (!decoded) {
            qCWarning(lcClientGateway) << "dropping a malformed ready:" << error;
            return;
        }
        m_attempt = 0;
        m_gotReady = true;
        m_heartbeat.start(std::max(decoded->heartbeatMs > 0 ? decoded->heartbeatMs : Limits::HeartbeatMs, 100));
        setState(State::Connected);
        emit ready(*decoded);
        return;
    }
    case Wire::FrameType::Pong:
        return; // liveness only
    case Wire::FrameType::Ack:
    case Wire::FrameType::Error:
        if (!envelope.reqId.isEmpty()) {
            emit replyReceived(envelope.reqId, envelope.type, *frame);
            return;
        }
        if (envelope.type == Wire::FrameType::Error) {
            qCWarning(lcClientGateway) << "server error" << text;
            return;
        }
        break;
    default:
        break;
    }
    emit eventReceived(envelope.type, *frame);
}

void GatewayClient::onDisconnected()
{
    if (!m_socket) return;
    const int code = m_socket->closeCode();
    qCInfo(lcClientGateway) << "disconnected" << code << m_socket->closeReason() << m_socket->errorString();
    m_heartbeat.stop();
    m_awaitingPong = false;
    m_socket->disconnect(this);
    m_socket->deleteLater();
    m_socket = nullptr;
    setState(State::Disconnected);
    if (Wire::CloseCode::isAuthFailure(code)) {
        m_running = false;
        emit authRejected(code);
        return;
    }
    scheduleReconnect();
    if (!m_gotReady) emit attemptFailed();
}

void GatewayClient::scheduleReconnect()
{
    if (!m_running || m_reconnect.isActive()) return;
    const int delay = backoffDelay(
        m_attempt, m_initialBackoffMs, m_maxBackoffMs, QRandomGenerator::global()->generateDouble());
    ++m_attempt;
    qCInfo(lcClientGateway) << "reconnecting in" << delay << "ms";
    m_reconnect.start(delay);
}

void GatewayClient::onHeartbeat()
{
    if (!m_socket || m_state != State::Connected) return;
    if (m_awaitingPong) {
        // Nothing at all came back for a whole heartbeat: the connection is dead even if TCP has not noticed.
        qCInfo(lcClientGateway) << "no answer to ping; dropping connection";
        m_socket->abort();
        return;
    }
    m_awaitingPong = true;
    send(Wire::Ping {});
}

QString GatewayClient::nextReqId()
{
    return u"c"_qs + QString::number(m_nextReqId++);
}

bool GatewayClient::sendText(const QByteArray &json)
{
    if (!m_socket || m_state != State::Connected) return false;
    m_socket->sendTextMessage(QString::fromUtf8(json));
    return true;
}

void GatewayClient::setState(State state)
{
    if (m_state == state) return;
    m_state = state;
    emit stateChanged(state);
}

} // namespace Natter::Client
