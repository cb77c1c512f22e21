#pragma once

#include <QLocale>
#include <QString>

namespace Natter::Client {

// Installs Natter's translation (compiled in from translations/, under :/i18n) and Qt's own for LANGUAGE
// (a BCP 47 name; empty: the system's), and makes its locale the default, so that dates and times follow it.
// Returns the locale in use; English needs no catalogue.
QLocale installTranslations(const QString &language);

} // namespace Natter::Client
