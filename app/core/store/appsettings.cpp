#include "store/appsettings.h"
#include "media/mediacache.h"

#include <QStandardPaths>

namespace Natter::Client {

namespace {
const QString ThemeKey = QStringLiteral("appearance/theme");
const QString LanguageKey = QStringLiteral("appearance/language");
const QString NotificationsKey = QStringLiteral("notifications/enabled");
const QString SpellCheckKey = QStringLiteral("spelling/enabled");
const QString SpellLanguageKey = QStringLiteral("spelling/language");
const QString DownloadDirKey = QStringLiteral("files/downloadDir");
const QString CacheMaxKey = QStringLiteral("files/cacheMaxBytes");
}

AppSettings::AppSettings(const Profile &profile)
    : m_settings(profile.settingsPath(), QSettings::IniFormat)
{
}

AppSettings::Theme AppSettings::theme() const
{
    const QString t = m_settings.value(ThemeKey).toString();
    if (t == u"light") return Theme::Light;
    if (t == u"dark") return Theme::Dark;
    return Theme::System;
}

void AppSettings::setTheme(Theme theme)
{
    m_settings.setValue(ThemeKey,
        theme == Theme::Light      ? u"light"_qs
            : theme == Theme::Dark ? u"dark"_qs
                                   : u"system"_qs);
}

QString AppSettings::language() const { return m_settings.value(LanguageKey).toString(); }
void AppSettings::setLanguage(const QString &language) { m_settings.setValue(LanguageKey, language); }
bool AppSettings::notifications() const { return m_settings.value(NotificationsKey, true).toBool(); }
void AppSettings::setNotifications(bool on) { m_settings.setValue(NotificationsKey, on); }
bool AppSettings::spellCheck() const { return m_settings.value(SpellCheckKey, true).toBool(); }
void AppSettings::setSpellCheck(bool on) { m_settings.setValue(SpellCheckKey, on); }
QString AppSettings::spellLanguage() const { return m_settings.value(SpellLanguageKey).toString(); }
void AppSettings::setSpellLanguage(const QString &language) { m_settings.setValue(SpellLanguageKey, language); }

QString AppSettings::downloadDir() const
{
    const QString dir = m_settings.value(DownloadDirKey).toString();
    return dir.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::DownloadLocation) : dir;
}

void AppSettings::setDownloadDir(const QString &dir) { m_settings.setValue(DownloadDirKey, dir); }

qint64 AppSettings::cacheMaxBytes() const
{
    return m_settings.value(CacheMaxKey, MediaCache::DefaultMaxBytes).toLongLong();
}

void AppSettings::setCacheMaxBytes(qint64 bytes) { m_settings.setValue(CacheMaxKey, bytes); }

} // namespace Natter::Client
