#pragma once

#include "transport/http/observedsocket.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

#include <functional>

class QTcpSocket;

namespace Natter::Server {

class ConnectionAdmission;

// Qt 6.4's QHttpServer reads headers without limit and holds a whole body in memory, trusting Content-Length,
// before any handler runs. HttpGuard watches a connection's bytes ahead of it (its readyRead slot is
// connected first) and tracks request framing itself: headers over the limit are answered 431, a declared
// body over the limit 413, and chunked bodies 411, each before the body is read; the connection is then
// closed.
//
// It also logs one line per request (natter.http: request id, method, path without the query, status, duration):
// it notes each request head as it passes and takes the status from the response the socket writes.
class HttpGuard : public QObject, public ResponseObserver
{
    Q_OBJECT
public:
    // How long a client may take to send a whole request head, or to continue a body it has started.
    static constexpr int HeadTimeoutMs = 30000;

    struct Limits
    {
        qint64 maxHeaderBytes;
        qint64 maxBodyBytes; // JSON requests
        qint64 maxUploadBytes; // POST /api/v1/uploads
    };

    // Takes over a connection whose request is `POST /api/v1/uploads`, once its head has arrived: the socket
    // then holds only body bytes, and QHttpServer no longer reads it. HEADER is the request head.
    using UploadHandler = std::function<void(QTcpSocket *socket, const QByteArray &header)>;
    // Takes over a `GET /api/v1/ws` WebSocket upgrade the same way (the socket then holds only what the
    // client sent after the head); without one, QHttpServer upgrades it.
    using UpgradeHandler = UploadHandler;

    // ADMISSION (optional) refuses requests from browser origins not allowed (403) and learns which
    // connections have authenticated (ConnectionAdmission).
    HttpGuard(QTcpSocket *socket, Limits limits, UploadHandler uploads = {}, UpgradeHandler upgrades = {},
        ConnectionAdmission *admission = nullptr);
    ~HttpGuard() override;

    void responseBytes(const char *data, qint64 size) override;

private:
    void onReadyRead();
    // Consumes header bytes; returns false when the request was refused.
    bool inspectHeaders();
    void handOver(qsizetype headEnd);
    void refuse(int status, const QByteArray &reason, const QByteArray &code, const QByteArray &message,
        const QByteArray &extraHeaders = {});

    QTcpSocket *m_socket;
    Limits m_limits;
    QByteArray m_header;
    qint64 m_bodyRemaining = 0;
    bool m_done = false;
    UploadHandler m_uploads;
    UpgradeHandler m_upgrades;
    ConnectionAdmission *m_admission;
    bool m_takeOver = false;
    bool m_takeOverUpgrade = false;
    QTimer m_deadline;

    // Requests read and not yet answered, oldest first (HTTP/1.1 answers in order).
    struct Pending
    {
        QByteArray id;
        QByteArray method;
        QByteArray path;
        qint64 startNs;
    };
    void noteRequest();
    void logAnswered(const QByteArray &status);
    QList<Pending> m_pending;
    QByteArray m_responseHead; // the head of the response being written, until it is complete
    qint64 m_responseBodyRemaining = -1; // bytes of its body still to come; -1: unknown length
};

} // namespace Natter::Server
