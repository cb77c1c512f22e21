#pragma once

#include "store/appsettings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace Natter::Client {

class MediaCache;

// Preferences of the profile: notifications, theme, language, spell checking, download folder and the size of
// the image cache (with "Clear"). Reads AppSettings when opened and writes it on OK; the theme and the cache
// cap apply at once, the language too (MainWindow retranslates).
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    // CACHE may be null (signed out): the cache section then only keeps the cap.
    SettingsDialog(const Profile &profile, MediaCache *cache, QWidget *parent = nullptr);

    // The languages Natter ships (BCP 47 names), English first.
    static QStringList languages();
    // Hunspell dictionaries installed on this computer ("en_US", "de_DE").
    static QStringList dictionaries();

    QComboBox *themeBox() const { return m_theme; }
    QComboBox *languageBox() const { return m_language; }

    // Writes the settings (OK).
    void accept() override;

signals:
    void themeChanged(Natter::Client::AppSettings::Theme theme);

private:
    void updateCacheLabel();

    AppSettings m_settings;
    MediaCache *m_cache;
    QCheckBox *m_notifications;
    QComboBox *m_theme;
    QComboBox *m_language;
    QCheckBox *m_spell;
    QComboBox *m_spellLanguage;
    QLineEdit *m_downloadDir;
    QSpinBox *m_cacheMb;
    QLabel *m_cacheUse;
};

} // namespace Natter::Client
