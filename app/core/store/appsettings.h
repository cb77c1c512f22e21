#pragma once

#include "store/profile.h"

#include <QSettings>
#include <QString>

namespace Natter::Client {

// The user's preferences, kept in the profile's settings file (QSettings, INI) so that each profile has its
// own. Typed accessors with the defaults in one place; the Settings dialog and main() read and write these.
class AppSettings
{
public:
    enum class Theme { System, Light, Dark };

    explicit AppSettings(const Profile &profile);

    Theme theme() const;
    void setTheme(Theme theme);
    // A BCP 47 name ("de", "en"), or empty for the system's language.
    QString language() const;
    void setLanguage(const QString &language);
    bool notifications() const;
    void setNotifications(bool on);
    bool spellCheck() const;
    void setSpellCheck(bool on);
    // A dictionary name ("en_US", "de_DE"), or empty for the system locale's.
    QString spellLanguage() const;
    void setSpellLanguage(const QString &language);
    // Where Save… starts; defaults to the user's download directory.
    QString downloadDir() const;
    void setDownloadDir(const QString &dir);
    // The cap of the disk cache of thumbnails and images.
    qint64 cacheMaxBytes() const;
    void setCacheMaxBytes(qint64 bytes);

    void sync() { m_settings.sync(); }

private:
    QSettings m_settings;
};

} // namespace Natter::Client
