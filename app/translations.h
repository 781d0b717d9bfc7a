// SPDX-License-Identifier: MIT
#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

// The language Flotilla speaks (translations/README.md). Both executables call
// installTranslations() once their QCoreApplication exists and before any text is made: it loads
// Flotilla's catalogue (compiled into the program) and Qt's own (qtbase: the "Cancel" of a
// standard button) and makes the language's locale the default, so numbers and dates read the
// way the catalogue's language writes them.
namespace Flotilla::App {

// The setting the Settings dialog writes (QSettings of organization "Flotilla", application
// "Console"): "" or missing = the system's language, else a code of availableLanguages().
inline constexpr char LanguageSettingKey[] = "preferences/language";

// The languages Flotilla has a catalogue for, as codes ("de", "en"), sorted.
QStringList availableLanguages();

// The stored choice: preferences/language of the console's settings ("" when unset).
QString languageSetting();

// The locale Flotilla uses for `language` ("", "en", "de"): "" is the default locale (the
// system's) when Flotilla speaks its language, else English with the default locale's formats;
// a chosen language keeps the system's country when it is the system's language (de_CH stays
// de_CH) and is the language's own locale otherwise (en on a German desktop: en_US).
QLocale localeFor(const QString &language);

// Installs the translators of `language` ("" = the system's) into the application, replacing
// those of an earlier call, and sets QLocale::setDefault. Returns the locale now in use.
QLocale installTranslations(const QString &language);
// The same for the stored choice (languageSetting()).
QLocale installTranslations();

} // namespace Flotilla::App
