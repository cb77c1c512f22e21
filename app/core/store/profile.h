#pragma once

#include <QString>
#include <QUrl>

namespace Natter::Client {

// A named profile: its own settings file, cache directory and keychain entries, so that two instances started
// with different --profile values run side by side as two users.
class Profile
{
public:
    explicit Profile(const QString &name, const QString &baseDir = {});

    QString name() const { return m_name; }
    QString settingsPath() const;
    QString dataDir() const { return m_dataDir; }
    // One cache per server and user, so signing in as someone else never shows the previous user's messages.
    QString cachePath(const QUrl &server, const QString &username) const;
    // Downloaded thumbnails and images, per server and user (MediaCache).
    QString mediaCachePath(const QUrl &server, const QString &username) const;
    // The certificates the user trusted, one pinned fingerprint per server (host:port).
    QString trustedCertificatesPath() const;
    QString keychainKey(const QUrl &server, const QString &username) const;

    // Profile names become file names: letters, digits, '-', '_' and '.' only.
    static bool isValidName(const QString &name);

private:
    QString m_name;
    QString m_dataDir;
};

} // namespace Natter::Client
