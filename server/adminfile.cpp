#include "adminfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <sodium.h>

#include <csignal>
#include <sys/stat.h>

namespace Natter::Server::AdminFile {

QString path(const QString &dataDir)
{
    return QDir(dataDir).filePath(u"admin.token"_qs);
}

QByteArray newToken()
{
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    return QByteArray(reinterpret_cast<const char *>(bytes), sizeof bytes)
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

bool write(const QString &dataDir, const QHostAddress &listen, quint16 port, bool tls, const QByteArray &token,
    QString *error)
{
    // Loopback reaches a server listening on any address; one bound elsewhere only is reached there (and then
    // refuses, since the admin route is loopback-only: run the command on a stopped server instead).
    const bool loopbackReaches = listen.isLoopback() || listen == QHostAddress::Any
        || listen == QHostAddress::AnyIPv4 || listen == QHostAddress::AnyIPv6;
    const QString host = loopbackReaches ? (listen.protocol() == QAbstractSocket::IPv6Protocol && listen.isLoopback()
                                                   ? u"[::1]"_qs
                                                   : u"127.0.0.1"_qs)
                                         : listen.toString();
    const QJsonObject o { { u"url"_qs, u"%1://%2:%3"_qs.arg(tls ? u"https"_qs : u"http"_qs, host).arg(port) },
        { u"token"_qs, QString::fromLatin1(token) }, { u"pid"_qs, QCoreApplication::applicationPid() } };
    QSaveFile file(path(dataDir));
    const mode_t old = ::umask(077);
    const bool opened = file.open(QIODevice::WriteOnly);
    ::umask(old);
    if (!opened || file.write(QJsonDocument(o).toJson(QJsonDocument::Compact)) < 0
        || !file.setPermissions(QFile::ReadOwner | QFile::WriteOwner) || !file.commit()) {
        *error = u"cannot write %1: %2"_qs.arg(path(dataDir), file.errorString());
        return false;
    }
    return true;
}

void remove(const QString &dataDir)
{
    QFile::remove(path(dataDir));
}

std::optional<Contents> read(const QString &dataDir)
{
    QFile file(path(dataDir));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
    Contents c { QUrl(o.value(u"url").toString()), o.value(u"token").toString().toLatin1(),
        qint64(o.value(u"pid").toDouble()) };
    // A server that died without removing its file is not running.
    if (c.pid <= 0 || ::kill(pid_t(c.pid), 0) != 0 || !c.url.isValid() || c.token.isEmpty())
        return std::nullopt;
    return c;
}

} // namespace Natter::Server::AdminFile
