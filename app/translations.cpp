// SPDX-License-Identifier: MIT
#include "app/translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLoggingCategory>
#include <QPointer>
#include <QSettings>
#include <QTranslator>

#include <algorithm>
#include <optional>

namespace Flotilla::App {

namespace {

Q_LOGGING_CATEGORY(lcTranslations, "flotilla.app.translations")

// Where the build puts Flotilla's catalogues (translations/CMakeLists.txt: a resource).
const QString CatalogueFolder = QStringLiteral(":/i18n");
const QString CataloguePrefix = QStringLiteral("flotilla_");
// English is the language of the source texts: its catalogue holds the plural forms only.
const QString English = QStringLiteral("en");

// What an earlier call installed: replaced by the next one.
struct Installed
{
    QPointer<QTranslator> flotilla;
    QPointer<QTranslator> qt;
    std::optional<QLocale> applied; // the default locale this file set
    std::optional<QLocale> underlying; // the default locale before that (the system's)
};

Installed &installed()
{
    static Installed state;
    return state;
}

// The default locale as the system (or a test) made it, not as an earlier call set it.
QLocale baseLocale()
{
    const Installed &state = installed();
    const QLocale current;
    if (state.applied && state.underlying && current == *state.applied)
        return *state.underlying;
    return current;
}

// The catalogue's language code for `language` ("" = the first of the base locale's languages
// Flotilla speaks, else English).
QString catalogueLanguage(const QString &language, const QLocale &base)
{
    const QStringList available = availableLanguages();
    if (!language.isEmpty()) {
        if (available.contains(language))
            return language;
        qCWarning(lcTranslations) << "No catalogue for the language" << language
                                  << "- Flotilla speaks English";
        return English;
    }
    const QStringList uiLanguages = base.uiLanguages();
    for (const QString &tag : uiLanguages) {
        const QString code = tag.section(QLatin1Char('-'), 0, 0).toLower();
        if (available.contains(code))
            return code;
    }
    return English;
}

// The folders Qt's own catalogues (qtbase_de.qm) may be in: Qt's installation, and beside the
// executable where windeployqt (translations/) and a macOS bundle (Resources/translations/)
// put them.
QStringList qtCatalogueFolders()
{
    QStringList folders {QLibraryInfo::path(QLibraryInfo::TranslationsPath)};
    const QString appDir = QCoreApplication::applicationDirPath();
    folders.append(appDir + QStringLiteral("/translations"));
    folders.append(appDir + QStringLiteral("/../Resources/translations"));
    return folders;
}

} // namespace

QStringList availableLanguages()
{
    QStringList codes;
    const QStringList files
        = QDir(CatalogueFolder)
              .entryList({CataloguePrefix + QStringLiteral("*.qm")}, QDir::Files, QDir::Name);
    for (const QString &file : files)
        codes.append(file.mid(CataloguePrefix.size()).section(QLatin1Char('.'), 0, 0));
    return codes;
}

QString languageSetting()
{
    const QSettings settings(QStringLiteral("Flotilla"), QStringLiteral("Console"));
    return settings.value(QLatin1String(LanguageSettingKey)).toString().trimmed();
}

QLocale localeFor(const QString &language)
{
    const QLocale base = baseLocale();
    if (language.isEmpty())
        return base;
    const QString code = catalogueLanguage(language, base);
    const QLocale chosen(code);
    // The system's country stays when it speaks the chosen language; the C locale of a
    // developer's shell (and of the tests) is English without a country.
    if (base.language() == chosen.language() || (base.language() == QLocale::C && code == English))
        return base;
    return chosen;
}

QLocale installTranslations(const QString &language)
{
    Installed &state = installed();
    const QLocale base = baseLocale();
    const QString code = catalogueLanguage(language, base);
    const QLocale locale = localeFor(language);

    delete state.flotilla;
    delete state.qt;
    auto *flotilla = new QTranslator(QCoreApplication::instance());
    if (flotilla->load(CataloguePrefix + code, CatalogueFolder)) {
        QCoreApplication::installTranslator(flotilla);
        state.flotilla = flotilla;
    } else {
        qCWarning(lcTranslations) << "Flotilla's catalogue for" << code << "is missing";
        delete flotilla;
    }
    // Qt's own texts are English in the source; other languages have a catalogue of Qt's.
    if (code != English) {
        auto *qt = new QTranslator(QCoreApplication::instance());
        const QStringList folders = qtCatalogueFolders();
        const auto found
            = std::find_if(folders.cbegin(), folders.cend(), [&](const QString &folder) {
                  return qt->load(QStringLiteral("qtbase_") + code, folder);
              });
        if (found != folders.cend()) {
            QCoreApplication::installTranslator(qt);
            state.qt = qt;
        } else {
            qCWarning(lcTranslations) << "Qt's catalogue" << QStringLiteral("qtbase_") + code
                                      << "is in none of" << folders;
            delete qt;
        }
    }

    state.underlying = base;
    state.applied = locale;
    QLocale::setDefault(locale);
    qCDebug(lcTranslations) << "Language" << code << "locale" << locale.name();
    return locale;
}

QLocale installTranslations()
{
    return installTranslations(languageSetting());
}

} // namespace Flotilla::App
