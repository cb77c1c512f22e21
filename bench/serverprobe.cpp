#include "serverprobe.h"

#include <QFile>

#include <cstdlib>
#include <dirent.h>
#include <unistd.h>

namespace {
QByteArray readProcFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    return file.readAll();
}

QList<QByteArray> listeningInodes(const QString &table, quint16 port)
{
    QList<QByteArray> inodes;
    const QList<QByteArray> lines = readProcFile(table).split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QList<QByteArray> fields = lines.at(i).simplified().split(' ');
        if (fields.size() < 10) continue;
        // local_address is ADDR:PORT in hex; state 0A is LISTEN.
        const QByteArray local = fields.at(1);
        const qsizetype colon = local.lastIndexOf(':');
        bool ok = false;
        const uint localPort = local.mid(colon + 1).toUInt(&ok, 16);
        if (ok && localPort == port && fields.at(3) == "0A") inodes.append(fields.at(9));
    }
    return inodes;
}
}

qint64 ServerProbe::pidListeningOn(quint16 port)
{
    QList<QByteArray> inodes = listeningInodes(QStringLiteral("/proc/net/tcp"), port);
    inodes += listeningInodes(QStringLiteral("/proc/net/tcp6"), port);
    if (inodes.isEmpty()) return 0;
    QList<QByteArray> wanted;
    for (const QByteArray &inode : inodes)
        wanted.append("socket:[" + inode + ']');
    // Plain POSIX: /proc/<pid>/fd entries are symlinks to targets that do not exist as paths.
    DIR *proc = opendir("/proc");
    if (!proc) return 0;
    qint64 found = 0;
    while (dirent *entry = readdir(proc)) {
        char *end = nullptr;
        const long pid = std::strtol(entry->d_name, &end, 10);
        if (pid <= 0 || *end != '\0' || pid == getpid()) continue;
        const QByteArray fdDir = "/proc/" + QByteArray(entry->d_name) + "/fd";
        DIR *fds = opendir(fdDir.constData());
        if (!fds) continue;
        while (dirent *fd = readdir(fds)) {
            char target[64];
            const QByteArray link = fdDir + '/' + fd->d_name;
            const ssize_t n = readlink(link.constData(), target, sizeof target - 1);
            if (n <= 0) continue;
            if (wanted.contains(QByteArray(target, n))) {
                found = pid;
                break;
            }
        }
        closedir(fds);
        if (found) break;
    }
    closedir(proc);
    return found;
}

qint64 ServerProbe::statusField(const char *name) const
{
    const QByteArray status = readProcFile(QStringLiteral("/proc/%1/status").arg(m_pid));
    for (const QByteArray &line : status.split('\n')) {
        if (line.startsWith(name)) {
            const QList<QByteArray> parts = line.simplified().split(' ');
            return parts.size() >= 2 ? parts.at(1).toLongLong() : -1;
        }
    }
    return -1;
}

qint64 ServerProbe::rssKb() const
{
    return statusField("VmRSS:");
}

qint64 ServerProbe::hwmKb() const
{
    return statusField("VmHWM:");
}

int ServerProbe::threadCount() const
{
    return int(statusField("Threads:"));
}

qint64 ServerProbe::cpuMs() const
{
    const QByteArray stat = readProcFile(QStringLiteral("/proc/%1/stat").arg(m_pid));
    // The command name may hold spaces: fields are counted after the closing parenthesis.
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0) return -1;
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after "pid (comm) ".
    if (fields.size() < 13) return -1;
    const qint64 ticks = fields.at(11).toLongLong() + fields.at(12).toLongLong();
    return ticks * 1000 / sysconf(_SC_CLK_TCK);
}
