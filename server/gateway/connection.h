#pragma once

#include <QByteArray>
#include <QObject>
#include <QSet>
#include <QString>

#include <memory>

namespace Natter::Server {

class GatewaySocket;

// One open gateway connection of one user: the socket, who it is, and what it follows. Outbound data that the
// peer does not read is bounded: past the limit the connection is closed with 4009 instead of growing memory.
class Connection : public QObject
{
    Q_OBJECT
public:
    Connection(std::unique_ptr<GatewaySocket> socket, qint64 userId, QByteArray tokenHash,
        qint64 maxOutboundBytes, QObject *parent = nullptr);
    ~Connection() override;

    void send(const QByteArray &frame);
    void close(int code, const QString &reason);

    qint64 userId() const { return m_userId; }
    const QByteArray &tokenHash() const { return m_tokenHash; }
    QString sessionId() const;
    qint64 lastActivityMs() const { return m_lastActivityMs; }
    bool isClosing() const { return m_closing; }
    // The close code the server sent, 0 when the peer closed first or the connection dropped.
    int closeCode() const { return m_closeCode; }
    // Bytes written to the socket that the peer has not taken yet.
    qint64 bytesQueued() const;
    QSet<qint64> &presenceSubscriptions() { return m_presence; }

Q_SIGNALS:
    void frameReceived(Connection *connection, const QByteArray &text);
    void closed(Connection *connection);

private:
    std::unique_ptr<GatewaySocket> m_socket;
    qint64 m_userId;
    QByteArray m_tokenHash;
    quint64 m_session[2];
    qint64 m_maxOutbound;
    qint64 m_lastActivityMs;
    bool m_closing = false;
    quint16 m_closeCode = 0;
    QSet<qint64> m_presence;
};

} // namespace Natter::Server
