#pragma once

#include <QtGlobal>

// Reads the server process's resident memory and CPU time from /proc. Loopback benchmarks only: the server
// runs on this machine.
class ServerProbe
{
public:
    explicit ServerProbe(qint64 pid)
        : m_pid(pid)
    {
    }

    // The pid of the process listening on TCP `port` (via /proc/net/tcp and /proc/*/fd), or 0.
    static qint64 pidListeningOn(quint16 port);

    qint64 pid() const { return m_pid; }
    bool isValid() const { return m_pid > 0; }
    qint64 rssKb() const; // VmRSS
    qint64 hwmKb() const; // VmHWM, the peak
    // User + system CPU time in milliseconds, over all the process's threads.
    qint64 cpuMs() const;
    int threadCount() const;

private:
    qint64 statusField(const char *name) const;

    qint64 m_pid;
};
