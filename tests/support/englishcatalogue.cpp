// SPDX-License-Identifier: MIT
// Linked into every test (cmake/FlotillaHelpers.cmake): the application of a test speaks English
// as the console does, with Flotilla's English catalogue ("%n device(s)" reads "1 device"), and
// keeps the test's C locale. Tests of other languages install theirs (tests/translations).
#include "app/translations.h"

#include <QCoreApplication>

namespace {

void installEnglish()
{
    Flotilla::App::installTranslations(QStringLiteral("en"));
}

} // namespace

Q_COREAPP_STARTUP_FUNCTION(installEnglish)
