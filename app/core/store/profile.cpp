#include "store/profile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QRegularExpression>
#include <QStandardPaths>

namespace Natter::Client {

Profile::Profile(const QString &name, const QString &baseDir)
    : m_name(name)
{
    const QString base
        = baseDir.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) : baseDir;
    m_dataDir = base + u"/profiles/"_qs + name;
    QDir().mkpath(m_dataDir);
}

QString Profile::settingsPath() const
{
    return m_dataDir + u"/settings.ini"_qs;
}

QString Profile::cachePath(const QUrl &server, const QString &username) const
{
    const QByteArray key = (server.toString() + u'|' + username.toLower()).toUtf8();
    const QString hash
        = QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(16));
    return m_dataDir + u"/cache-"_qs + hash + u".sqlite"_qs;
}

QString Profile::mediaCachePath(const QUrl &server, const QString &username) const
{
    QString path = cachePath(server, username);
    path.chop(int(qstrlen(".sqlite")));
    return path + u"-media"_qs;
}

QString Profile::trustedCertificatesPath() const
{
    return m_dataDir + u"/trusted-certificates.ini"_qs;
}

QString Profile::keychainKey(const QUrl &server, const QString &username) const
{
    return m_name + u'/' + username.toLower() + u'@' + server.toString();
}

bool Profile::isValidName(const QString &name)
{
    static const QRegularExpression valid(u"^[A-Za-z0-9._-]{1,64}$"_qs);
    return valid.match(name).hasMatch() && name != u"." && name != u"..";
}

} // namespace Natter::Client
