#pragma once

#include <QObject>
#include <QProcess>
#include <QTimer>
#include <QUrl>

namespace Natter::Client {

// "Host a server on this computer": runs the bundled natter-server as a child process on 127.0.0.1 with its
// data in DATADIR and reports the address it listens on. The port is chosen by the system (port 0) on every
// start, so the address may differ from one run of the app to the next; the data stays. The child is stopped
// when this object is destroyed or the application quits.
class LocalServer : public QObject
{
    Q_OBJECT
public:
    explicit LocalServer(const QString &dataDir, QObject *parent = nullptr);
    ~LocalServer() override;

    // NATTER_SERVER_BIN if set, else natter-server next to the app, else ../server/natter-server (build
    // tree). Empty when none exists.
    static QString findBinary();

    QString dataDir() const { return m_dataDir; }
    bool isRunning() const;
    bool isStarting() const { return m_starting; }
    QUrl url() const { return m_url; }

    void start();
    // terminate(), then kill() if the server has not exited after timeoutMs.
    void stop(int timeoutMs = 5000);

signals:
    void started(const QUrl &url);
    void failed(const QString &reason);

private:
    void readOutput();
    void fail(const QString &reason);

    QString m_dataDir;
    QProcess *m_process = nullptr;
    QTimer m_startTimeout;
    QByteArray m_stdout;
    QUrl m_url;
    bool m_starting = false;
};

} // namespace Natter::Client
