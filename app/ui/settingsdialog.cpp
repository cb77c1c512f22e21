#include "settingsdialog.h"
#include "media/mediacache.h"
#include "media/uploadclient.h"
#include "text/spellchecker.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Natter::Client {

QStringList SettingsDialog::languages()
{
    return { u"en"_qs, u"de"_qs };
}

QStringList SettingsDialog::dictionaries()
{
    return SpellChecker::installed();
}

SettingsDialog::SettingsDialog(const Profile &profile, MediaCache *cache, QWidget *parent)
    : QDialog(parent)
    , m_settings(profile)
    , m_cache(cache)
{
    setWindowTitle(tr("Settings"));
    setObjectName(u"settingsDialog"_qs);

    m_notifications = new QCheckBox(tr("Show a desktop notification for new messages and mentions"));
    m_notifications->setChecked(m_settings.notifications());

    m_theme = new QComboBox;
    m_theme->addItem(tr("Follow the system"), int(AppSettings::Theme::System));
    m_theme->addItem(tr("Light"), int(AppSettings::Theme::Light));
    m_theme->addItem(tr("Dark"), int(AppSettings::Theme::Dark));
    m_theme->setCurrentIndex(m_theme->findData(int(m_settings.theme())));
    m_theme->setAccessibleName(tr("Theme"));

    m_language = new QComboBox;
    m_language->addItem(tr("System language"), QString());
    for (const QString &lang : languages()) {
        const QLocale locale(lang);
        QString name = locale.nativeLanguageName();
        if (!name.isEmpty()) name[0] = name[0].toUpper();
        m_language->addItem(name, lang);
    }
    m_language->setCurrentIndex(std::max(0, m_language->findData(m_settings.language())));
    m_language->setAccessibleName(tr("Language"));

    m_spell = new QCheckBox(tr("Check spelling while typing"));
    m_spell->setChecked(m_settings.spellCheck());
    m_spellLanguage = new QComboBox;
    m_spellLanguage->addItem(tr("Same as the system (%1)").arg(QLocale::system().name()), QString());
    for (const QString &dic : dictionaries()) {
        const QLocale locale(dic);
        m_spellLanguage->addItem(
            u"%1 (%2)"_qs.arg(QLocale::languageToString(locale.language()), QLocale::territoryToString(locale.territory())),
            dic);
    }
    m_spellLanguage->setCurrentIndex(std::max(0, m_spellLanguage->findData(m_settings.spellLanguage())));
    m_spellLanguage->setEnabled(m_spell->isChecked());
    m_spellLanguage->setAccessibleName(tr("Spelling dictionary"));
    connect(m_spell, &QCheckBox::toggled, m_spellLanguage, &QWidget::setEnabled);

    m_downloadDir = new QLineEdit(QDir::toNativeSeparators(m_settings.downloadDir()));
    m_downloadDir->setAccessibleName(tr("Download folder"));
    auto *choose = new QPushButton(tr("Choose…"));
    connect(choose, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Download folder"), m_downloadDir->text());
        if (!dir.isEmpty()) m_downloadDir->setText(QDir::toNativeSeparators(dir));
    });
    auto *dirRow = new QHBoxLayout;
    dirRow->addWidget(m_downloadDir, 1);
    dirRow->addWidget(choose);

    m_cacheMb = new QSpinBox;
    m_cacheMb->setRange(10, 10000);
    m_cacheMb->setSingleStep(50);
    m_cacheMb->setSuffix(tr(" MB"));
    m_cacheMb->setValue(int(m_settings.cacheMaxBytes() / (1024 * 1024)));
    m_cacheMb->setAccessibleName(tr("Largest size of the image cache"));
    m_cacheUse = new QLabel;
    auto *clear = new QPushButton(tr("Clear"));
    clear->setAccessibleName(tr("Clear the image cache"));
    clear->setEnabled(m_cache != nullptr);
    connect(clear, &QPushButton::clicked, this, [this] {
        if (m_cache) m_cache->clear();
        updateCacheLabel();
    });
    auto *cacheRow = new QHBoxLayout;
    cacheRow->addWidget(m_cacheMb);
    cacheRow->addWidget(m_cacheUse, 1);
    cacheRow->addWidget(clear);
    updateCacheLabel();

    auto *general = new QGroupBox(tr("General"));
    auto *generalForm = new QFormLayout(general);
    generalForm->addRow(m_notifications);
    generalForm->addRow(tr("Theme:"), m_theme);
    generalForm->addRow(tr("Language:"), m_language);

    auto *spelling = new QGroupBox(tr("Spelling"));
    auto *spellingForm = new QFormLayout(spelling);
    spellingForm->addRow(m_spell);
    spellingForm->addRow(tr("Dictionary:"), m_spellLanguage);

    auto *files = new QGroupBox(tr("Files"));
    auto *filesForm = new QFormLayout(files);
    filesForm->addRow(tr("Download folder:"), dirRow);
    filesForm->addRow(tr("Image cache:"), cacheRow);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(general);
    layout->addWidget(spelling);
    layout->addWidget(files);
    layout->addStretch();
    layout->addWidget(buttons);
    resize(560, sizeHint().height());
}

void SettingsDialog::updateCacheLabel()
{
    m_cacheUse->setText(m_cache ? tr("%1 in use").arg(UploadClient::formatSize(m_cache->sizeOnDisk())) : QString());
}

void SettingsDialog::accept()
{
    const auto theme = AppSettings::Theme(m_theme->currentData().toInt());
    const bool themeChangedNow = theme != m_settings.theme();
    m_settings.setNotifications(m_notifications->isChecked());
    m_settings.setTheme(theme);
    m_settings.setLanguage(m_language->currentData().toString());
    m_settings.setSpellCheck(m_spell->isChecked());
    m_settings.setSpellLanguage(m_spellLanguage->currentData().toString());
    m_settings.setDownloadDir(QDir::fromNativeSeparators(m_downloadDir->text()));
    const qint64 cap = qint64(m_cacheMb->value()) * 1024 * 1024;
    m_settings.setCacheMaxBytes(cap);
    if (m_cache) m_cache->setMaxBytes(cap);
    m_settings.sync();
    if (themeChangedNow) emit themeChanged(theme);
    QDialog::accept();
}

} // namespace Natter::Client
