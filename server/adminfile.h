#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QString>
#include <QUrl>

#include <optional>

namespace Natter::Server {

// DATA/admin.token: how `natter-server admin` reaches the server running on a data directory. Written (mode
// 0600) once the server listens, removed when it stops: {url, token, pid}. The token is accepted only on
// POST /api/v1/admin/local from loopback.
namespace AdminFile {
struct Contents
{
    QUrl url;
    QByteArray token;
    qint64 pid = 0;
};
QString path(const QString &dataDir);
QByteArray newToken();
bool write(const QString &dataDir, const QHostAddress &listen, quint16 port, bool tls, const QByteArray &token,
    QString *error);
void remove(const QString &dataDir);
// The file of a server that is still running (its pid is alive); nullopt otherwise.
std::optional<Contents> read(const QString &dataDir);
} // namespace AdminFile

} // namespace Natter::Server
