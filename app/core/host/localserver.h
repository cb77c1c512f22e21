#pragma once

#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QUrl>

namespace Natter::Client {

// "Host a server on this computer": runs the bundled natter-server with its data in DATADIR and reports the
// address it listens on.
//
// - Reach: asked once and remembered (DATADIR/host.ini): teammates on the network may join (listen on all
//   interfaces) or only this computer (127.0.0.1). Until it is chosen, start() uses ThisComputer.
// - Port: fixed per profile: 8787 when free, else one the system picks; remembered in host.ini, so the address
//   teammates entered keeps working. If the remembered port is taken by another program, a new one is picked.
// - The server runs detached, its output in DATADIR/server.log, its pid, port and reach in
//   DATADIR/natter-server.pid. start() adopts a server that this profile left running (the pid is alive and
//   its port answers) instead of starting a second one.
// - By default the server is stopped when this object is destroyed or the application quits;
//   setKeepServingOnQuit(true) leaves it running for the team, to be adopted at the next start().
// - A server that fails to start is reported with the last lines of its log.
class LocalServer : public QObject
{
    Q_OBJECT
public:
    enum class Reach { Unset, ThisComputer, Network };
    static constexpr quint16 PreferredPort = 8787;

    explicit LocalServer(const QString &dataDir, QObject *parent = nullptr);
    ~LocalServer() override;

    // NATTER_SERVER_BIN if set, else natter-server next to the app (installed: /usr/bin; Windows and macOS
    // bundles), else ../server/natter-server (the build tree). Empty when none exists.
    static QString findBinary();

    QString dataDir() const { return m_dataDir; }
    QString logFile() const;
    bool isRunning() const;
    bool isStarting() const { return m_starting; }
    // True when the running server was found running (left by an earlier run of the app), not started here.
    bool isAdopted() const { return m_adopted; }
    qint64 pid() const { return m_pid; }
    // This computer's own address of the server (http://127.0.0.1:PORT).
    QUrl url() const { return m_url; }

    Reach reach() const;
    void setReach(Reach reach);
    // The remembered port, or 0 before the first start.
    quint16 port() const;
    // What teammates should enter: http://ADDRESS:PORT for each of this machine's network addresses (none
    // when only this computer may join, or when the server is not running).
    QStringList teammateAddresses() const;

    void setKeepServingOnQuit(bool keep) { m_keepServing = keep; }
    bool keepServingOnQuit() const { return m_keepServing; }

    void start();
    // Stops the server (also an adopted one): SIGTERM, then a kill after timeoutMs. Forgets the pid file.
    void stop(int timeoutMs = 5000);

signals:
    void started(const QUrl &url);
    void failed(const QString &reason);

private:
    void poll();
    void fail(const QString &reason);
    bool tryAdopt();
    QString pidFile() const;
    QString settingsFile() const;
    quint16 choosePort(bool avoidRemembered);
    QString lastLogLines(int lines) const;
    void onQuit();

    QString m_dataDir;
    qint64 m_pid = 0;
    QTimer m_startTimeout;
    QTimer m_poll;
    qint64 m_logOffset = 0;
    QUrl m_url;
    quint16 m_startPort = 0;
    bool m_starting = false;
    bool m_adopted = false;
    bool m_keepServing = false;
    bool m_retriedPort = false;
};

} // namespace Natter::Client
