#pragma once

#include "serverconfig.h"

#include <QObject>

#include <memory>

class QTcpSocket;

namespace Natter::Server {

// The whole server: storage, services, REST routes and the gateway on one port.
class Server : public QObject
{
    Q_OBJECT
public:
    explicit Server(ServerConfig config, QObject *parent = nullptr);
    ~Server() override;

    // Opens the data directory and starts listening; false with *ERROR when it cannot.
    bool start(QString *error);
    quint16 port() const;
    qsizetype connectionCount() const;
    bool isTls() const;
    // Retry-After of a gateway upgrade refused by --max-connections-per-user: a slot frees when a connection
    // of the user closes, which is not a matter of seconds; a client backs off at least this long.
    static constexpr qint64 RetryAfterConnectionCapMs = 10000;

    // SIGTERM: stops accepting connections, lets the message batches in flight commit and their senders be
    // answered, closes every WebSocket with 1001 (going away: clients reconnect, perhaps elsewhere), then
    // emits drained() once they are closed and nothing is left to commit, or after --drain-timeout-ms.
    void drain();

Q_SIGNALS:
    void drained();

private:
    // --ws-transport lite: HttpGuard hands over `GET /api/v1/ws` with its request HEAD.
    void upgradeLite(QTcpSocket *socket, const QByteArray &head);
    bool setUpTls(QString *error);

    struct Parts;
    ServerConfig m_config;
    std::unique_ptr<Parts> d;
    bool m_adminFileWritten = false;
};

} // namespace Natter::Server
