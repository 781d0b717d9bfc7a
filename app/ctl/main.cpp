// SPDX-License-Identifier: MIT
// flotillactl: the Flotilla console on the command line (docs/flotillactl.md).
#include "app/ctl/ctl.h"
#include "app/translations.h"

#include <QCoreApplication>
#include <QLoggingCategory>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // Before anything reads QSettings or QStandardPaths: the console's folders.
    QCoreApplication::setOrganizationName(QStringLiteral("Flotilla"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("flotilla.example"));
    QCoreApplication::setApplicationName(QStringLiteral("Console"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FLOTILLA_VERSION));
    // A command line speaks through its output: Flotilla's debug and info logs only when asked
    // for (QT_LOGGING_RULES="flotilla.*=true"); warnings stay.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(
            QStringLiteral("flotilla.*.debug=false\nflotilla.*.info=false"));
    // People read the language of the console's settings; --json is for programs: English.
    const bool json = QCoreApplication::arguments().contains(QStringLiteral("--json"));
    Flotilla::App::installTranslations(
        json ? QStringLiteral("en") : Flotilla::App::languageSetting());
    return Flotilla::Ctl::run(QCoreApplication::arguments());
}
