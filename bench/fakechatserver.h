#pragma once

#include <QByteArray>
#include <QObject>
#include <QUrl>

#include <atomic>
#include <functional>

class QTcpServer;
class QThread;
class QTcpSocket;

// A minimal HTTP/1.1 responder on 127.0.0.1 for the app scenarios (app-window, app-images): the app's real
// network stack talks to it as to a Natter server, but each answer is what the scenario decides (history pages,
// search results, thumbnails), encoded by common/protocol, so a figure does not depend on a server's speed or
// on what a server can be seeded with (link previews need the open web). GET only; keep-alive; anything the
// handler does not answer (the WebSocket upgrade included) gets 503, so the app stays offline and reads its
// cache.
class FakeChatServer : public QObject
{
    Q_OBJECT
public:
    struct Response
    {
        int status = 503;
        QByteArray contentType = "application/json";
        QByteArray body;
    };
    using Handler = std::function<Response(const QUrl &url)>;

    explicit FakeChatServer(Handler handler, QObject *parent = nullptr);
    ~FakeChatServer() override;
    // Listens on a port of its own, in a thread of its own, so that building answers never runs on the app's
    // UI thread (whose stalls the scenarios measure). HANDLER is called on that thread.
    bool start();
    QUrl url() const { return m_url; }
    int requests() const { return m_requests; }

private:
    void serve(QTcpSocket *socket);

    QThread *m_thread;
    QTcpServer *m_server = nullptr;
    Handler m_handler;
    QUrl m_url;
    std::atomic<int> m_requests = 0;
};
