#include "fakechatserver.h"

#include <QTcpServer>
#include <QThread>
#include <QTcpSocket>

FakeChatServer::FakeChatServer(Handler handler, QObject *parent)
    : QObject(parent)
    , m_thread(new QThread)
    , m_handler(std::move(handler))
{
}

FakeChatServer::~FakeChatServer()
{
    if (m_server) QMetaObject::invokeMethod(m_server, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
}

bool FakeChatServer::start()
{
    m_thread->start();
    bool ok = false;
    // A QThread object lives in the thread that made it; this one lives in the new thread.
    QObject context;
    context.moveToThread(m_thread);
    QMetaObject::invokeMethod(
        &context,
        [this, &ok] {
            m_server = new QTcpServer;
            connect(m_server, &QTcpServer::newConnection, m_server, [this] {
                while (QTcpSocket *socket = m_server->nextPendingConnection()) {
                    connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { serve(socket); });
                    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                }
            });
            ok = m_server->listen(QHostAddress::LocalHost, 0);
            m_url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server->serverPort()));
        },
        Qt::BlockingQueuedConnection);
    QMetaObject::invokeMethod(&context, [&context] { context.moveToThread(nullptr); }, Qt::BlockingQueuedConnection);
    return ok;
}

void FakeChatServer::serve(QTcpSocket *socket)
{
    // Requests without bodies only: everything up to the blank line is one request.
    QByteArray buffer = socket->property("pending").toByteArray() + socket->readAll();
    for (qsizetype end = buffer.indexOf("\r\n\r\n"); end >= 0; end = buffer.indexOf("\r\n\r\n")) {
        const QByteArray head = buffer.left(end);
        buffer.remove(0, end + 4);
        const QList<QByteArray> line = head.left(head.indexOf("\r\n")).split(' ');
        ++m_requests;
        const QUrl requestUrl = m_url.resolved(QUrl::fromEncoded(line.value(1)));
        Response r;
        const bool upgrade = head.toLower().contains("upgrade: websocket");
        if (line.value(0) == "GET" && !upgrade) r = m_handler(requestUrl);
        if (r.status == 503 && r.body.isEmpty()) r.body = R"({"error":"unavailable","message":"bench"})";
        const QByteArray reason = r.status == 200 ? "OK" : r.status == 404 ? "Not Found" : "Service Unavailable";
        socket->write("HTTP/1.1 " + QByteArray::number(r.status) + ' ' + reason + "\r\nContent-Type: "
            + r.contentType + "\r\nContent-Length: " + QByteArray::number(r.body.size())
            + "\r\nConnection: keep-alive\r\n\r\n" + r.body);
    }
    socket->setProperty("pending", buffer);
}
