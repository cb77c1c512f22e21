#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace Natter::Client {

QLocale installTranslations(const QString &language)
{
    // Translators installed by an earlier call are children of the application named "natter-i18n".
    for (QTranslator *old : QCoreApplication::instance()->findChildren<QTranslator *>(u"natter-i18n"_qs)) {
        QCoreApplication::removeTranslator(old);
        delete old;
    }
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);
    const auto install = [&locale](const QString &name, const QString &dir) {
        auto *t = new QTranslator(QCoreApplication::instance());
        t->setObjectName(u"natter-i18n"_qs);
        if (t->load(locale, name, u"_"_qs, dir))
            QCoreApplication::installTranslator(t);
        else
            delete t;
    };
    // English first: it only holds the plural forms ("%n replies"), so every other language falls back to
    // correct English; the user's language, installed later, is searched first.
    const auto installEnglish = [](const QString &dir) {
        auto *t = new QTranslator(QCoreApplication::instance());
        t->setObjectName(u"natter-i18n"_qs);
        if (t->load(u"natter_en"_qs, dir))
            QCoreApplication::installTranslator(t);
        else
            delete t;
    };
    installEnglish(u":/i18n"_qs);
    if (locale.language() != QLocale::English) install(u"natter"_qs, u":/i18n"_qs);
    // Qt's own strings (standard buttons, file dialogs), when Debian's qt6-translations-l10n is installed.
    install(u"qtbase"_qs, QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    return locale;
}

} // namespace Natter::Client
